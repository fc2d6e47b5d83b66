package dev.stowage.app.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The install script that {@link PageStorage} evaluates in every new window: its parts in {@code install/},
 * one job each (see part 1), joined in order into one closure when this class loads.
 */
final class InstallScript {
    static final String SOURCE = read("install/1-builtins.js", "install/2-quota-exceeded-error.js",
            "install/3-navigation.js", "install/4-item-store.js", "install/5-packed-items.js",
            "install/6-document-cache.js", "install/7-storage-object.js", "install/8-storage-event.js",
            "install/9-receiver.js");

    /**
     * From how many items a document's cache packs them into a few large strings (parts 4 and 5). Below it
     * a Map is faster to read and to write, and the cells it adds to the page's heap cost the full
     * collection that follows each of the JVM's little: 0.9 ms at the median for 16,383 items, against
     * 6.9 ms for 100k (0.7 ms packed; PageHeapBenchmark, docs/BENCHMARKS.md).
     */
    static final int PACK_ITEMS_FROM = 16384;

    private InstallScript() {
    }

    private static String read(String... parts) {
        StringBuilder script = new StringBuilder();
        for (String part : parts) {
            try (InputStream in = InstallScript.class.getResourceAsStream(part)) {
                if (in == null) {
                    throw new IllegalStateException(part + " is missing from the class path");
                }
                script.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script.toString();
    }
}
