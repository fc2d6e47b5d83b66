package dev.stowage.session.cookies;

import dev.stowage.session.file.SessionWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Saves the cookie list in the background soon after a cookie changes, with the session's own saver
 * ({@link SessionWriter}: a save once changes settle for {@link #SETTLE}, at most {@link #CAP} after the
 * first unsaved change, failures reported and retried at the next change).
 *
 * <p><b>Threading.</b> Cookies change on WebKit's network threads and, for {@code document.cookie}, on the
 * FX thread, so {@link #changed()} and {@link #saveNow()} may be called on any thread and never block:
 * {@link SessionWriter} wants one owner thread, and here that is this saver's own thread, on which the
 * {@code snapshot} is taken too (it must be safe to call there: the cookie store locks itself). The FX
 * thread never waits on the disk nor on a snapshot. {@link #close()} may block briefly for a save in flight.
 */
public final class CookieSaver implements AutoCloseable {
    /** How long cookie changes must settle before a save: the session's own setting. */
    public static final Duration SETTLE = Duration.ofMillis(300);
    /** The longest a changed cookie waits for its save, so a killed process loses about a second. */
    public static final Duration CAP = Duration.ofSeconds(1);

    private final ExecutorService owner;
    private final SessionWriter<List<StoredCookie>> writer;
    private volatile boolean closed;

    /**
     * @param file     where to save; must not be {@link CookieFile#refused()}
     * @param snapshot the cookies as they are now (unexpired, store order); called on this saver's thread
     * @param problems told, on the saver's thread, when a save failed
     */
    public CookieSaver(CookieFile file, Supplier<List<StoredCookie>> snapshot, Consumer<String> problems) {
        this(file, snapshot, problems, SETTLE, CAP);
    }

    /** {@link #CookieSaver(CookieFile, Supplier, Consumer)} with other timings, for tests. */
    public CookieSaver(CookieFile file, Supplier<List<StoredCookie>> snapshot, Consumer<String> problems,
                       Duration settle, Duration cap) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(problems, "problems");
        if (file.refused()) {
            throw new IllegalArgumentException("a newer format's cookie file must not be saved over: " + file.path());
        }
        this.owner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cookie-saver");
            t.setDaemon(true);
            return t;
        });
        this.writer = new SessionWriter<>(() -> List.copyOf(snapshot.get()), file::save, owner, settle, cap,
                message -> problems.accept(message.replace("The session could not be saved",
                        "The cookies could not be saved")));
    }

    /** A cookie changed: a save follows once changes settle. Any thread; returns at once. Ignored once closed. */
    public void changed() {
        if (closed) {
            return;
        }
        try {
            owner.execute(writer::changed);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: the quit path saved (or chose not to); nothing more to do.
        }
    }

    /**
     * Saves the cookies as they are now, whatever is pending: the quit path. Any thread.
     *
     * @return completes once they are on the disk; exceptionally if the save failed or the saver is closed
     */
    public CompletableFuture<Void> saveNow() {
        try {
            return CompletableFuture.supplyAsync(writer::saveNow, owner).thenCompose(f -> f);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("the cookie saver is closed", e));
        }
    }

    /**
     * Stops saving: later changes are ignored, a pending (unsettled) save is dropped, a save already being
     * written finishes first. Call {@link #saveNow()} before it to keep the last changes. Any thread.
     */
    @Override
    public void close() {
        closed = true;
        owner.shutdown();
        try {
            // The owner may be taking a snapshot for a save; let it hand that save to the writer first.
            owner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
