package dev.stowage.app.shell;

import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Runs a task once, when the window of a node has shown and then had no input for a while: no key, no mouse
 * press or drag, no scrolling. Work that would cost the person a frame or two while they type or scroll
 * (styling a panel they have not opened yet) waits for such a moment. Moving the mouse alone does not count
 * as input. FX thread.
 */
final class IdleWatch {
    private static final EventType<?>[] INPUT = {KeyEvent.ANY, MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_DRAGGED,
            ScrollEvent.ANY};

    private final Node node;
    private final long quietNanos;
    private final Runnable task;
    /** The time it waits for, if it waits: the last input's, or the window's showing, plus the quiet time. */
    private FxDelay.Pending check;
    private long lastInput;
    private final EventHandler<Event> restart = e -> lastInput = System.nanoTime(); // a check looks at it when due
    private final ChangeListener<Boolean> showingChanged = (obs, was, showing) -> restart();
    private final ChangeListener<Window> windowMoved = (obs, old, window) -> follow(old, window);
    private final ChangeListener<Scene> sceneMoved = (obs, old, scene) -> watch(old, scene);
    private Scene scene;
    private boolean done;

    /** Watches {@code node}'s window, whichever scene the node is in; {@code task} runs at most once. */
    IdleWatch(Node node, Duration quiet, Runnable task) {
        this.node = Objects.requireNonNull(node, "node");
        this.task = Objects.requireNonNull(task, "task");
        this.quietNanos = Math.round(Objects.requireNonNull(quiet, "quiet").toMillis() * 1e6);
        node.sceneProperty().addListener(sceneMoved);
        watch(null, node.getScene());
    }

    /** Stops watching; the task will not run. */
    void cancel() {
        done = true;
        stop();
        node.sceneProperty().removeListener(sceneMoved);
        watch(scene, null);
    }

    private void watch(Scene old, Scene now) {
        if (old != null) {
            for (EventType<?> type : INPUT) {
                old.removeEventFilter(type, restart);
            }
            old.windowProperty().removeListener(windowMoved);
            follow(old.getWindow(), null);
        }
        scene = done ? null : now;
        if (scene != null) {
            for (EventType<?> type : INPUT) {
                @SuppressWarnings("unchecked")
                EventType<Event> any = (EventType<Event>) type;
                scene.addEventFilter(any, restart);
            }
            scene.windowProperty().addListener(windowMoved);
            follow(null, scene.getWindow());
        }
        restart();
    }

    private void follow(Window old, Window now) {
        if (old != null) {
            old.showingProperty().removeListener(showingChanged);
        }
        if (now != null) {
            now.showingProperty().addListener(showingChanged);
        }
        restart();
    }

    private void restart() {
        stop();
        if (!done && isShowing()) {
            lastInput = System.nanoTime();
            waitFor(quietNanos);
        }
    }

    private void waitFor(long nanos) {
        check = FxDelay.after(Duration.millis(nanos / 1e6), this::due);
    }

    private void due() {
        check = null;
        if (done || !isShowing()) {
            return;
        }
        long left = lastInput + quietNanos - System.nanoTime();
        if (left > 0) {
            waitFor(left); // input came meanwhile: the quiet time counts from it
            return;
        }
        cancel();
        task.run();
    }

    private void stop() {
        if (check != null) {
            check.cancel();
            check = null;
        }
    }

    private boolean isShowing() {
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }
}
