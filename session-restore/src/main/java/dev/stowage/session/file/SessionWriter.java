package dev.stowage.session.file;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Saves the session in the background soon after it changes, so that a killed process loses at most
 * about a second, while the owner thread (the FX thread) never waits on the disk.
 *
 * <p><b>When.</b> {@link #changed()} marks the session dirty. A save starts once changes have settled for
 * {@code settle}, but no later than {@code cap} after the first unsaved change, so a page that writes
 * without pause is still saved about once per {@code cap}; a burst of changes costs one save.
 *
 * <p><b>How.</b> The snapshot is taken on the owner thread ({@code snapshot} must be cheap there: it runs
 * through {@code ownerThread}, e.g. {@code Platform::runLater}: immutable pictures, no I/O), then handed to
 * {@code save} on this writer's own thread, which serialises and writes it ({@link SessionStore#save},
 * {@link SessionFile#save}). Saves never overlap and run in order. A failed save
 * (a full disk) is reported to {@code problems} and retried at the next change; the files on disk stay
 * as they were. {@link #saveNow()} is the quit path: a snapshot right away and a future that completes once
 * it is on the disk.
 *
 * <p><b>Threading.</b> {@link #changed()} and {@link #saveNow()} on the owner thread; {@link #close()} on
 * any thread.
 */
public final class SessionWriter<T> implements AutoCloseable {
    /** Writes a snapshot to the disk, on the writer's thread. */
    @FunctionalInterface
    public interface Save<T> {
        void save(T snapshot) throws IOException;
    }

    private final Save<T> save;
    private final Supplier<T> snapshot;
    private final Executor ownerThread;
    private final Consumer<String> problems;
    private final long settleNanos;
    private final long capNanos;
    private final ScheduledExecutorService timer;
    private final ExecutorService disk;
    // Owner-thread state.
    private long firstUnsaved = -1;
    private ScheduledFuture<?> pending;

    /**
     * @param snapshot    the session as it is now; called on the owner thread
     * @param save        writes a snapshot; called on the writer's thread, one at a time, in order
     * @param ownerThread runs a task on the owner thread
     * @param problems    told, on the writer's thread, when a save failed
     */
    public SessionWriter(Supplier<T> snapshot, Save<T> save, Executor ownerThread,
                         Duration settle, Duration cap, Consumer<String> problems) {
        this.save = Objects.requireNonNull(save, "save");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.ownerThread = Objects.requireNonNull(ownerThread, "ownerThread");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.settleNanos = Objects.requireNonNull(settle, "settle").toNanos();
        this.capNanos = Objects.requireNonNull(cap, "cap").toNanos();
        if (settleNanos < 0 || capNanos < settleNanos) {
            throw new IllegalArgumentException("need 0 <= settle <= cap, got " + settle + " and " + cap);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "session-timer"));
        this.disk = Executors.newSingleThreadExecutor(r -> daemon(r, "session-writer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The session changed: a save follows once changes settle, or at the latest {@code cap} from now. */
    public void changed() {
        long now = System.nanoTime();
        if (firstUnsaved < 0) {
            firstUnsaved = now;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        long delay = Math.min(settleNanos, Math.max(0, firstUnsaved + capNanos - now));
        pending = timer.schedule(() -> ownerThread.execute(this::snapshotAndWrite), delay, TimeUnit.NANOSECONDS);
    }

    /** Takes a snapshot now and writes it; the future completes (on the writer's thread) once it is written. */
    public CompletableFuture<Void> saveNow() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        firstUnsaved = -1;
        return write(snapshot.get());
    }

    private void snapshotAndWrite() {
        if (firstUnsaved < 0) {
            return; // saveNow came first
        }
        pending = null;
        firstUnsaved = -1;
        write(snapshot.get());
    }

    private CompletableFuture<Void> write(T session) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        disk.execute(() -> {
            try {
                save.save(session);
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                problems.accept("The session could not be saved: " + e.getMessage());
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Stops the timer; a save already handed to the writer's thread still finishes. */
    @Override
    public void close() {
        timer.shutdownNow();
        disk.shutdown();
        try {
            disk.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
