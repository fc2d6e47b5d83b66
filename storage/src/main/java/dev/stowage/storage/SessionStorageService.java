package dev.stowage.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The sessionStorage of a browser: every {@link SessionNamespace} (one per tab), by id.
 *
 * <p>Three layers, as in Chromium's DOM storage: this service owns namespaces, a namespace owns one
 * {@link StorageArea} per {@link StorageKey} (origin and top-level site), an area owns the items, decides the quota and reports changes.
 *
 * <p><b>Lifecycle of a namespace.</b> {@link #createNamespace()} for a new tab; {@link #cloneNamespace}
 * for a tab opened from another (copy-on-write); {@link #deleteNamespace(String, boolean)} when the tab
 * closes &mdash; with {@code persist=true} the namespace is kept, readable, until
 * {@link #scavenge(Set)} finds that nothing refers to it any more, so that reopening the closed tab can
 * {@link #reattachNamespace reattach} it; {@link #restoreNamespace} rebuilds one from a saved snapshot.
 *
 * <p><b>Threading contract.</b> The service, its namespaces and areas are confined to one owner thread
 * (the JavaFX application thread in the app): every call that reads or writes live data is made there,
 * and change listeners run there, synchronously, after the change. No call blocks or takes a lock. Other
 * threads (the session saver) work only on {@link NamespaceSnapshot}s, which are immutable. Listener
 * registration is safe from any thread.
 */
public final class SessionStorageService {
    /** The quota per area unless configured: 5 MiB, as the Storage Standard recommends. */
    public static final long DEFAULT_QUOTA_BYTES = 5L * 1024 * 1024;

    private final long quotaBytesPerArea;
    private final Listeners listeners = new Listeners();
    private final Map<String, SessionNamespace> namespaces = new LinkedHashMap<>();

    /** A service with the default quota of {@value #DEFAULT_QUOTA_BYTES} bytes per area. */
    public SessionStorageService() {
        this(DEFAULT_QUOTA_BYTES);
    }

    /**
     * A service whose every area has the quota {@code quotaBytesPerArea}.
     *
     * @throws IllegalArgumentException if the quota is negative
     */
    public SessionStorageService(long quotaBytesPerArea) {
        if (quotaBytesPerArea < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + quotaBytesPerArea);
        }
        this.quotaBytesPerArea = quotaBytesPerArea;
    }

    /** The quota of every area, in bytes. */
    public long quotaBytesPerArea() {
        return quotaBytesPerArea;
    }

    /** A new, empty, active namespace with a fresh random id. */
    public SessionNamespace createNamespace() {
        return createNamespace(newId());
    }

    /**
     * A new, empty, active namespace named {@code id}.
     *
     * @throws IllegalArgumentException if the id is blank or already taken
     */
    public SessionNamespace createNamespace(String id) {
        requireFreeId(id);
        SessionNamespace ns = new SessionNamespace(id, quotaBytesPerArea, listeners, new AreaTable());
        namespaces.put(id, ns);
        return ns;
    }

    /**
     * A new active namespace holding a copy of {@code sourceId}'s data as it is now. O(1): the data is
     * shared until either side writes. Later writes on either side are not seen by the other.
     *
     * @throws NoSuchElementException if there is no namespace {@code sourceId}
     */
    public SessionNamespace cloneNamespace(String sourceId) {
        SessionNamespace source = require(sourceId);
        SessionNamespace copy = source.cloneAs(newId());
        namespaces.put(copy.id(), copy);
        return copy;
    }

    /** The live or persisted namespace {@code id}, if there is one. */
    public Optional<SessionNamespace> namespace(String id) {
        return Optional.ofNullable(namespaces.get(Objects.requireNonNull(id, "id")));
    }

    /** The ids of every namespace the service holds (active and persisted), in creation order. */
    public Set<String> namespaceIds() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(namespaces.keySet()));
    }

    /**
     * Ends a tab's use of namespace {@code id}. With {@code persist} the namespace becomes
     * {@link SessionNamespace.State#PERSISTED} and stays until {@link #scavenge(Set)}; without, it is
     * destroyed now. Deleting an unknown id does nothing.
     *
     * @return whether there was such a namespace
     */
    public boolean deleteNamespace(String id, boolean persist) {
        SessionNamespace ns = namespaces.get(Objects.requireNonNull(id, "id"));
        if (ns == null) {
            return false;
        }
        if (persist) {
            ns.setState(SessionNamespace.State.PERSISTED);
        } else {
            namespaces.remove(id);
            ns.destroy();
        }
        return true;
    }

    /**
     * Makes the persisted namespace {@code id} active again, for a reopened or restored tab.
     *
     * @throws NoSuchElementException if there is no namespace {@code id}
     * @throws IllegalStateException  if it is already active (two tabs must never share one)
     */
    /**
     * Runs {@code edit} on namespace {@code id} with it writable, whatever its state: the shell's own edits
     * (the storage inspector) of a tab's storage, open or closed. A {@link SessionNamespace.State#PERSISTED}
     * namespace (a closed tab's, a restored background tab's) is writable during {@code edit} only, and
     * persisted again afterwards, even if {@code edit} throws; no page is attached to it meanwhile, since
     * the service runs on one thread. Change events fire as for any write.
     *
     * @return false if there is no such namespace
     */
    public boolean edit(String id, Consumer<SessionNamespace> edit) {
        Objects.requireNonNull(edit, "edit");
        SessionNamespace ns = namespaces.get(Objects.requireNonNull(id, "id"));
        if (ns == null) {
            return false;
        }
        if (ns.state() != SessionNamespace.State.PERSISTED) {
            edit.accept(ns);
            return true;
        }
        ns.setState(SessionNamespace.State.ACTIVE);
        try {
            edit.accept(ns);
        } finally {
            ns.setState(SessionNamespace.State.PERSISTED);
        }
        return true;
    }

    public SessionNamespace reattachNamespace(String id) {
        SessionNamespace ns = require(id);
        if (ns.state() != SessionNamespace.State.PERSISTED) {
            throw new IllegalStateException("namespace " + id + " is " + ns.state() + ", not persisted");
        }
        ns.setState(SessionNamespace.State.ACTIVE);
        return ns;
    }

    /**
     * Rebuilds a namespace from a saved snapshot, as {@link SessionNamespace.State#PERSISTED}: a tab that
     * is restored then {@link #reattachNamespace reattaches} it. O(1): it shares the snapshot's data.
     *
     * @throws IllegalArgumentException if the id is already taken
     */
    public SessionNamespace restoreNamespace(NamespaceSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        requireFreeId(snapshot.namespaceId());
        SessionNamespace ns = SessionNamespace.restoredFrom(snapshot, quotaBytesPerArea, listeners);
        namespaces.put(ns.id(), ns);
        return ns;
    }

    /**
     * Destroys every persisted namespace whose id is not in {@code referencedIds} (the ids the session
     * still needs: open tabs and closed-tab entries). Active namespaces are never touched.
     *
     * @return the ids destroyed
     */
    public Set<String> scavenge(Set<String> referencedIds) {
        Objects.requireNonNull(referencedIds, "referencedIds");
        Set<String> removed = new LinkedHashSet<>();
        namespaces.values().removeIf(ns -> {
            boolean unreferenced = ns.state() == SessionNamespace.State.PERSISTED && !referencedIds.contains(ns.id());
            if (unreferenced) {
                removed.add(ns.id());
                ns.destroy();
            }
            return unreferenced;
        });
        return removed;
    }

    /**
     * Clears every area of {@code origin} in every namespace, active and persisted (the user clearing a
     * site's data): its first-party area and its areas as a frame in every other site's partition. Each
     * non-empty area reports a cleared change with source {@link ChangeSource#NONE}.
     */
    public void clearOrigin(Origin origin) {
        clearOrigin(origin, ChangeSource.NONE);
    }

    /**
     * Like {@link #clearOrigin(Origin)}, the cleared changes naming {@code source} (whose event URL the
     * pages' {@code storage} events then report).
     */
    public void clearOrigin(Origin origin, ChangeSource source) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        for (SessionNamespace ns : namespaces.values().toArray(new SessionNamespace[0])) {
            ns.clearOrigin(origin, source);
        }
    }

    /** Registers a listener for every change of every area of every namespace. */
    public Subscription addChangeListener(StorageChangeListener listener) {
        return listeners.add(listener);
    }

    private SessionNamespace require(String id) {
        SessionNamespace ns = namespaces.get(Objects.requireNonNull(id, "id"));
        if (ns == null) {
            throw new NoSuchElementException("no session namespace " + id);
        }
        return ns;
    }

    private void requireFreeId(String id) {
        SessionNamespace.requireValidId(id);
        if (namespaces.containsKey(id)) {
            throw new IllegalArgumentException("namespace id already in use: " + id);
        }
    }

    private String newId() {
        String id;
        do {
            id = UUID.randomUUID().toString();
        } while (namespaces.containsKey(id));
        return id;
    }
}
