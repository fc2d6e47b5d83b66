package dev.stowage.app.testing;

import dev.stowage.app.ProfileCookies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/**
 * The one place tests meet the FX thread: starts the toolkit once per JVM (Monocle, headless, from the
 * surefire argLine) and runs work on the FX thread with a deadline, rethrowing what it threw.
 */
public final class Fx {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static boolean started;

    private Fx() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        // The app installs its cookie handler before any WebView (StowageApp.init); so does every test JVM,
        // in memory, so that a cookie test can later point it at a profile (WebKit's HTTP client keeps the
        // handler it first saw; see ProfileCookieHandler).
        ProfileCookies.install(Path.of(System.getProperty("java.io.tmpdir"), "stowage-test-private"), true, false,
                message -> System.err.println("cookies: " + message));
        // Start the toolkit the way TestFX does, so the shell's robot-driven tests that share this JVM
        // find it in the state they expect (a toolkit started with Platform.startup left the robot's
        // key presses going nowhere).
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX toolkit did not start", e);
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    public static <T> T call(Callable<T> work) {
        return call(work, TIMEOUT);
    }

    public static <T> T call(Callable<T> work, Duration timeout) {
        start();
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Fx.call from the FX thread would wait for itself");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + timeout + " (blocked?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Asks {@code condition} on the FX thread every 20 ms until it is true; fails after {@code timeout}. */
    public static void waitUntil(String what, Callable<Boolean> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(call(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            sleep(20);
        }
    }

    /** Sleeps the calling thread; an interrupt fails the test. */
    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
