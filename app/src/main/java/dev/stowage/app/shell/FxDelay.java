package dev.stowage.app.shell;

import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Runs a task on the FX thread after a delay, without an animation. A running
 * {@link javafx.animation.PauseTransition} has JavaFX pulse every frame until it ends, and a pulse that comes
 * while the (software) renderer still paints the last one waits for it on the FX thread: a wait that must
 * not start a panel's opening or fill a window's idle seconds. One daemon thread keeps the time for all.
 */
public final class FxDelay {
    private static final ScheduledThreadPoolExecutor CLOCK = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "stowage-fx-delay");
        thread.setDaemon(true);
        return thread;
    });

    static {
        CLOCK.setRemoveOnCancelPolicy(true); // a cancelled task lets go of what it holds (a closed window's dock) at once
    }

    private FxDelay() {
    }

    /** A task waiting for its time; cancelling it on the FX thread means it will not run. */
    public static final class Pending {
        private boolean cancelled; // both written and read on the FX thread
        private ScheduledFuture<?> timer;

        public void cancel() {
            cancelled = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    /** Runs {@code task} on the FX thread once {@code delay} has passed, unless cancelled first. */
    public static Pending after(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        Pending pending = new Pending();
        pending.timer = CLOCK.schedule(() -> Platform.runLater(() -> {
            if (!pending.cancelled) {
                task.run();
            }
        }), Math.max(0, Math.round(delay.toMillis())), TimeUnit.MILLISECONDS);
        return pending;
    }
}
