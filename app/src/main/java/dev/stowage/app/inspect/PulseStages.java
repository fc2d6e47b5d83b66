package dev.stowage.app.inspect;

import dev.stowage.app.shell.FxDelay;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * Runs a node's stages one every other pulse of the scene it is in, from when it is in one: how the
 * inspector's parts join the window a few controls at a time. Taken out of its scene, the node stops being
 * staged there (the scene keeps no listener of it), and goes on in the next scene it joins. A stage may be
 * {@linkplain #holdWhile held back} a while (the person is typing and nobody asked for the node yet). FX
 * thread.
 */
final class PulseStages {
    private final Node node;
    private final Deque<Runnable> stages = new ArrayDeque<>();
    private final Runnable stager = this::next;
    private boolean resting;
    private Supplier<Duration> hold = () -> Duration.ZERO;
    /** The timer of a held stage, or null. */
    private FxDelay.Pending held;

    PulseStages(Node node) {
        this.node = Objects.requireNonNull(node, "node");
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(stager); // taken out while staging: that scene must not keep it
            }
            start();
        });
    }

    /** Adds a stage after the others; it runs in a pulse after the stage before it, with one pulse between. */
    void add(Runnable stage) {
        stages.add(Objects.requireNonNull(stage, "stage"));
        start();
    }

    /**
     * Before each stage, asks {@code hold} how long that stage waits: {@link Duration#ZERO} runs it; longer
     * asks again after that long, on a timer (no pulses meanwhile). {@link #resume()} asks again at once.
     */
    void holdWhile(Supplier<Duration> hold) {
        this.hold = Objects.requireNonNull(hold, "hold");
    }

    /** Asks the hold again now, rather than when a held stage's wait ends (someone asked for the node). */
    void resume() {
        if (held != null) {
            retry();
        }
    }

    boolean isEmpty() {
        return stages.isEmpty();
    }

    /** Drops the stages not run yet. */
    void clear() {
        stages.clear();
        stopWaiting();
        Scene scene = node.getScene();
        if (scene != null) {
            scene.removePostLayoutPulseListener(stager);
        }
    }

    private void start() {
        stopWaiting();
        Scene scene = node.getScene();
        if (scene != null && !stages.isEmpty()) {
            scene.removePostLayoutPulseListener(stager);
            scene.addPostLayoutPulseListener(stager);
            Platform.requestNextPulse();
        }
    }

    private void stopWaiting() {
        if (held != null) {
            held.cancel();
            held = null;
        }
    }

    /** A held stage's wait is over: asks the hold again, and runs the stage in the next pulse if it lets go. */
    private void retry() {
        stopWaiting();
        Duration wait = hold.get();
        if (wait.greaterThan(Duration.ZERO)) {
            held = FxDelay.after(wait, this::retry);
            return;
        }
        resting = true; // what the last stage changed was painted long ago: no pulse to rest
        start();
    }

    private void next() {
        // Every other pulse: the pulse after a stage paints what it changed, and the one after that waits for
        // the painting to finish (software rendering takes 10-30 ms for a part of the inspector); a new stage
        // in that pulse too would add its styling to the wait.
        resting = !resting;
        if (resting) {
            Platform.requestNextPulse();
            return;
        }
        Duration wait = stages.isEmpty() ? Duration.ZERO : hold.get();
        if (wait.greaterThan(Duration.ZERO)) {
            // Off the pulses meanwhile, and a timer asks again: a scene without a WebView would otherwise pulse
            // every frame only for the asking (with one, WebKit's timer keeps JavaFX pulsing anyway).
            Scene scene = node.getScene();
            if (scene != null) {
                scene.removePostLayoutPulseListener(stager);
            }
            held = FxDelay.after(wait, this::retry);
            return;
        }
        Runnable stage = stages.poll();
        if (stage != null) {
            stage.run();
            Platform.requestNextPulse();
        }
        if (stages.isEmpty() && node.getScene() != null) {
            node.getScene().removePostLayoutPulseListener(stager);
        }
    }
}
