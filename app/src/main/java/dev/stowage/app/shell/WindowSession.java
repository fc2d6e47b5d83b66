package dev.stowage.app.shell;

import dev.stowage.session.TabState;

/**
 * What a {@link BrowserWindow} tells whoever keeps the session (the session keeper), all on the FX thread.
 * The window calls {@link #closing} before it lets go of anything, so the keeper can take the window's
 * last picture while it is whole, and {@link #closed} once every page has unloaded (their {@code pagehide}
 * writes included).
 */
public interface WindowSession {
    /** No session: quitting just closes the window. */
    WindowSession NONE = new WindowSession() {
    };

    /** Something a saved session holds changed: tabs, their order or selection, a page, the window's bounds. */
    default void changed() {
    }

    /** {@code window} starts closing; its tabs, their storage and its closed-tab list are still all there. */
    default void closing(BrowserWindow window) {
    }

    /** {@code window} has closed: its pages unloaded, its stage hidden. */
    default void closed(BrowserWindow window) {
    }

    /** The user asked for a new window (Ctrl+N, the main menu) from {@code window}; without a keeper, none. */
    default void newWindowRequested(BrowserWindow window) {
    }

    /** The user asked for a private window (Ctrl+Shift+N, the main menu) from {@code window}; without a keeper, none. */
    default void privateWindowRequested(BrowserWindow window) {
    }

    /**
     * {@code tab} is leaving {@code window} for another window: until its page has unloaded and a window
     * took it up ({@link #moveToNewWindow}, {@link #tabDropped}) it is in no window, yet must not be lost.
     */
    default void tabLeaving(BrowserWindow window, TabState tab) {
    }

    /**
     * {@code tab} left {@code window} for a new window (its page unloaded, its namespace kept); without a
     * keeper to make windows, it comes back into {@code window}.
     */
    default void moveToNewWindow(BrowserWindow window, TabState tab) {
        window.adopt(tab);
    }

    /**
     * Another window of this session, not {@code window}, whose tab strip is at ({@code screenX},
     * {@code screenY}) on the screen: where a tab dragged off {@code window}'s strip would go. Without a
     * keeper, none.
     */
    default java.util.Optional<BrowserWindow> windowWithStripAt(BrowserWindow window, double screenX, double screenY) {
        return java.util.Optional.empty();
    }

    /**
     * {@code tab} was dragged off {@code window}'s strip and let go at ({@code screenX}, {@code screenY}); its
     * page has unloaded and its namespace is kept. The window whose strip is there takes it at that place,
     * else a new window there; without a keeper to make windows, it comes back into {@code window}.
     */
    default void tabDropped(BrowserWindow window, TabState tab, double screenX, double screenY) {
        window.adopt(tab);
    }

    /** The user asked to quit (Ctrl+Shift+Q) from {@code window}. */
    default void quitRequested(BrowserWindow window) {
        window.close();
    }
}
