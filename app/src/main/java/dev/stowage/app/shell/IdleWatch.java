package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Runs a task once, when the window of a node is showing and the process has had no input for a while
 * ({@link InputActivity}: in any window, since they all share the FX thread). Work that would cost the
 * person a frame or two while they type or scroll (styling a panel they have not opened yet) waits for such
 * a moment. The watches of several windows run their tasks one quiet time apart, not all at once (a restored
 * session's windows would otherwise all make their panels together). FX thread.
 */
final class IdleWatch {
    /** Keeps the time: the clock, and a timer that runs a task on the FX thread later. */
    interface Clock {
        long nanoTime();

        /** Runs {@code task} on the FX thread after {@code delay}; the runnable returned cancels it. */
        Runnable after(Duration delay, Runnable task);
    }

    /** What the watches of one process share: the time, its last input, and when a watch last ran its task. */
    static final class Process {
        private static Process system;
        private final Clock clock;
        private final LongSupplier lastInput;
        private long lastRun = Long.MIN_VALUE;

        /** @param lastInput the {@link Clock#nanoTime()} of the process's last input */
        Process(Clock clock, LongSupplier lastInput) {
            this.clock = Objects.requireNonNull(clock, "clock");
            this.lastInput = Objects.requireNonNull(lastInput, "lastInput");
        }

        /** The real one: {@link System#nanoTime()}, {@link FxDelay}, and {@link InputActivity}. FX thread. */
        static Process system() {
            if (system == null) {
                system = new Process(new Clock() {
                    @Override
                    public long nanoTime() {
                        return System.nanoTime();
                    }

                    @Override
                    public Runnable after(Duration delay, Runnable task) {
                        return FxDelay.after(delay, task)::cancel;
                    }
                }, InputActivity.process()::lastInputNanos);
            }
            return system;
        }
    }

    private final Node node;
    private final long quietNanos;
    private final Runnable task;
    private final Process process;
    private final ChangeListener<Boolean> showingChanged = (obs, was, showing) -> restart();
    private final ChangeListener<Window> windowMoved = (obs, old, window) -> follow(old, window);
    private final ChangeListener<Scene> sceneMoved = (obs, old, scene) -> watch(old, scene);
    private Scene scene;
    /** Cancels the pending check, if one is pending. */
    private Runnable check;
    private long since;
    private boolean done;

    /** Watches {@code node}'s window, whichever scene the node is in; {@code task} runs at most once. */
    IdleWatch(Node node, Duration quiet, Runnable task) {
        this(node, quiet, task, Process.system());
    }

    IdleWatch(Node node, Duration quiet, Runnable task, Process process) {
        this.node = Objects.requireNonNull(node, "node");
        this.task = Objects.requireNonNull(task, "task");
        this.quietNanos = Math.round(Objects.requireNonNull(quiet, "quiet").toMillis() * 1e6);
        this.process = Objects.requireNonNull(process, "process");
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
            old.windowProperty().removeListener(windowMoved);
            follow(old.getWindow(), null);
        }
        scene = done ? null : now;
        if (scene != null) {
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

    /** The quiet time counts from now at the earliest: from the window's showing, say. */
    private void restart() {
        stop();
        if (!done && isShowing()) {
            since = process.clock.nanoTime();
            waitFor(quietNanos);
        }
    }

    private void waitFor(long nanos) {
        check = process.clock.after(Duration.millis(nanos / 1e6), this::due);
    }

    private void due() {
        check = null;
        if (done || !isShowing()) {
            return;
        }
        long from = Math.max(since, Math.max(process.lastInput.getAsLong(), process.lastRun));
        long left = from + quietNanos - process.clock.nanoTime();
        if (left > 0) {
            waitFor(left); // input came meanwhile, or another window's task ran: the quiet time counts from it
            return;
        }
        process.lastRun = process.clock.nanoTime();
        cancel();
        task.run();
    }

    private void stop() {
        if (check != null) {
            check.run();
            check = null;
        }
    }

    private boolean isShowing() {
        return scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
    }
}
