package dev.stowage.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The thread a profile file is written on (zoom levels, settings): one daemon thread, tasks in order, so
 * the FX thread never waits on the disk. {@link #close()} waits up to 5 s for the last write.
 */
final class ProfileWriter implements AutoCloseable {
    private final ExecutorService thread;

    ProfileWriter(String name) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code write} after the writes before it. Any thread. */
    void execute(Runnable write) {
        thread.execute(write);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
