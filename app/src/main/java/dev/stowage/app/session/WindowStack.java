package dev.stowage.app.session;

import dev.stowage.app.shell.BrowserWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Stage;

/**
 * The keeper's windows from the most recently focused on: the order they stack in on the screen, as far as
 * JavaFX tells (it has no z-order). Where a dragged tab is let go, the window the user sees there decides:
 * its strip takes the tab, and any other part of it (or of the window the tab came from) hides the windows
 * behind. Minimised windows take nothing. FX thread only.
 */
final class WindowStack {
    private final List<BrowserWindow> byFocus = new ArrayList<>();

    /** {@code window} opened: it is on top, and goes back on top whenever it is focused. */
    void add(BrowserWindow window) {
        byFocus.add(0, window);
        window.stage().focusedProperty().addListener((obs, was, focused) -> {
            if (focused && byFocus.remove(window)) {
                byFocus.add(0, window);
            }
        });
    }

    void remove(BrowserWindow window) {
        byFocus.remove(window);
    }

    /** The window, not {@code from} nor closing, whose strip the user sees at the screen point; or none. */
    Optional<BrowserWindow> stripAt(BrowserWindow from, double screenX, double screenY) {
        if (covers(from.stage(), screenX, screenY)) {
            return Optional.empty(); // the tab was dragged from it: it is on top, whatever focus says
        }
        for (BrowserWindow window : byFocus) {
            Stage stage = window.stage();
            if (window == from || !stage.isShowing() || stage.isIconified()) {
                continue;
            }
            if (!window.isClosing() && window.stripIndexAt(screenX, screenY).isPresent()) {
                return Optional.of(window);
            }
            if (covers(stage, screenX, screenY)) {
                return Optional.empty(); // the window on top there is not a strip to drop on
            }
        }
        return Optional.empty();
    }

    private static boolean covers(Stage stage, double x, double y) {
        return stage.isShowing() && x >= stage.getX() && x < stage.getX() + stage.getWidth()
                && y >= stage.getY() && y < stage.getY() + stage.getHeight();
    }
}
