package dev.stowage.app.shell;

import dev.stowage.session.TabState.HistoryEntry;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebHistory;

/**
 * Keeps a tab's {@link TabHistory} in step with WebKit's {@link WebHistory}, and makes every traversal
 * (toolbar, keys, menus, the page's own {@code history.back()}) go through the shell's list.
 *
 * <p>WebKit reports its list and its current index separately; both are read together once they settled
 * (one FX pulse later) and compared with what was seen before, by entry identity: a new entry at the
 * current index is a navigation (or the landing of a traversal the shell made by loading a URL), the same
 * list at another index is a traversal inside WebKit's list, the same list at the same index is an update
 * of the current entry (title, {@code replaceState}). A traversal goes through {@code WebHistory.go} when
 * WebKit has the target entry, else it loads the entry's URL. FX thread only.
 */
final class HistoryFollower {
    /** WebKit's default of 100 entries would drop the oldest ones and shift every index. */
    private static final int ENGINE_HISTORY_SIZE = 1_000;

    private final WebEngine engine;
    private final TabHistory history = new TabHistory();
    private final Consumer<String> load;
    private final Runnable changed;
    private final java.util.function.UnaryOperator<String> urlOf;
    private List<WebHistory.Entry> seen = List.of();
    private int seenIndex = -1;
    private int pendingTarget = -1;
    private boolean pendingByLoad;
    private boolean syncQueued;

    /**
     * @param load    loads a URL into the tab (the way a traversal reaches an entry WebKit does not have)
     * @param changed told after the shell's history changed
     * @param urlOf   the URL an engine entry stands for (an error page is about:blank to WebKit)
     */
    HistoryFollower(WebEngine engine, Consumer<String> load, Runnable changed,
                    java.util.function.UnaryOperator<String> urlOf) {
        this.urlOf = Objects.requireNonNull(urlOf, "urlOf");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.load = Objects.requireNonNull(load, "load");
        this.changed = Objects.requireNonNull(changed, "changed");
        WebHistory webHistory = engine.getHistory();
        webHistory.setMaxSize(ENGINE_HISTORY_SIZE);
        webHistory.currentIndexProperty().addListener((obs, old, now) -> queueSync());
        webHistory.getEntries().addListener((ListChangeListener<WebHistory.Entry>) c -> queueSync());
        // An entry's title arrives after the entry; the shell's entry takes it then.
        engine.titleProperty().addListener((obs, old, now) -> queueSync());
    }

    TabHistory history() {
        return history;
    }

    /**
     * Starts the tab at {@code current} of {@code entries}, the others waiting in the shell; loads that entry
     * now, or with {@link #loadCurrent()} later (a restored background tab).
     */
    void restore(List<HistoryEntry> entries, int current, boolean loadNow) {
        history.reset(entries, current);
        pendingTarget = current;
        pendingByLoad = true;
        changed.run();
        if (loadNow) {
            loadCurrent();
        }
    }

    /** Loads the current entry (a restored tab's first load). */
    void loadCurrent() {
        load.accept(history.entries().get(history.index()).url());
    }

    /**
     * Goes {@code delta} entries back (negative) or forward; nothing if there is no such entry. Counted from
     * the entry a traversal is still heading for, so Back pressed twice goes two entries back.
     */
    void go(int delta) {
        if (!canGo(delta)) {
            return;
        }
        int target = (pendingTarget >= 0 ? pendingTarget : history.index()) + delta;
        WebHistory webHistory = engine.getHistory();
        int engineTarget = history.engineIndexOf(target);
        pendingTarget = target;
        if (engineTarget >= 0 && engineTarget < webHistory.getEntries().size()
                && engineTarget != webHistory.getCurrentIndex()) {
            pendingByLoad = false;
            webHistory.go(engineTarget - webHistory.getCurrentIndex());
        } else {
            pendingByLoad = true;
            load.accept(history.entries().get(target).url());
        }
    }

    /** Whether there is an entry {@code delta} entries from the current one (or the one being reached). */
    boolean canGo(int delta) {
        int target = (pendingTarget >= 0 ? pendingTarget : history.index()) + delta;
        return delta != 0 && target >= 0 && target < history.entries().size();
    }

    /** A load that is not a traversal (a typed URL, a link the shell opens, Stop) ends any pending one. */
    void forgetPending() {
        pendingTarget = -1;
    }

    /**
     * Whether a new entry is the landing of the traversal-by-load in progress: its URL is the target
     * entry's (a page's own navigation that came first, or a redirect, counts as a new entry instead).
     */
    private boolean isPendingLanding(HistoryEntry entry) {
        return pendingTarget >= 0 && pendingByLoad && pendingTarget < history.entries().size()
                && withoutFragment(history.entries().get(pendingTarget).url()).equals(withoutFragment(entry.url()));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private void queueSync() {
        if (!syncQueued) {
            syncQueued = true;
            Platform.runLater(this::sync);
        }
    }

    private void sync() {
        syncQueued = false;
        WebHistory webHistory = engine.getHistory();
        List<WebHistory.Entry> now = List.copyOf(webHistory.getEntries());
        int w = webHistory.getCurrentIndex();
        if (now.isEmpty() || w < 0 || w >= now.size()) {
            return;
        }
        int dropped = droppedFromFront(seen, now);
        if (dropped > 0) {
            history.engineDroppedOldest(dropped);
        }
        WebHistory.Entry current = now.get(w);
        HistoryEntry entry = new HistoryEntry(urlOf.apply(current.getUrl()),
                current.getTitle() == null ? "" : current.getTitle());
        boolean newEntry = !containsSame(seen, current);
        if (newEntry) {
            history.engineTruncatedFrom(w);
            if (isPendingLanding(entry)) {
                history.landed(pendingTarget, w);
                history.updateCurrent(entry);
            } else {
                history.pushed(entry, w);
            }
            pendingTarget = -1;
        } else if (w != seenIndex) {
            OptionalInt known = history.entryAtEngineIndex(w);
            if (known.isPresent()) {
                history.landed(known.getAsInt(), w);
            } else {
                history.pushed(entry, w);
            }
            pendingTarget = -1;
        } else {
            history.updateCurrent(entry);
        }
        seen = now;
        seenIndex = w;
        changed.run();
    }

    /** How many of {@code before}'s oldest entries WebKit dropped to make room (0 when none). */
    private static int droppedFromFront(List<WebHistory.Entry> before, List<WebHistory.Entry> now) {
        if (before.isEmpty() || now.isEmpty() || now.get(0) == before.get(0)) {
            return 0;
        }
        for (int i = 1; i < before.size(); i++) {
            if (before.get(i) == now.get(0)) {
                return i;
            }
        }
        return 0;
    }

    private static boolean containsSame(List<WebHistory.Entry> list, WebHistory.Entry entry) {
        for (WebHistory.Entry e : list) {
            if (e == entry) {
                return true;
            }
        }
        return false;
    }
}
