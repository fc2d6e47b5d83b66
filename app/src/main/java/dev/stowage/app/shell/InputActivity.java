package dev.stowage.app.shell;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * When the person last gave the process any input, in any of its windows (browser windows, dialogs, menus
 * and other popups): keys, input methods, mouse presses, drags and wheels, touch and gestures. Moving the
 * pointer, or its entering and leaving nodes, does not count. Every window shares the one FX thread, so
 * idle work that waits for the person to stop must look at all of them. FX thread; {@link #lastInputNanos()}
 * from any.
 */
public final class InputActivity {
    private static InputActivity process;

    private final EventHandler<InputEvent> noted = this::note;
    private final Map<Window, ChangeListener<Scene>> followed = new HashMap<>();
    private volatile long last = System.nanoTime();

    private InputActivity() {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::forget);
                change.getAddedSubList().forEach(this::follow);
            }
        });
        Window.getWindows().forEach(this::follow);
    }

    /** The process's one, made on first use. FX thread. */
    static InputActivity process() {
        if (process == null) {
            process = new InputActivity();
        }
        return process;
    }

    /**
     * How long until the process has gone {@code quiet} without input: {@link Duration#ZERO} if it has.
     * Idle work that runs in steps asks before each. FX thread.
     */
    public static Duration untilQuietFor(Duration quiet) {
        Objects.requireNonNull(quiet, "quiet");
        double since = (System.nanoTime() - process().lastInputNanos()) / 1e6;
        return since >= quiet.toMillis() ? Duration.ZERO : Duration.millis(quiet.toMillis() - since);
    }

    /** {@link System#nanoTime()} at the last input (or when this began to watch). Any thread. */
    long lastInputNanos() {
        return last;
    }

    private void note(InputEvent e) {
        EventType<? extends InputEvent> type = e.getEventType();
        if (type != MouseEvent.MOUSE_MOVED && type != MouseEvent.MOUSE_ENTERED && type != MouseEvent.MOUSE_EXITED
                && type != MouseEvent.MOUSE_ENTERED_TARGET && type != MouseEvent.MOUSE_EXITED_TARGET) {
            last = System.nanoTime();
        }
    }

    private void follow(Window window) {
        if (followed.containsKey(window)) {
            return;
        }
        ChangeListener<Scene> moved = (obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(InputEvent.ANY, noted);
            }
            if (scene != null) {
                scene.addEventFilter(InputEvent.ANY, noted);
            }
        };
        followed.put(window, moved);
        window.sceneProperty().addListener(moved);
        moved.changed(window.sceneProperty(), null, window.getScene());
    }

    private void forget(Window window) {
        ChangeListener<Scene> moved = followed.remove(window);
        if (moved != null) {
            window.sceneProperty().removeListener(moved);
            moved.changed(window.sceneProperty(), window.getScene(), null);
        }
    }
}
