package dev.stowage.app.inspect;

import dev.stowage.app.shell.FxDelay;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

/**
 * Runs a task once, when something stops loading or after waiting for it a while, whichever comes first:
 * how a panel made ahead waits for its rows before it shows, while a large area still shows as it loads.
 * FX thread.
 */
final class WhenLoaded implements ChangeListener<Boolean> {
    private final ObservableBooleanValue loading;
    private final Runnable task;
    private final FxDelay.Pending longest;
    private boolean done;

    private WhenLoaded(ObservableBooleanValue loading, Duration atMost, Runnable task) {
        this.loading = loading;
        this.task = task;
        loading.addListener(this);
        longest = FxDelay.after(atMost, this::run);
    }

    /** Runs {@code task} now if {@code loading} is false, else when it turns false, or after {@code atMost}. */
    static void run(ObservableBooleanValue loading, Duration atMost, Runnable task) {
        Objects.requireNonNull(loading, "loading");
        Objects.requireNonNull(atMost, "atMost");
        Objects.requireNonNull(task, "task");
        if (!loading.get()) {
            task.run();
        } else {
            new WhenLoaded(loading, atMost, task);
        }
    }

    @Override
    public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
        if (!now) {
            run();
        }
    }

    private void run() {
        if (!done) {
            done = true;
            loading.removeListener(this);
            longest.cancel();
            task.run();
        }
    }
}
