package dev.stowage.app.shell;

import java.util.List;

/**
 * The profile's recently closed windows, which the session keeper keeps (Firefox keeps 5): Ctrl+Shift+T
 * reopens the most recently closed thing, tab or window, as Chrome does, and the main menu's History lists
 * them. FX thread.
 */
public interface ClosedWindows {
    /** No closed windows: Ctrl+Shift+T reopens the window's own closed tabs. */
    ClosedWindows NONE = new ClosedWindows() {
        @Override
        public List<String> titles() {
            return List.of();
        }

        @Override
        public void reopen(int index) {
        }

        @Override
        public void reopenLast(BrowserWindow window) {
            window.reopenClosed();
        }
    };

    /** The closed windows as the History menu names them, most recent first. */
    List<String> titles();

    /** Reopens the closed window at {@code index} of {@link #titles()}, with its tabs and their storage. */
    void reopen(int index);

    /** Ctrl+Shift+T in {@code window}: the most recently closed window, or else the window's closed tab. */
    void reopenLast(BrowserWindow window);
}
