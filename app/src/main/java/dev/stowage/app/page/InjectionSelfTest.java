package dev.stowage.app.page;

import com.sun.net.httpserver.HttpServer;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.util.Duration;

/**
 * The start-up (and CI) check that pages really get the shell's sessionStorage: a page whose first inline
 * head script, and the first script of its iframe, must read an item Java put into a private namespace
 * and write one that Java must then find there. Only the shell's sessionStorage can do both, so a broken
 * or missing document-start hook fails loudly instead of letting pages fall back to WebKit's own.
 *
 * <p>The page is served from a private HTTP server on the loopback interface for the duration of the test;
 * no user data is touched (the check uses its own {@link SessionStorageService}).
 *
 * <p><b>Threading.</b> {@link #run} on the FX thread; the result completes on the FX thread.
 */
public final class InjectionSelfTest {
    /** What the self-test found. {@code passed()} or a message for the user and the log. */
    public record Result(boolean passed, String message) {
        public Result {
            Objects.requireNonNull(message, "message");
        }
    }

    private static final String PAGE = "<!doctype html><html><head><script>"
            + "try { sessionStorage.setItem('main', 'read ' + sessionStorage.getItem('seeded')); } catch (e) { }"
            + "</script></head><body><iframe srcdoc=\"<script>try { sessionStorage.setItem('frame', "
            + "sessionStorage.getItem('seeded')); } catch (e) {}</script>\"></iframe></body></html>";

    private InjectionSelfTest() {
    }

    /**
     * Loads the self-test page in a fresh engine with the shell's sessionStorage attached.
     *
     * @param timeout how long the page may take before the test counts as failed
     */
    public static CompletableFuture<Result> run(java.time.Duration timeout) {
        return run(timeout, PageStorage::attach);
    }

    /** {@link #run(java.time.Duration)} with another way to attach: lets a test prove the check can fail. */
    static CompletableFuture<Result> run(java.time.Duration timeout,
                                         BiFunction<WebEngine, Supplier<SessionNamespace>, PageStorage> attach) {
        Objects.requireNonNull(timeout, "timeout");
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("run the self-test on the FX thread");
        }
        CompletableFuture<Result> result = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            result.complete(new Result(false, "self-test could not serve its page: " + e));
            return result;
        }
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/self-test.html";

        SessionStorageService service = new SessionStorageService();
        SessionNamespace ns = service.createNamespace();
        ns.area(Origin.of(url)).set("seeded", "by Java");
        WebEngine engine = new WebEngine();
        PageStorage storage;
        try {
            storage = attach.apply(engine, () -> ns);
        } catch (InjectionUnavailableException e) {
            server.stop(0);
            result.complete(new Result(false, e.getMessage()));
            return result;
        }
        PauseTransition deadline = new PauseTransition(Duration.millis(timeout.toMillis()));
        // Cleanup runs as a later FX task: loading from inside a load-state callback re-enters WebKit and
        // crashes it (measured: SIGSEGV in libjfxwebkit).
        Runnable finish = () -> {
            deadline.stop();
            Platform.runLater(() -> {
                storage.close();
                engine.load(null);
                server.stop(0);
            });
        };
        deadline.setOnFinished(e -> {
            finish.run();
            result.complete(new Result(false, "self-test page did not load within " + timeout));
        });
        engine.getLoadWorker().stateProperty().addListener((o, old, now) -> {
            if (result.isDone() || (now != Worker.State.SUCCEEDED && now != Worker.State.FAILED)) {
                return;
            }
            String failure = storage.failureProperty().get();
            var area = ns.area(Origin.of(url));
            finish.run();
            if (failure != null) {
                result.complete(new Result(false, failure));
            } else if (!"read by Java".equals(area.get("main"))) {
                result.complete(new Result(false, "the page's first script did not get the shell's sessionStorage"));
            } else if (!"by Java".equals(area.get("frame"))) {
                result.complete(new Result(false, "an iframe's first script did not get the shell's sessionStorage"));
            } else {
                result.complete(new Result(true, "pages get the shell's sessionStorage before their first script"));
            }
        });
        deadline.play();
        engine.load(url);
        return result;
    }
}
