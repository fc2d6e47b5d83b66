package dev.stowage.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sessionStorage of one tab: one {@link StorageArea} per {@link StorageKey} (a document's origin and
 * the site of the tab's top-level document), created on first use.
 *
 * <p><b>Keys and the first-party shorthand.</b> Areas are looked up by {@link StorageKey}: a cross-site
 * frame's area is not its origin's top-level area. The methods that take an {@link Origin}
 * ({@link #area(Origin)}, {@link #existingArea(Origin)}, {@link #bytesInUse(Origin)}) are a shorthand for
 * {@link StorageKey#firstParty(Origin)}: the area the origin's own top-level pages use. They never reach a
 * cross-site frame's partition; code that deals with frames passes the key.
 *
 * <p>Namespaces are made, cloned, deleted and looked up through a {@link SessionStorageService}, which
 * names each by a unique id. A clone shares all of its source's data until one side writes
 * (copy-on-write), so cloning costs O(1) whatever the amount of data; the first write then forks the
 * area table (O(areas)) and the one area written (O(its items)).
 *
 * <p><b>Lifecycle</b> ({@link #state()}): {@link State#ACTIVE} while a tab uses it;
 * {@link State#PERSISTED} after it was deleted with {@code persist=true} (a closed tab that may be
 * reopened, or a namespace read back from a saved session) &mdash; its data stays readable but it cannot be
 * written until {@link SessionStorageService#reattachNamespace reattached}; {@link State#DESTROYED} once
 * deleted for good or scavenged. Writes outside {@code ACTIVE} throw {@link IllegalStateException}.
 *
 * <p><b>Threading.</b> Not thread-safe: used only on the service's owner thread. {@link #snapshot()} gives
 * other threads an immutable picture.
 */
public final class SessionNamespace {
    /** Where a namespace is in its life. */
    public enum State {
        /** Attached to a tab: readable and writable. */
        ACTIVE,
        /** Deleted but kept for reopening or restore: readable, not writable. */
        PERSISTED,
        /** Gone: empty, not writable, unknown to the service. */
        DESTROYED
    }

    private final String id;
    private final long quotaBytes;
    private final Listeners serviceListeners;
    private final Listeners listeners = new Listeners();
    /** The per-key views handed out; the data itself lives in {@link #table}. */
    private final Map<StorageKey, StorageArea> areas = new HashMap<>();
    private AreaTable table;
    private State state = State.ACTIVE;

    SessionNamespace(String id, long quotaBytes, Listeners serviceListeners, AreaTable table) {
        this.id = requireValidId(id);
        this.quotaBytes = quotaBytes;
        this.serviceListeners = serviceListeners;
        this.table = table;
    }

    static String requireValidId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a namespace id must not be blank");
        }
        return id;
    }

    /** The id the service knows this namespace by. */
    public String id() {
        return id;
    }

    /** Where this namespace is in its life. */
    public State state() {
        return state;
    }

    /**
     * The area of {@code key}. It is the same object on every call; it holds data from its first write on.
     *
     * @throws NullPointerException if {@code key} is null
     */
    public StorageArea area(StorageKey key) {
        Objects.requireNonNull(key, "key");
        return areas.computeIfAbsent(key, k -> new StorageArea(this, k, quotaBytes));
    }

    /**
     * The first-party area of {@code origin}: {@code area(StorageKey.firstParty(origin))}, the one its
     * top-level pages use; never a cross-site frame's partition.
     *
     * @throws IllegalArgumentException if {@code origin} is opaque (such documents get no storage)
     */
    public StorageArea area(Origin origin) {
        return area(StorageKey.firstParty(Objects.requireNonNull(origin, "origin")));
    }

    /** The area of {@code key} if it was ever written (even if it is empty now), without creating one. */
    public Optional<StorageArea> existingArea(StorageKey key) {
        Objects.requireNonNull(key, "key");
        return table.maps.containsKey(key) ? Optional.of(area(key)) : Optional.empty();
    }

    /**
     * The first-party area of {@code origin} if it was ever written; see {@link #area(Origin)}. An opaque
     * origin has none.
     */
    public Optional<StorageArea> existingArea(Origin origin) {
        Objects.requireNonNull(origin, "origin");
        return origin.isOpaque() ? Optional.empty() : existingArea(StorageKey.firstParty(origin));
    }

    /** The keys that were ever written, in order of first write (a copy). */
    public Set<StorageKey> keys() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(table.maps.keySet()));
    }

    /** The origins of {@link #keys()}, each once, in order of first write in any partition (a copy). */
    public Set<Origin> origins() {
        Set<Origin> origins = new LinkedHashSet<>();
        table.maps.keySet().forEach(key -> origins.add(key.origin()));
        return Collections.unmodifiableSet(origins);
    }

    /** The bytes {@code key}'s area uses (the quota is per key); 0 if it has none. */
    public long bytesInUse(StorageKey key) {
        return readMap(Objects.requireNonNull(key, "key")).bytes;
    }

    /** The bytes {@code origin}'s first-party area uses; see {@link #area(Origin)}. 0 for an opaque origin. */
    public long bytesInUse(Origin origin) {
        Objects.requireNonNull(origin, "origin");
        return origin.isOpaque() ? 0 : bytesInUse(StorageKey.firstParty(origin));
    }

    /** The bytes of all areas together. */
    public long totalBytesInUse() {
        long total = 0;
        for (AreaMap map : table.maps.values()) {
            total += map.bytes;
        }
        return total;
    }

    /**
     * An immutable picture of the non-empty areas; see {@link NamespaceSnapshot}. It freezes the current
     * data in O(1) plus O(areas) to list them; the next write forks what it writes.
     */
    public NamespaceSnapshot snapshot() {
        return new NamespaceSnapshot(id, table.pin());
    }

    /** Whether a write to {@code key}'s area now goes in place, copying nothing (for tests of copy-on-write). */
    boolean writesInPlace(StorageKey key) {
        AreaMap map = table.maps.get(key);
        return table.isExclusive() && (map == null || map.isExclusive());
    }

    /** A snapshot given back with {@link SnapshotLease#close()}: see {@link StorageArea#leaseSnapshot()}. */
    SnapshotLease leaseSnapshot(StorageKey key) {
        AreaTable pinned = table.pin();
        AreaMap map = pinned.maps.get(key);
        return new SnapshotLease(new AreaSnapshot(key, map == null ? AreaMap.EMPTY : map), pinned);
    }

    /** Registers a listener for the changes of every area of this namespace. */
    public Subscription addChangeListener(StorageChangeListener listener) {
        return listeners.add(listener);
    }

    SessionNamespace cloneAs(String newId) {
        return new SessionNamespace(newId, quotaBytes, serviceListeners, table.retain());
    }

    static SessionNamespace restoredFrom(NamespaceSnapshot snapshot, long quotaBytes, Listeners serviceListeners) {
        SessionNamespace ns = new SessionNamespace(snapshot.namespaceId(), quotaBytes, serviceListeners,
                snapshot.table.retain());
        ns.state = State.PERSISTED;
        return ns;
    }

    /** The data of {@code key} for reading; {@link AreaMap#EMPTY} if it has none. */
    AreaMap readMap(StorageKey key) {
        AreaMap map = table.maps.get(key);
        return map == null ? AreaMap.EMPTY : map;
    }

    /** The data of {@code key} for writing in place: forks the table and then the map if they are shared. */
    AreaMap writableMap(StorageKey key) {
        AreaTable own = writableTable();
        AreaMap map = own.maps.get(key);
        if (map == null) {
            map = new AreaMap();
            own.maps.put(key, map);
        } else if (!map.isExclusive()) {
            AreaMap copy = map.copy();
            map.release();
            own.maps.put(key, copy);
            map = copy;
        }
        return map;
    }

    /** Puts {@code fresh} in place of {@code key}'s data (clear: no need to copy what is thrown away). */
    void replaceMap(StorageKey key, AreaMap fresh) {
        AreaMap old = writableTable().maps.put(key, fresh);
        if (old != null) {
            old.release();
        }
    }

    private AreaTable writableTable() {
        if (!table.isExclusive()) {
            AreaTable copy = table.copy();
            table.release();
            table = copy;
        }
        return table;
    }

    /** Clears every partition's area of {@code origin}, in order of first write. */
    void clearOrigin(Origin origin, ChangeSource source) {
        // Collected first: clearing replaces maps in (a fork of) the table we would be iterating.
        List<StorageKey> matching = new ArrayList<>();
        table.maps.keySet().forEach(key -> {
            if (key.origin().equals(origin)) {
                matching.add(key);
            }
        });
        matching.forEach(key -> area(key).clearUnchecked(source));
    }

    void setState(State next) {
        state = next;
    }

    void destroy() {
        table.release();
        table = new AreaTable();
        state = State.DESTROYED;
    }

    void checkWritable() {
        if (state != State.ACTIVE) {
            throw new IllegalStateException("namespace " + id + " is " + state + ", not writable");
        }
    }

    void dispatch(StorageChange change) {
        listeners.fire(change);
        serviceListeners.fire(change);
    }

    @Override
    public String toString() {
        return "SessionNamespace[" + id + ", " + state + ", " + table.maps.size() + " areas]";
    }
}
