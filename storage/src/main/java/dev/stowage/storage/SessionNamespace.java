package dev.stowage.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The sessionStorage of one tab: one {@link StorageArea} per origin, created on first use.
 *
 * <p>Namespaces are made, cloned, deleted and looked up through a {@link SessionStorageService}, which
 * names each by a unique id. A clone shares every area's data with its source until one side writes to
 * that area (copy-on-write), so cloning costs O(origins) whatever the amount of data.
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
    private final Map<Origin, StorageArea> areas = new LinkedHashMap<>();
    private State state = State.ACTIVE;

    SessionNamespace(String id, long quotaBytes, Listeners serviceListeners) {
        this.id = requireValidId(id);
        this.quotaBytes = quotaBytes;
        this.serviceListeners = serviceListeners;
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
     * The area of {@code origin}, created empty on first use.
     *
     * @throws IllegalArgumentException if {@code origin} is opaque (such documents get no storage)
     * @throws IllegalStateException    if a new area would have to be created while not {@link State#ACTIVE}
     */
    public StorageArea area(Origin origin) {
        Objects.requireNonNull(origin, "origin");
        if (origin.isOpaque()) {
            throw new IllegalArgumentException("an opaque origin has no sessionStorage");
        }
        StorageArea area = areas.get(origin);
        if (area == null) {
            checkWritable();
            area = new StorageArea(this, origin, quotaBytes, new AreaMap());
            areas.put(origin, area);
        }
        return area;
    }

    /** The area of {@code origin} if it was ever used, without creating one. */
    public Optional<StorageArea> existingArea(Origin origin) {
        return Optional.ofNullable(areas.get(Objects.requireNonNull(origin, "origin")));
    }

    /** The origins that have an area, in order of first use (a copy). */
    public Set<Origin> origins() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(areas.keySet()));
    }

    /** The bytes {@code origin}'s area uses; 0 if it has none. */
    public long bytesInUse(Origin origin) {
        return existingArea(origin).map(StorageArea::getBytesInUse).orElse(0L);
    }

    /** The bytes of all areas together. */
    public long totalBytesInUse() {
        return areas.values().stream().mapToLong(StorageArea::getBytesInUse).sum();
    }

    /** An immutable picture of the non-empty areas, in O(areas); see {@link NamespaceSnapshot}. */
    public NamespaceSnapshot snapshot() {
        Map<Origin, AreaSnapshot> pictures = new LinkedHashMap<>();
        areas.forEach((origin, area) -> {
            if (area.length() > 0) {
                pictures.put(origin, area.snapshot());
            }
        });
        return new NamespaceSnapshot(id, pictures);
    }

    /** Registers a listener for the changes of every area of this namespace. */
    public Subscription addChangeListener(StorageChangeListener listener) {
        return listeners.add(listener);
    }

    SessionNamespace cloneAs(String newId) {
        SessionNamespace copy = new SessionNamespace(newId, quotaBytes, serviceListeners);
        areas.forEach((origin, area) -> copy.areas.put(origin, area.cloneInto(copy)));
        return copy;
    }

    static SessionNamespace restoredFrom(NamespaceSnapshot snapshot, long quotaBytes, Listeners serviceListeners) {
        SessionNamespace ns = new SessionNamespace(snapshot.namespaceId(), quotaBytes, serviceListeners);
        snapshot.areas().forEach((origin, picture) ->
                ns.areas.put(origin, new StorageArea(ns, origin, quotaBytes, picture.frozen.retain())));
        ns.state = State.PERSISTED;
        return ns;
    }

    void clearOrigin(Origin origin) {
        StorageArea area = areas.get(origin);
        if (area != null) {
            area.clearUnchecked(ChangeSource.NONE);
        }
    }

    void setState(State next) {
        state = next;
    }

    void destroy() {
        areas.values().forEach(StorageArea::dispose);
        areas.clear();
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
        return "SessionNamespace[" + id + ", " + state + ", " + areas.size() + " origins]";
    }
}
