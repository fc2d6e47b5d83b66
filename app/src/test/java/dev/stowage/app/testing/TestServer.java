package dev.stowage.app.testing;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The test kit's one HTTP server: real HTTP on 127.0.0.1, a random port. It answers, in this order, the
 * pages a test registered ({@link #page}, {@link #titled}, {@link #slow}, {@link #bytes}), {@code /echo?text}
 * with the decoded text, and the files of the test resources folder {@code dev/stowage/app/page/pages/};
 * anything else is 404. Every request's path and query, its {@code Referer} and its {@code Cookie} header are
 * recorded, so a test can see what a page sent (beacons from pagehide, favicons, popups, cookies).
 * {@code http://127.0.0.1:port} and {@code http://localhost:port} are two origins (and two sites) of one
 * server; a second server gives a third origin of the first site. Thread-safe.
 */
public final class TestServer implements AutoCloseable {
    private static final String RESOURCES = "/dev/stowage/app/page/pages";

    static {
        // Headers and body go out as two writes; without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms
        // to every page load, which a thousand-navigation test cannot afford.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private record Response(int status, String contentType, byte[] body, long delayMillis,
                            Map<String, List<String>> headers) {
        Response(int status, String contentType, byte[] body, long delayMillis) {
            this(status, contentType, body, delayMillis, Map.of());
        }

        Response(int status, String contentType, byte[] body) {
            this(status, contentType, body, 0);
        }
    }

    private final HttpServer server;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    /** A body made as it is sent: {@code total} bytes of {@link #streamedByte}, {@code chunk} at a time. */
    private record Stream(Map<String, List<String>> headers, long total, int chunk, long pauseMillis) {
    }
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> referers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> cookies = new ConcurrentHashMap<>();

    public TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Serves {@code html} at {@code path} with extra response {@code headers} (each may repeat, like Set-Cookie). */
    public TestServer page(String path, String html, Map<String, List<String>> headers) {
        routes.put(path, new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), 0,
                Map.copyOf(headers)));
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

    public TestServer bytes(String path, String contentType, byte[] body) {
        routes.put(path, new Response(200, contentType, body.clone()));
        return this;
    }

    /** Serves {@code body} as {@code contentType} with extra response {@code headers} (a download's). */
    public TestServer bytes(String path, String contentType, byte[] body, Map<String, List<String>> headers) {
        routes.put(path, new Response(200, contentType, body.clone(), 0, Map.copyOf(headers)));
        return this;
    }

    /**
     * Serves {@code total} bytes (byte {@code i} is {@link #streamedByte}(i)) with a Content-Length and
     * {@code headers}, {@code chunk} bytes at a time with {@code pauseMillis} between chunks: a download
     * that takes a while, or a big one. Stops when the client goes away.
     */
    public TestServer stream(String path, Map<String, List<String>> headers, long total, int chunk, long pauseMillis) {
        streams.put(path, new Stream(Map.copyOf(headers), total, chunk, pauseMillis));
        return this;
    }

    /** The byte at {@code index} of a {@link #stream}ed body. */
    public static byte streamedByte(long index) {
        return (byte) (index * 31 + 7);
    }

    /** How many times {@code path} was requested (ignoring queries). */
    public long count(String path) {
        return requests.stream().filter(r -> r.equals(path) || r.startsWith(path + "?")).count();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public String url(String path) {
        return base() + path;
    }

    /** The same server as another origin and site: {@code http://localhost:PORT} + path. */
    public String otherOriginUrl(String path) {
        return "http://localhost:" + port() + path;
    }

    /** {@code 127.0.0.1:PORT}, what a person would type. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    public String base() {
        return "http://" + hostPort();
    }

    /** The Referer of each request for {@code pathAndQuery} so far ("" for none), oldest first. */
    public List<String> referers(String pathAndQuery) {
        return List.copyOf(referers.getOrDefault(pathAndQuery, List.of()));
    }

    /** The Cookie header of each request for {@code pathAndQuery} so far ("" for none), oldest first. */
    public List<String> cookies(String pathAndQuery) {
        return List.copyOf(cookies.getOrDefault(pathAndQuery, List.of()));
    }

    /** Paths (with query) requested so far, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = query == null ? path : path + "?" + query;
            requests.add(pathAndQuery);
            String referer = exchange.getRequestHeaders().getFirst("Referer");
            referers.computeIfAbsent(pathAndQuery, k -> new CopyOnWriteArrayList<>()).add(referer == null ? "" : referer);
            List<String> cookie = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
            cookies.computeIfAbsent(pathAndQuery, k -> new CopyOnWriteArrayList<>()).add(String.join("; ", cookie));
            exchange.getRequestBody().readAllBytes();
            Stream stream = streams.get(path);
            if (stream != null) {
                send(exchange, stream);
                return;
            }
            Response response = respond(path, query);
            if (response.delayMillis() > 0) {
                try {
                    Thread.sleep(response.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private static void send(HttpExchange exchange, Stream stream) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        stream.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        exchange.sendResponseHeaders(200, stream.total());
        byte[] buffer = new byte[stream.chunk()];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < stream.total(); ) {
                int n = (int) Math.min(buffer.length, stream.total() - sent);
                for (int i = 0; i < n; i++) {
                    buffer[i] = streamedByte(sent + i);
                }
                out.write(buffer, 0, n);
                out.flush();
                sent += n;
                if (stream.pauseMillis() > 0) {
                    Thread.sleep(stream.pauseMillis());
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client cancelled
        }
    }

    private Response respond(String path, String query) throws IOException {
        Response registered = routes.get(path);
        if (registered != null) {
            return registered;
        }
        if (path.startsWith("/echo")) {
            return new Response(200, "text/html; charset=utf-8",
                    URLDecoder.decode(query == null ? "" : query, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        }
        if (!path.contains("..")) {
            try (InputStream in = TestServer.class.getResourceAsStream(RESOURCES + path)) {
                if (in != null) {
                    String type = path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
                    return new Response(200, type, in.readAllBytes());
                }
            }
        }
        return new Response(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
