package dev.stowage.app.shell;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fetches and decodes favicons off the JavaFX thread, then hands the image back on it.
 *
 * <p>Decoding runs on one daemon thread and the network on HttpClient's own daemon threads, so a slow
 * server never blocks the UI and the JVM can still exit when the window closes. Formats: whatever {@link Image} decodes (PNG, GIF, JPEG, BMP) and
 * {@code .ico} files whose best entry is PNG-encoded; other icons are silently skipped, as a missing
 * favicon is never an error. {@link #close()} stops the thread.
 */
public final class FaviconLoader implements AutoCloseable {
    private static final int MAX_BYTES = 512 * 1024;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stowage-favicons");
        t.setDaemon(true);
        return t;
    });
    /** Built on first use, on the favicon thread: HttpClient's start-up is not worth paying before the first page. */
    private HttpClient client;

    /** The most image data a saved session keeps of a favicon; a bigger icon is shown but not saved. */
    static final int MAX_SAVED_BYTES = 32 * 1024;

    /**
     * Loads {@code url}; calls {@code onLoaded} on the FX thread with the decoded image and its data as a
     * {@code data:} URL ("" when too big to keep), or never. Safe to call from any thread.
     */
    public void load(String url, BiConsumer<Image, String> onLoaded) {
        Objects.requireNonNull(onLoaded, "onLoaded");
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url"));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            return;
        }
        try {
            executor.execute(() -> fetch(uri, onLoaded));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The window closed meanwhile; nobody wants the icon.
        }
    }

    /**
     * Loads the icon of the page {@code document} at {@code location} (its declared icon, else
     * {@code /favicon.ico}) as {@link #load} does; nothing for pages that are not http(s). FX thread.
     */
    void loadFor(Document document, String location, BiConsumer<Image, String> onLoaded) {
        String scheme = location == null ? null : URI.create(location).getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return;
        }
        String iconUrl = declaredIcon(document, location);
        load(iconUrl != null ? iconUrl : URI.create(location).resolve("/favicon.ico").toString(), onLoaded);
    }

    /** Runs on the favicon thread. */
    private void fetch(URI uri, BiConsumer<Image, String> onLoaded) {
        if (client == null) {
            // HttpClient keeps its own (daemon) threads: handing it ours made a fetch still in flight when
            // the window closed throw RejectedExecutionException on HttpClient's selector thread.
            client = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenAcceptAsync(response -> {
                    if (response.statusCode() != 200 || response.body().length == 0
                            || response.body().length > MAX_BYTES) {
                        return;
                    }
                    byte[] data = imageData(response.body());
                    Image image = data == null ? null : decodeData(data);
                    if (image != null) {
                        String dataUrl = dataUrl(data);
                        Platform.runLater(() -> onLoaded.accept(image, dataUrl));
                    }
                }, executor)
                .exceptionally(e -> null);
    }

    /** Decodes an image or a PNG-bearing .ico; null when it cannot. Package-private for tests. */
    static Image decode(byte[] bytes) {
        byte[] data = imageData(bytes);
        return data == null ? null : decodeData(data);
    }

    /**
     * The icon a saved session kept ({@code dataUrl} as {@link #load} gave it), decoded on the calling
     * thread; null for "" or anything that is not a decodable {@code data:} image.
     */
    static Image fromDataUrl(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith("data:image/") || !dataUrl.contains(";base64,")) {
            return null;
        }
        try {
            return decode(java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(";base64,") + 8)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String dataUrl(byte[] data) {
        if (data.length > MAX_SAVED_BYTES) {
            return "";
        }
        String type = data.length > 3 && data[0] == (byte) 0x89 && data[1] == 'P' ? "image/png"
                : data.length > 3 && data[0] == 'G' && data[1] == 'I' ? "image/gif"
                : data.length > 3 && data[0] == (byte) 0xFF && data[1] == (byte) 0xD8 ? "image/jpeg"
                : data.length > 3 && data[0] == 'B' && data[1] == 'M' ? "image/bmp" : null;
        return type == null ? "" : "data:" + type + ";base64," + java.util.Base64.getEncoder().encodeToString(data);
    }

    private static byte[] imageData(byte[] bytes) {
        return isIco(bytes) ? largestPngInIco(bytes) : bytes;
    }

    private static Image decodeData(byte[] data) {
        Image image = new Image(new ByteArrayInputStream(data), 16, 16, true, true);
        return image.isError() || image.getWidth() <= 0 ? null : image;
    }

    private static boolean isIco(byte[] b) {
        return b.length >= 6 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0;
    }

    private static byte[] largestPngInIco(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = Short.toUnsignedInt(buf.getShort(4));
        byte[] best = null;
        int bestSize = -1;
        for (int i = 0; i < count && 6 + 16 * (i + 1) <= bytes.length; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(bytes[entry]);
            int size = buf.getInt(entry + 8);
            int offset = buf.getInt(entry + 12);
            if (size <= 8 || offset < 0 || (long) offset + size > bytes.length) {
                continue;
            }
            boolean png = bytes[offset] == (byte) 0x89 && bytes[offset + 1] == 'P' && bytes[offset + 2] == 'N';
            int effectiveWidth = width == 0 ? 256 : width;
            if (png && effectiveWidth > bestSize) {
                bestSize = effectiveWidth;
                best = java.util.Arrays.copyOfRange(bytes, offset, offset + size);
            }
        }
        return best;
    }

    /**
     * The page's {@code <link rel="icon">} as an absolute URL, or null. Reads the DOM from Java rather than
     * with executeScript: running a script makes WebKit build the page's JavaScript world, which cost about
     * 0.5 MB per scriptless page in the 20-tab benchmark.
     */
    static String declaredIcon(Document document, String location) {
        if (document == null) {
            return null;
        }
        NodeList links = document.getElementsByTagName("link");
        for (int i = 0; i < links.getLength(); i++) {
            if (links.item(i) instanceof Element link && link.hasAttribute("href")) {
                String rel = " " + link.getAttribute("rel").toLowerCase(java.util.Locale.ROOT).strip() + " ";
                if (rel.matches(".*\\sicon\\s.*")) {
                    try {
                        return URI.create(location).resolve(link.getAttribute("href").strip()).toString();
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
