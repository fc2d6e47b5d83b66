package dev.stowage.app.session;

import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.session.WindowState;
import javafx.stage.Stage;

/** Where a window the keeper makes for the user stands: the size of the window it came from. FX thread only. */
final class WindowPlacement {
    /** How far right and down of its window a new window opens (Ctrl+N, Move to new window). */
    static final double CASCADE = 30;

    private WindowPlacement() {
    }

    /** A window the size of {@code from}, a little below and right of it. */
    static WindowState.Bounds beside(BrowserWindow from) {
        Stage stage = from.stage();
        double width = stage.getWidth() > 0 ? stage.getWidth() : 1024;
        double height = stage.getHeight() > 0 ? stage.getHeight() : 720;
        double x = Double.isFinite(stage.getX()) ? stage.getX() + CASCADE : 0;
        double y = Double.isFinite(stage.getY()) ? stage.getY() + CASCADE : 0;
        return new WindowState.Bounds(x, y, width, height);
    }

    /** Gives {@code made} the size of {@code from} (a window the user sized), at ({@code x}, {@code y}). */
    static void placeLike(BrowserWindow made, BrowserWindow from, double x, double y) {
        if (from.stage().getWidth() > 0 && from.stage().getHeight() > 0) {
            made.stage().setWidth(from.stage().getWidth());
            made.stage().setHeight(from.stage().getHeight());
        }
        made.stage().setX(x);
        made.stage().setY(y);
    }

    /** {@link #placeLike} at {@link #beside}'s place. */
    static void besideLike(BrowserWindow made, BrowserWindow from) {
        WindowState.Bounds at = beside(from);
        placeLike(made, from, at.x(), at.y());
    }
}
