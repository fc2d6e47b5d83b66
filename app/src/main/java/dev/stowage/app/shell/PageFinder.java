package dev.stowage.app.shell;

import java.lang.reflect.Method;
import java.util.Objects;
import javafx.scene.web.WebEngine;
import org.w3c.dom.Document;

/**
 * Find in a page with WebKit's own find ({@code com.sun.webkit.WebPage.find}, the engine's private API: the
 * public {@link WebEngine} has none), which selects the match, scrolls it into view and searches the frames
 * too, and a count from {@link FindMatches}. No script runs, the page's or ours.
 *
 * <p>The current match's number is kept here: WebKit's find does not say which match it selected, and the
 * DOM selection has no native code behind it in this WebKit ({@code DOMSelectionImpl}'s methods are not
 * linked). A new query starts at the first match; Enter and Shift+Enter count from there. A click in the
 * page between two steps is not seen, and text hidden by a style is counted though find skips it.
 * FX thread only.
 */
final class PageFinder {
    /** What a find found: the number of the current match (1-based, 0 for none) and how many there are. */
    record Result(int current, int count) {
        static final Result NONE = new Result(0, 0);
    }

    private final WebEngine engine;
    private int current;
    private int count;

    PageFinder(WebEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Whether this finder searches {@code other}'s page. */
    boolean searches(WebEngine other) {
        return engine == other;
    }

    /**
     * Selects a match of {@code query}, ignoring case: for a new query the first one in the page; otherwise
     * the next ({@code forward}) or previous one after the current selection, wrapping at the end.
     */
    Result find(String query, boolean forward, boolean newQuery) {
        Document document = PageDocument.of(engine);
        if (query.isEmpty() || document == null) {
            current = 0;
            count = 0;
            return Result.NONE;
        }
        count = FindMatches.count(document, query);
        if (newQuery) {
            // To the first match: back without wrapping until there is none before. All in this one FX task,
            // so the page is painted once, at the end.
            int back = 0;
            while (back <= count && webKitFind(query, false, false)) {
                back++;
            }
            boolean onMatch = back > 0 || selectedText().equalsIgnoreCase(query);
            if (!onMatch && !webKitFind(query, true, true)) {
                current = 0;
                return new Result(0, count);
            }
            current = 1;
        } else {
            if (!webKitFind(query, forward, true)) {
                current = 0;
                return new Result(0, count);
            }
            current = count == 0 ? 1 : forward ? current % count + 1 : (current + count - 2) % count + 1;
        }
        return new Result(current, Math.max(count, current));
    }

    /** The text the page has selected now (the current match, once found). */
    String selectedText() {
        try {
            Object page = page();
            return (String) page.getClass().getMethod("getClientSelectedText").invoke(page);
        } catch (ReflectiveOperationException e) {
            return "";
        }
    }

    private boolean webKitFind(String query, boolean forward, boolean wrap) {
        try {
            Object page = page();
            Method find = page.getClass().getMethod("find", String.class, boolean.class, boolean.class, boolean.class);
            return (Boolean) find.invoke(page, query, forward, wrap, false);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this JavaFX's WebKit offers no find: " + e, e);
        }
    }

    private Object page() throws ReflectiveOperationException {
        Method getPage = WebEngine.class.getDeclaredMethod("getPage");
        getPage.setAccessible(true);
        return getPage.invoke(engine);
    }
}
