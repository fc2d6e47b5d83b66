package dev.stowage.app.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (random port) for pages under test. Paths map to fixed responses; every
 * request's path and query is recorded so a test can see what a page sent (beacons from pagehide, favicons).
 * Unknown paths answer 404. Thread-safe.
 */
public final class TestServer implements AutoCloseable {
    private record Response(int status, String contentType, byte[] body, long delayMillis) {
        Response(int status, String contentType, byte[] body) {
            this(status, contentType, body, 0);
        }
    }

    private final HttpServer server;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> referers = new ConcurrentHashMap<>();

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Serves {@code html} at {@code path}. */
    public TestServer page(String path, String html) {
        routes.put(path, new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Serves a simple page titled {@code title} with {@code body} at {@code path}. */
    public TestServer titled(String path, String title, String body) {
        return page(path, "<!doctype html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>");
    }

    /** Serves {@code html} at {@code path} only after {@code delayMillis}, for pages that are still loading. */
    public TestServer slow(String path, long delayMillis, String html) {
        routes.put(path, new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), delayMillis));
        return this;
    }

    /** How many times {@code path} was requested (ignoring queries). */
    public long count(String path) {
        return requests.stream().filter(r -> r.equals(path) || r.startsWith(path + "?")).count();
    }

    public TestServer bytes(String path, String contentType, byte[] body) {
        routes.put(path, new Response(200, contentType, body.clone()));
        return this;
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return base() + path;
    }

    /** {@code 127.0.0.1:PORT}, what a person would type. */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public String base() {
        return "http://" + hostPort();
    }

    /** The Referer of each request for {@code pathAndQuery} so far ("" for none), oldest first. */
    public List<String> referers(String pathAndQuery) {
        return List.copyOf(referers.getOrDefault(pathAndQuery, List.of()));
    }

    /** Paths (with query) requested so far, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query == null ? path : path + "?" + query);
        String referer = exchange.getRequestHeaders().getFirst("Referer");
        referers.computeIfAbsent(query == null ? path : path + "?" + query, k -> new CopyOnWriteArrayList<>())
                .add(referer == null ? "" : referer);
        exchange.getRequestBody().readAllBytes();
        Response response = routes.get(path);
        if (response == null) {
            response = new Response(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        }
        if (response.delayMillis() > 0) {
            try {
                Thread.sleep(response.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
