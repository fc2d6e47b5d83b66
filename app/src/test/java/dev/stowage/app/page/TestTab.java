package dev.stowage.app.page;

import dev.stowage.app.testing.Fx;
import dev.stowage.storage.SessionNamespace;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * A bare tab for tests: a WebView in a shown Stage, with the shell's sessionStorage attached
 * ({@link #injected}) or WebKit's own ({@link #nativeStorage}). Every method is called off the FX thread.
 */
final class TestTab implements AutoCloseable {
    final Stage stage;
    final WebView view;
    final WebEngine engine;
    final PageStorage storage;

    private TestTab(Stage stage, WebView view, PageStorage storage) {
        this(stage, view, view.getEngine(), storage);
    }

    private TestTab(Stage stage, WebView view, WebEngine engine, PageStorage storage) {
        this.stage = stage;
        this.view = view;
        this.engine = engine;
        this.storage = storage;
    }

    static TestTab injected(Supplier<SessionNamespace> namespace) {
        return injected(namespace, new DocumentDirectory());
    }

    /** A tab of a group whose tabs share {@code directory} (a window's). */
    static TestTab injected(Supplier<SessionNamespace> namespace, DocumentDirectory directory) {
        return Fx.call(() -> {
            WebView view = new WebView();
            PageStorage storage = PageStorage.attach(view.getEngine(), namespace, directory);
            return new TestTab(show(view), view, storage);
        });
    }

    static TestTab nativeStorage() {
        return Fx.call(() -> {
            WebView view = new WebView();
            return new TestTab(show(view), view, null);
        });
    }

    // WebKit keeps localStorage in the engine's user data directory and locks it per process; the default
    // (~/.java/webview) is shared with every other JVM on the machine running WebViews (other builds'
    // tests), and when another process holds it, this process's localStorage is silently null.
    private static final java.io.File USER_DATA = userData();

    private static java.io.File userData() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("stowage-page-tests");
            dir.toFile().deleteOnExit();
            return dir.toFile();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stage show(WebView view) {
        view.getEngine().setUserDataDirectory(USER_DATA);
        Stage stage = new Stage();
        stage.setScene(new Scene(view, 640, 480));
        stage.show();
        return stage;
    }

    /** Loads {@code url} and waits until the load succeeded. */
    void load(String url) {
        navigate(url, () -> engine.load(url));
    }

    /** Runs {@code action} on the FX thread (a load, reload or history step) and waits until it loaded. */
    void navigate(String what, Runnable action) {
        String url = what;
        CompletableFuture<Worker.State> done = new CompletableFuture<>();
        Fx.run(() -> {
            ChangeListener<Worker.State> listener = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Worker.State> o,
                                    Worker.State old, Worker.State now) {
                    if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                        o.removeListener(this);
                        done.complete(now);
                    }
                }
            };
            engine.getLoadWorker().stateProperty().addListener(listener);
            action.run();
        });
        Worker.State state;
        try {
            state = done.get(Fx.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("loading " + url + " did not finish", e);
        }
        if (state != Worker.State.SUCCEEDED) {
            throw new AssertionError("loading " + url + " ended " + state);
        }
    }

    /** Runs a script in the main frame and returns its value. */
    Object eval(String script) {
        return Fx.call(() -> JsHandles.keep(engine.executeScript(script)));
    }

    String evalString(String script) {
        return String.valueOf(eval(script));
    }

    /** Polls {@code condition} (a JS expression) until it is true, failing after {@code timeout}. */
    void await(String condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(eval("!!(" + condition + ")"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + condition + "; page says: "
                        + evalString("window.__report ? window.__report() : document.title"));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Loads a harness page and returns its report once it called {@code done()}. */
    PageReport run(String url) {
        load(url);
        await("window.__done === true", Duration.ofSeconds(20));
        return new PageReport(url, evalString("window.__report()"));
    }

    /** Fails the test when the shell reported that some document did not get its sessionStorage. */
    void assertNoInjectionFailure() {
        String failure = storage == null ? null : Fx.call(() -> storage.failureProperty().get());
        if (failure != null) {
            throw new AssertionError("injection failed: " + failure);
        }
    }

    @Override
    public void close() {
        assertNoInjectionFailure();
        Fx.run(() -> {
            if (storage != null) {
                storage.close();
            }
            engine.load("about:blank");
            if (stage != null) {
                stage.close();
            }
        });
    }
}
