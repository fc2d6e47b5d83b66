package dev.stowage.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of one area: an insertion-ordered map and its size in bytes, shared copy-on-write.
 *
 * <p>Several {@link StorageArea}s (a namespace and its clones) may hold one map; {@code holders} counts
 * them. A snapshot <em>freezes</em> the map: from then on nobody mutates it, so readers on other threads
 * can use it without locks. An area may write in place only while it is the sole holder of an unfrozen
 * map; otherwise it copies first ({@link StorageArea} does this). The counters are touched only by the
 * owner thread.
 */
final class AreaMap {
    final LinkedHashMap<String, String> items;
    long bytes;
    private int holders = 1;
    private boolean frozen;

    AreaMap() {
        this(new LinkedHashMap<>(), 0);
    }

    private AreaMap(LinkedHashMap<String, String> items, long bytes) {
        this.items = items;
        this.bytes = bytes;
    }

    /** A frozen map holding {@code contents}, for namespaces rebuilt from saved data. */
    static AreaMap frozenCopyOf(Map<String, String> contents) {
        AreaMap map = new AreaMap();
        contents.forEach((k, v) -> {
            map.items.put(k, v);
            map.bytes += sizeOf(k, v);
        });
        map.frozen = true;
        return map;
    }

    /** The quota cost of one item: 2 bytes per UTF-16 code unit of key plus value. */
    static long sizeOf(String key, String value) {
        return 2L * ((long) key.length() + value.length());
    }

    AreaMap retain() {
        holders++;
        return this;
    }

    void release() {
        holders--;
    }

    AreaMap freeze() {
        frozen = true;
        return this;
    }

    boolean isExclusive() {
        return holders == 1 && !frozen;
    }

    AreaMap copy() {
        return new AreaMap(new LinkedHashMap<>(items), bytes);
    }
}
