package dev.stowage.storage;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sessionStorage of one tab: one {@link StorageArea} per origin, created on first use.
 *
 * <p>Namespaces are made, cloned, deleted and looked up through a {@link SessionStorageService}, which
 * names each by a unique id. A clone shares all of its source's data until one side writes
 * (copy-on-write), so cloning costs O(1) whatever the amount of data; the first write then forks the
 * origin table (O(origins)) and the one area written (O(its items)).
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
    /** The per-origin views handed out; the data itself lives in {@link #table}. */
    private final Map<Origin, StorageArea> areas = new HashMap<>();
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
     * The area of {@code origin}. It is the same object on every call; it holds data from its first write on.
     *
     * @throws IllegalArgumentException if {@code origin} is opaque (such documents get no storage)
     */
    public StorageArea area(Origin origin) {
        Objects.requireNonNull(origin, "origin");
        if (origin.isOpaque()) {
            throw new IllegalArgumentException("an opaque origin has no sessionStorage");
        }
        return areas.computeIfAbsent(origin, o -> new StorageArea(this, o, quotaBytes));
    }

    /** The area of {@code origin} if it was ever written (even if it is empty now), without creating one. */
    public Optional<StorageArea> existingArea(Origin origin) {
        Objects.requireNonNull(origin, "origin");
        return table.maps.containsKey(origin) ? Optional.of(area(origin)) : Optional.empty();
    }

    /** The origins that were ever written, in order of first write (a copy). */
    public Set<Origin> origins() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(table.maps.keySet()));
    }

    /** The bytes {@code origin}'s area uses; 0 if it has none. */
    public long bytesInUse(Origin origin) {
        return readMap(Objects.requireNonNull(origin, "origin")).bytes;
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
     * data in O(1) plus O(origins) to list them; the next write forks what it writes.
     */
    public NamespaceSnapshot snapshot() {
        return new NamespaceSnapshot(id, table.freeze());
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

    /** The data of {@code origin} for reading; {@link AreaMap#EMPTY} if it has none. */
    AreaMap readMap(Origin origin) {
        AreaMap map = table.maps.get(origin);
        return map == null ? AreaMap.EMPTY : map;
    }

    /** The data of {@code origin} for writing in place: forks the table and then the map if they are shared. */
    AreaMap writableMap(Origin origin) {
        AreaTable own = writableTable();
        AreaMap map = own.maps.get(origin);
        if (map == null) {
            map = new AreaMap();
            own.maps.put(origin, map);
        } else if (!map.isExclusive()) {
            AreaMap copy = map.copy();
            map.release();
            own.maps.put(origin, copy);
            map = copy;
        }
        return map;
    }

    /** Puts {@code fresh} in place of {@code origin}'s data (clear: no need to copy what is thrown away). */
    void replaceMap(Origin origin, AreaMap fresh) {
        AreaMap old = writableTable().maps.put(origin, fresh);
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

    void clearOrigin(Origin origin) {
        if (table.maps.containsKey(origin)) {
            area(origin).clearUnchecked(ChangeSource.NONE);
        }
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
        return "SessionNamespace[" + id + ", " + state + ", " + table.maps.size() + " origins]";
    }
}
