package dev.stowage.app.shell;

import javafx.scene.web.WebEngine;
import netscape.javascript.JSException;

/**
 * Reads and sets a page's scroll position, for the history entry a closed or quitting tab leaves behind
 * and for putting a reopened or restored page back where it was. The page is untrusted: it may have
 * replaced {@code scrollX} or {@code scrollTo}, so whatever comes back is checked and a failure means
 * "the top". FX thread only; called once per tab at close or quit, never on the save path.
 */
final class PageScroll {
    private PageScroll() {
    }

    /** The main frame's scroll position as {x, y} in CSS pixels, {0, 0} when it cannot be read. */
    static int[] read(WebEngine engine) {
        try {
            Object result = engine.executeScript("(function(){try{return (Math.max(0, Math.round(Number(window.pageXOffset)))|0)"
                    + " + ',' + (Math.max(0, Math.round(Number(window.pageYOffset)))|0);}catch(e){return '0,0';}})()");
            if (result instanceof String text && text.matches("\\d{1,9},\\d{1,9}")) {
                String[] parts = text.split(",");
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (JSException | IllegalStateException | UnsupportedOperationException e) {
            // No page, or a page that broke its own window object: the top it is.
        }
        return new int[] {0, 0};
    }

    /**
     * After the first load of a reopened or restored tab: back to where {@code entry} was scrolled, if the
     * page that loaded is that entry's ({@code location}) and it was scrolled at all.
     */
    static void backTo(WebEngine engine, dev.stowage.session.TabState.HistoryEntry entry, String location) {
        if (entry != null && entry.url().equals(location) && (entry.scrollX() > 0 || entry.scrollY() > 0)) {
            scrollTo(engine, entry.scrollX(), entry.scrollY());
        }
    }

    /** Scrolls the main frame to ({@code x}, {@code y}); nothing if the page refuses. */
    static void scrollTo(WebEngine engine, int x, int y) {
        try {
            engine.executeScript("window.scrollTo(" + Math.max(0, x) + ", " + Math.max(0, y) + ")");
        } catch (JSException | IllegalStateException | UnsupportedOperationException e) {
            // Left where the page put itself.
        }
    }
}
