package dev.stowage.app.page;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * The one place tests meet the FX thread: starts the toolkit once per JVM (Monocle, headless, from the
 * surefire argLine) and runs work on the FX thread with a deadline, rethrowing what it threw.
 */
final class Fx {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static boolean started;

    private Fx() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the FX toolkit did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        started = true;
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T call(Callable<T> work) {
        return call(work, TIMEOUT);
    }

    static <T> T call(Callable<T> work, Duration timeout) {
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

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
