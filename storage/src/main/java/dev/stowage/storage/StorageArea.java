package dev.stowage.storage;

import dev.stowage.storage.StorageChange.ValueChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sessionStorage of one {@link StorageKey} (an origin in one top-level site's partition) inside one
 * {@link SessionNamespace}: an ordered key -> value map with a quota.
 *
 * <p><b>Order.</b> Keys keep the order in which they were first set; setting an existing key keeps its
 * position; {@link #key(int)} indexes that order.
 *
 * <p><b>Quota.</b> Usage is counted as 2 bytes per UTF-16 code unit of every key plus its value. A write
 * that would leave the area above {@link #quotaBytes()} and above its current usage throws
 * {@link QuotaExceededException} and changes nothing (a write that shrinks an over-full area is allowed).
 * A batch {@link #set(Map, ChangeSource)} is atomic against the quota: all of it or none of it.
 *
 * <p><b>Change events.</b> Every real change is reported once to this area's listeners, then to the
 * namespace's and the service's (see {@link StorageChangeListener}). No-op writes report nothing: setting
 * the value a key already has, removing a missing key, clearing an empty area.
 *
 * <p><b>Two API shapes.</b> The Web Storage shape ({@link #length()}, {@link #key(int)}, {@link #get(String)},
 * {@link #set(String, String)}, {@link #remove(String)}, {@link #clear()}) and the batch shape of the
 * WebExtensions {@code storage.session} API ({@link #get(Collection)}, {@link #getAll()},
 * {@link #set(Map)}, {@link #remove(Collection)}, {@link #getBytesInUse(Collection)}, {@link #getKeys()}).
 *
 * <p><b>Threading.</b> Not thread-safe. Every call is made on the owner thread of the
 * {@link SessionStorageService} (the FX thread in the app). Other threads read {@link AreaSnapshot}s.
 *
 * <p><b>Copy-on-write.</b> An area is a view: its data lives in its namespace's shared {@link AreaTable}.
 * After the namespace is cloned or snapshotted, the data is shared; the first write or clear forks the
 * table (O(areas)) and this area's map alone, which shares its structure with the original
 * ({@link OrderedItems}): each write then copies O(log n) of it, once. Reads never copy.
 *
 * <p>Arguments are never null: a null key, value or source throws {@link NullPointerException}. A write to
 * an area whose namespace is not {@link SessionNamespace.State#ACTIVE} throws {@link IllegalStateException}.
 */
public final class StorageArea {
    private final SessionNamespace owner;
    private final StorageKey storageKey;
    private final long quotaBytes;
    private final Listeners listeners = new Listeners();

    // key(i) walks the LinkedHashMap; remembering the position makes an ascending scan O(1) per call.
    // Every write to this key in this namespace goes through this object, which resets the cursor;
    // the map identity check covers the namespace swapping maps under us (destroy).
    private AreaMap cursorMap;
    private Iterator<String> cursor;
    private int cursorIndex = -1;
    private String cursorKey;

    StorageArea(SessionNamespace owner, StorageKey storageKey, long quotaBytes) {
        this.owner = owner;
        this.storageKey = storageKey;
        this.quotaBytes = quotaBytes;
    }

    private AreaMap map() {
        return owner.readMap(storageKey);
    }

    /**
     * An immutable picture of this area now, sharing its data (copy-on-write: O(areas of the namespace),
     * whatever the items); other threads may read it.
     */
    public AreaSnapshot snapshot() {
        AreaSnapshot taken = owner.snapshot().areas().get(storageKey);
        return taken != null ? taken : new AreaSnapshot(storageKey, AreaMap.EMPTY);
    }

    /**
     * A picture of this area now, as {@link #snapshot()}, that its reader gives back once done with it
     * ({@link SnapshotLease#close()}, on the owner thread). Until then the area's next write copies its data
     * (O(items)); after it, if no other picture holds the data, the area writes in place again. For a reader
     * that is done quickly, such as the storage inspector building its rows.
     */
    public SnapshotLease leaseSnapshot() {
        return owner.leaseSnapshot(storageKey);
    }

    /** The storage key whose data this is: origin and top-level site. */
    public StorageKey storageKey() {
        return storageKey;
    }

    /**
     * Whether this area and {@code other} hold the very same items now because they share one copy-on-write
     * map: a clone and its source before either of them wrote. Their contents are then equal without being
     * compared, so a copy of one (a document's cache) can serve for the other. False when unsure: areas
     * with separate maps may still hold equal items. Owner thread only, like every read.
     */
    public boolean sharesItemsWith(StorageArea other) {
        return other == this || map() == other.map();
    }

    /** The origin whose data this is: {@code storageKey().origin()}. */
    public Origin origin() {
        return storageKey.origin();
    }

    /** The id of the namespace (tab) this area belongs to. */
    public String namespaceId() {
        return owner.id();
    }

    /** The quota of this area in bytes. */
    public long quotaBytes() {
        return quotaBytes;
    }

    /** The number of items. */
    public int length() {
        return map().items.size();
    }

    /** The key at {@code index} in insertion order, or null when {@code index} is negative or past the end. */
    public String key(int index) {
        AreaMap map = map();
        if (index < 0 || index >= map.items.size()) {
            return null;
        }
        if (cursor == null || cursorMap != map || index < cursorIndex) {
            cursorMap = map;
            cursor = map.items.keys();
            cursorIndex = -1;
        }
        while (cursorIndex < index) {
            cursorKey = cursor.next();
            cursorIndex++;
        }
        return cursorKey;
    }

    /** The value of {@code key}, or null when there is none. */
    public String get(String key) {
        return map().items.get(Objects.requireNonNull(key, "key"));
    }

    /** Same as {@link #set(String, String, ChangeSource)} with {@link ChangeSource#NONE}. */
    public void set(String key, String value) {
        set(key, value, ChangeSource.NONE);
    }

    /**
     * Stores {@code value} under {@code key}.
     *
     * @throws QuotaExceededException if the area would go over its quota; nothing changes then
     */
    public void set(String key, String value, ChangeSource source) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        owner.checkWritable();
        AreaMap map = map();
        String old = map.items.get(key);
        if (value.equals(old)) {
            return;
        }
        long after = map.bytes + AreaMap.sizeOf(key, value) - (old == null ? 0 : AreaMap.sizeOf(key, old));
        checkQuota(map, after);
        AreaMap target = writableMap();
        target.items.put(key, value);
        target.bytes = after;
        fire(source, false, Map.of(key, new ValueChange(old, value)));
    }

    /** Same as {@link #remove(String, ChangeSource)} with {@link ChangeSource#NONE}. */
    public void remove(String key) {
        remove(key, ChangeSource.NONE);
    }

    /** Removes {@code key}; nothing happens (and nothing is reported) when it is missing. */
    public void remove(String key, ChangeSource source) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        owner.checkWritable();
        String old = map().items.get(key);
        if (old == null) {
            return;
        }
        AreaMap target = writableMap();
        target.items.remove(key);
        target.bytes -= AreaMap.sizeOf(key, old);
        fire(source, false, Map.of(key, new ValueChange(old, null)));
    }

    /** Same as {@link #clear(ChangeSource)} with {@link ChangeSource#NONE}. */
    public void clear() {
        clear(ChangeSource.NONE);
    }

    /** Removes every item; an empty area reports nothing. The event has {@code cleared} set. */
    public void clear(ChangeSource source) {
        Objects.requireNonNull(source, "source");
        owner.checkWritable();
        clearUnchecked(source);
    }

    /** Clears regardless of the namespace's state: {@link SessionStorageService#clearOrigin} reaches closed tabs too. */
    void clearUnchecked(ChangeSource source) {
        AreaMap map = map();
        if (map.items.isEmpty()) {
            return;
        }
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        map.items.forEach((k, v) -> changes.put(k, new ValueChange(v, null)));
        owner.replaceMap(storageKey, new AreaMap());
        invalidateCursor();
        fire(source, true, changes);
    }

    /** The items of {@code keys} that exist, in the order of {@code keys}. */
    public Map<String, String> get(Collection<String> keys) {
        AreaMap map = map();
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : keys) {
            String value = map.items.get(Objects.requireNonNull(key, "key"));
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }

    /** A copy of every item, in order. */
    public Map<String, String> getAll() {
        Map<String, String> all = new LinkedHashMap<>(Math.max(16, length() * 4 / 3 + 1));
        map().items.forEach(all::put);
        return all;
    }

    /** Every key, in order (a copy). */
    public List<String> getKeys() {
        List<String> keys = new ArrayList<>(length());
        map().items.forEach((k, v) -> keys.add(k));
        return keys;
    }

    /** Same as {@link #set(Map, ChangeSource)} with {@link ChangeSource#NONE}. */
    public void set(Map<String, String> items) {
        set(items, ChangeSource.NONE);
    }

    /**
     * Stores every item of {@code items}, atomically against the quota, and reports the keys that really
     * changed as one event.
     *
     * @throws QuotaExceededException if the whole batch would take the area over its quota; nothing changes then
     */
    public void set(Map<String, String> items, ChangeSource source) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(source, "source");
        owner.checkWritable();
        AreaMap map = map();
        long after = map.bytes;
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : items.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "key");
            String value = Objects.requireNonNull(e.getValue(), "value");
            String old = map.items.get(key);
            if (!value.equals(old)) {
                after += AreaMap.sizeOf(key, value) - (old == null ? 0 : AreaMap.sizeOf(key, old));
                changes.put(key, new ValueChange(old, value));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        checkQuota(map, after);
        AreaMap target = writableMap();
        changes.forEach((k, c) -> target.items.put(k, c.newValue()));
        target.bytes = after;
        fire(source, false, changes);
    }

    /** Same as {@link #remove(Collection, ChangeSource)} with {@link ChangeSource#NONE}. */
    public void remove(Collection<String> keys) {
        remove(keys, ChangeSource.NONE);
    }

    /** Removes every key of {@code keys} that exists, reported as one event. */
    public void remove(Collection<String> keys, ChangeSource source) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(source, "source");
        owner.checkWritable();
        AreaMap map = map();
        Map<String, ValueChange> changes = new LinkedHashMap<>();
        for (String key : keys) {
            String old = map.items.get(Objects.requireNonNull(key, "key"));
            if (old != null) {
                changes.put(key, new ValueChange(old, null));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        AreaMap target = writableMap();
        changes.forEach((k, c) -> {
            target.items.remove(k);
            target.bytes -= AreaMap.sizeOf(k, c.oldValue());
        });
        fire(source, false, changes);
    }

    /** The bytes all items use. */
    public long getBytesInUse() {
        return map().bytes;
    }

    /** The bytes the existing items among {@code keys} use (each key counted once). */
    public long getBytesInUse(Collection<String> keys) {
        AreaMap map = map();
        long total = 0;
        for (String key : new LinkedHashSet<>(keys)) {
            String value = map.items.get(Objects.requireNonNull(key, "key"));
            if (value != null) {
                total += AreaMap.sizeOf(key, value);
            }
        }
        return total;
    }

    /** Registers a listener for this area's changes. */
    public Subscription addChangeListener(StorageChangeListener listener) {
        return listeners.add(listener);
    }

    private void checkQuota(AreaMap map, long after) {
        if (after > quotaBytes && after > map.bytes) {
            throw new QuotaExceededException(storageKey, quotaBytes, after);
        }
    }

    private AreaMap writableMap() {
        invalidateCursor();
        return owner.writableMap(storageKey);
    }

    private void invalidateCursor() {
        cursorMap = null;
        cursor = null;
        cursorIndex = -1;
        cursorKey = null;
    }

    private void fire(ChangeSource source, boolean cleared, Map<String, ValueChange> changes) {
        StorageChange change = new StorageChange(owner.id(), storageKey, source, cleared, changes);
        listeners.fire(change);
        owner.dispatch(change);
    }

    @Override
    public String toString() {
        return "StorageArea[" + owner.id() + " " + storageKey + ", " + length() + " items, " + getBytesInUse() + " bytes]";
    }

    static Map<String, String> unmodifiable(AreaMap map) {
        return map.items.asMap();
    }
}
