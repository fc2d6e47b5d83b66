package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.Fx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inspector's warm-up runs its code off the FX thread, whole, and once per process. */
class InspectorWarmUpTest {
    @BeforeAll
    static void startToolkit() {
        Fx.start();
    }

    @Test
    void theWarmUpShowsEditsAndLetsGoOfAnInspectorOffTheFxThread() throws Exception {
        // A thread of its own, as the app's background pool is: whatever in the panel's making insists on the
        // FX thread, or fails there, fails here.
        CompletableFuture<Void> done = CompletableFuture.runAsync(InspectorWarmUp::warm,
                task -> new Thread(task, "inspector warm-up test").start());
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the warm-up failed off the FX thread", e.getCause());
        }
    }

    @Test
    void onlyTheFirstCallInAProcessWarmsUp() {
        AtomicInteger runs = new AtomicInteger();
        InspectorWarmUp.startOnce(task -> runs.incrementAndGet());
        InspectorWarmUp.startOnce(task -> runs.incrementAndGet());
        // Another test's window may have started it already in this JVM; never twice.
        assertTrue(runs.get() <= 1, "warm-ups started: " + runs.get());
    }
}
