package dev.stowage.storage;

import java.util.Map;
import java.util.Objects;

/**
 * An immutable picture of one {@link StorageArea} at the moment it was taken.
 *
 * <p>It shares the area's data, which is not mutated while the picture is held (the area's next write forks
 * its own copy): for good for {@link StorageArea#snapshot()}, until the lease is closed for
 * {@link StorageArea#leaseSnapshot()}. Safe to read from any thread meanwhile, which is what the background
 * saver does.
 */
public final class AreaSnapshot {
    private final StorageKey storageKey;
    private final Map<String, String> items;
    private final long bytesInUse;

    AreaSnapshot(StorageKey storageKey, AreaMap frozen) {
        this.storageKey = storageKey;
        this.items = StorageArea.unmodifiable(frozen);
        this.bytesInUse = frozen.bytes;
    }

    /** The area's storage key: origin and top-level site. */
    public StorageKey storageKey() {
        return storageKey;
    }

    /** The area's origin: {@code storageKey().origin()}. */
    public Origin origin() {
        return storageKey.origin();
    }

    /** The items in order; unmodifiable. */
    public Map<String, String> items() {
        return items;
    }

    /** The value of {@code key}, or null. */
    public String get(String key) {
        return items.get(Objects.requireNonNull(key, "key"));
    }

    /** The number of items. */
    public int length() {
        return items.size();
    }

    /** The bytes the items use, counted as the quota counts them. */
    public long bytesInUse() {
        return bytesInUse;
    }
}
