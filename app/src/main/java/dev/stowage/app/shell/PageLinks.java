package dev.stowage.app.shell;

import java.util.Locale;
import javafx.scene.web.WebEngine;

/**
 * What link is under a point of a page, asked of the page itself: WebKit here reports neither hovered
 * links as status changes nor links under a click, so the shell runs a small script in the page. The page
 * can make these answers lie, but only about its own links: the shell then opens what the page could open
 * anyway, and only URLs a page may open ({@link NewTabRouter#isOpenable}). FX thread only.
 */
final class PageLinks {
    private static final String URL_AT_POINT = "(function(x,y){var e=document.elementFromPoint(x,y);"
            + "var a=e&&e.closest?e.closest('a[href]'):null;return a?a.href:'';})(%f,%f)";
    private static final String OPTS_OUT_AT_POINT = "(function(x,y){var e=document.elementFromPoint(x,y);"
            + "var a=e&&e.closest?e.closest('a[href]'):null;if(!a){return false;}"
            + "var r=' '+(a.getAttribute('rel')||'').toLowerCase().split(/[\\s,]+/).join(' ')+' ';"
            + "return r.indexOf(' noopener ')>=0||r.indexOf(' noreferrer ')>=0;})(%f,%f)";

    private PageLinks() {
    }

    /** The absolute URL of the link at WebView coordinates ({@code x}, {@code y}), or "" when there is none. */
    static String urlAt(WebEngine engine, double x, double y) {
        Object href = ask(engine, URL_AT_POINT, x, y);
        return href instanceof String s ? s : "";
    }

    /** Whether the link at ({@code x}, {@code y}) says {@code rel=noopener} or {@code noreferrer}. */
    static boolean optsOutAt(WebEngine engine, double x, double y) {
        return Boolean.TRUE.equals(ask(engine, OPTS_OUT_AT_POINT, x, y));
    }

    private static Object ask(WebEngine engine, String script, double x, double y) {
        if (PageDocument.of(engine) == null) {
            return null;
        }
        try {
            return engine.executeScript(String.format(Locale.ROOT, script, x, y));
        } catch (RuntimeException e) {
            // A page whose script broke its own DOM has no link we can name; not worth an error.
            return null;
        }
    }

    /** The absolute URL of the link at {@code tab}'s WebView coordinates, or "" (also once the tab is closing). */
    static String urlAt(BrowserTab tab, double x, double y) {
        return tab.isOpen() ? urlAt(tab.engine(), x, y) : "";
    }

    /** Whether the link at {@code tab}'s WebView coordinates opts out of a copy ({@code noopener}, {@code noreferrer}). */
    static boolean optsOutAt(BrowserTab tab, double x, double y) {
        return tab.isOpen() && optsOutAt(tab.engine(), x, y);
    }
}
