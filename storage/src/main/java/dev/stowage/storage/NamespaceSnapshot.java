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
    private final Map<StorageKey, AreaSnapshot> areas;

    NamespaceSnapshot(String namespaceId, AreaTable frozenTable) {
        this.namespaceId = namespaceId;
        this.table = frozenTable;
        Map<StorageKey, AreaSnapshot> pictures = new LinkedHashMap<>();
        frozenTable.maps.forEach((key, map) -> {
            if (!map.items.isEmpty()) {
                pictures.put(key, new AreaSnapshot(key, map));
            }
        });
        this.areas = Collections.unmodifiableMap(pictures);
    }

    /**
     * A snapshot built from plain data, for example a parsed session file.
     *
     * @param namespaceId the id the namespace had
     * @param contents    per storage key, the items in order; empty maps are dropped
     * @throws IllegalArgumentException if a key's top-level site is opaque (no saved or parsed data can name
     *                                  one) or the id is blank
     */
    public static NamespaceSnapshot of(String namespaceId, Map<StorageKey, Map<String, String>> contents) {
        SessionNamespace.requireValidId(namespaceId);
        Objects.requireNonNull(contents, "contents");
        Map<StorageKey, Map<String, String>> checked = new LinkedHashMap<>();
        contents.forEach((key, items) -> {
            Objects.requireNonNull(key, "key");
            if (key.topLevelSite().isOpaque()) {
                throw new IllegalArgumentException("a partition under an opaque top-level site is never saved");
            }
            items.forEach((k, v) -> {
                Objects.requireNonNull(k, "key");
                Objects.requireNonNull(v, "value");
            });
            if (!items.isEmpty()) {
                checked.put(key, items);
            }
        });
        return new NamespaceSnapshot(namespaceId, AreaTable.frozenCopyOf(checked));
    }

    /** The id of the namespace this is a picture of. */
    public String namespaceId() {
        return namespaceId;
    }

    /**
     * The non-empty areas by storage key, in the order they were first written; unmodifiable. Keys under
     * an opaque top-level site ({@link StorageKey#serialize()} refuses them) are in-memory partitions that
     * no later document can reach again: a saver skips them.
     */
    public Map<StorageKey, AreaSnapshot> areas() {
        return areas;
    }

    /** The bytes of all areas together. */
    public long totalBytesInUse() {
        return areas.values().stream().mapToLong(AreaSnapshot::bytesInUse).sum();
    }
}
