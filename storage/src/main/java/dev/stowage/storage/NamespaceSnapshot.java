package dev.stowage.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable picture of a whole {@link SessionNamespace}: its id and its non-empty areas.
 *
 * <p>Taken by {@link SessionNamespace#snapshot()} without copying any data (it freezes the namespace's
 * shared table; the namespace's next write forks), so the app can take one per tab on the FX thread and
 * hand them to the background saver. Also the input of
 * {@link SessionStorageService#restoreNamespace(NamespaceSnapshot)} when a saved session is read back.
 * Safe to read from any thread: nothing reachable from it is ever mutated again.
 */
public final class NamespaceSnapshot {
    private final String namespaceId;
    /** The frozen table itself, so a restored namespace can share it instead of copying. */
    final AreaTable table;
    private final Map<Origin, AreaSnapshot> areas;

    NamespaceSnapshot(String namespaceId, AreaTable frozenTable) {
        this.namespaceId = namespaceId;
        this.table = frozenTable;
        Map<Origin, AreaSnapshot> pictures = new LinkedHashMap<>();
        frozenTable.maps.forEach((origin, map) -> {
            if (!map.items.isEmpty()) {
                pictures.put(origin, new AreaSnapshot(origin, map));
            }
        });
        this.areas = Collections.unmodifiableMap(pictures);
    }

    /**
     * A snapshot built from plain data, for example a parsed session file.
     *
     * @param namespaceId the id the namespace had
     * @param contents    per origin, the items in order; empty maps are dropped
     * @throws IllegalArgumentException if an origin is opaque or the id is blank
     */
    public static NamespaceSnapshot of(String namespaceId, Map<Origin, Map<String, String>> contents) {
        SessionNamespace.requireValidId(namespaceId);
        Objects.requireNonNull(contents, "contents");
        Map<Origin, Map<String, String>> checked = new LinkedHashMap<>();
        contents.forEach((origin, items) -> {
            Objects.requireNonNull(origin, "origin");
            if (origin.isOpaque()) {
                throw new IllegalArgumentException("an opaque origin has no storage");
            }
            items.forEach((k, v) -> {
                Objects.requireNonNull(k, "key");
                Objects.requireNonNull(v, "value");
            });
            if (!items.isEmpty()) {
                checked.put(origin, items);
            }
        });
        return new NamespaceSnapshot(namespaceId, AreaTable.frozenCopyOf(checked));
    }

    /** The id of the namespace this is a picture of. */
    public String namespaceId() {
        return namespaceId;
    }

    /** The non-empty areas, in the order they were first written; unmodifiable. */
    public Map<Origin, AreaSnapshot> areas() {
        return areas;
    }

    /** The bytes of all areas together. */
    public long totalBytesInUse() {
        return areas.values().stream().mapToLong(AreaSnapshot::bytesInUse).sum();
    }
}
