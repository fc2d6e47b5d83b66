package dev.stowage.app.page;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 for test pages: files from the test resources folder {@code pages/},
 * plus pages registered at run time. {@code http://127.0.0.1:port} and {@code http://localhost:port} are
 * two origins of one server; a second server gives a third.
 */
final class TestServer implements AutoCloseable {
    private static final String ROOT = "/dev/stowage/app/page/pages";
    private final HttpServer server;
    private final Map<String, String> dynamic = new ConcurrentHashMap<>();

    static {
        // Headers and body go out as two writes; without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms
        // to every page load, which a thousand-navigation test cannot afford.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} + path. */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The same server as another origin: {@code http://localhost:port} + path. */
    String otherOriginUrl(String path) {
        return "http://localhost:" + port() + path;
    }

    /** Serves {@code html} at {@code path} from now on. */
    void page(String path, String html) {
        dynamic.put(path, html);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String html = dynamic.get(path);
            if (html != null) {
                body = html.getBytes(StandardCharsets.UTF_8);
            } else if (path.startsWith("/echo")) {
                String query = exchange.getRequestURI().getRawQuery();
                body = URLDecoder.decode(query == null ? "" : query, StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                try (InputStream in = TestServer.class.getResourceAsStream(ROOT + path)) {
                    if (in == null || path.contains("..")) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    body = in.readAllBytes();
                }
            }
            String type = path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
