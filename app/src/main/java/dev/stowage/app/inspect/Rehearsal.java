package dev.stowage.app.inspect;

import dev.stowage.app.shell.FxDelay;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.util.Duration;

/**
 * A panel made ahead shows its target once while hidden, rows and all, then lets it go, so that the first
 * opening in a process is not the first time that code runs.
 *
 * <p><b>Why.</b> With the panel made ahead, the longest stretch of a first opening in a fresh JVM was the
 * inspector's own code running for the first time: classes loaded and lambdas spun for the areas, the rows
 * and their snapshot lease, the first rows handed to the grid, the origins' labels formatted and the grid's
 * first texts laid out (sampled on the FX thread, docs/BENCHMARKS.md). A rehearsal pays that at the idle
 * moment the panel is made at. An earlier one that let the target go before its rows were built warmed too
 * little to tell from the spread.
 *
 * <p><b>What it holds.</b> While it runs, the inspector follows the target like an open one, a page's writes
 * included (the moment is one without input, not one without work); it lets go once the rows are in and
 * laid out, or after {@link #LONGEST} at most, unless the panel was connected meanwhile (then the opening
 * keeps what the rehearsal showed). A panel that leaves the window meanwhile lets go at once (the
 * panel's own doing: the dock closes only a connected panel). FX thread.
 */
final class Rehearsal {
    /** The longest a rehearsal waits for the rows of a large area. */
    static final Duration LONGEST = Duration.seconds(2);
    /** How long the rows stay after they came: a few frames, for the grid to lay out its cells with them. */
    private static final Duration LAID_OUT = Duration.millis(100);

    enum State { NOT_YET, RUNNING, DONE }

    private final Inspector inspector;
    private State state = State.NOT_YET;

    Rehearsal(Inspector inspector) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
    }

    /**
     * Runs the rehearsal once: {@code show} shows the target; {@code ahead} says whether the panel is still
     * made ahead, unconnected and in its window: whether to start, and whether to let the target go at the end.
     */
    void run(Runnable show, BooleanSupplier ahead) {
        Objects.requireNonNull(show, "show");
        Objects.requireNonNull(ahead, "ahead");
        if (state != State.NOT_YET) {
            return;
        }
        if (!ahead.getAsBoolean()) {
            state = State.DONE;
            return;
        }
        state = State.RUNNING;
        show.run();
        WhenLoaded.run(inspector.loadingProperty(), LONGEST, () -> FxDelay.after(LAID_OUT, () -> {
            state = State.DONE;
            if (ahead.getAsBoolean()) {
                inspector.show(null);
            }
        }));
    }

    State state() {
        return state;
    }
}
