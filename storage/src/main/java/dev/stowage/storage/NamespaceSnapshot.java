package dev.stowage.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable picture of a whole {@link SessionNamespace}: its id and its non-empty areas.
 *
 * <p>Taken by {@link SessionNamespace#snapshot()} in O(areas), whatever the amount of data, so the app can
 * take one per tab on the FX thread and hand them to the background saver. Also the input of
 * {@link SessionStorageService#restoreNamespace(NamespaceSnapshot)} when a saved session is read back.
 * Safe to read from any thread.
 */
public final class NamespaceSnapshot {
    private final String namespaceId;
    private final Map<Origin, AreaSnapshot> areas;

    NamespaceSnapshot(String namespaceId, Map<Origin, AreaSnapshot> areas) {
        this.namespaceId = namespaceId;
        this.areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
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
        Map<Origin, AreaSnapshot> areas = new LinkedHashMap<>();
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
                areas.put(origin, new AreaSnapshot(origin, AreaMap.frozenCopyOf(items)));
            }
        });
        return new NamespaceSnapshot(namespaceId, areas);
    }

    /** The id of the namespace this is a picture of. */
    public String namespaceId() {
        return namespaceId;
    }

    /** The non-empty areas, in the order they were first used; unmodifiable. */
    public Map<Origin, AreaSnapshot> areas() {
        return areas;
    }

    /** The bytes of all areas together. */
    public long totalBytesInUse() {
        return areas.values().stream().mapToLong(AreaSnapshot::bytesInUse).sum();
    }
}
