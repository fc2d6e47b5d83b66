package dev.stowage.storage;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener list that survives (and logs) a throwing listener. Registration is safe from any thread. */
final class Listeners {
    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final List<StorageChangeListener> list = new CopyOnWriteArrayList<>();

    Subscription add(StorageChangeListener listener) {
        Objects.requireNonNull(listener, "listener");
        list.add(listener);
        return () -> list.remove(listener);
    }

    void fire(StorageChange change) {
        for (StorageChangeListener listener : list) {
            try {
                listener.onChange(change);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "storage change listener failed; the change stands", e);
            }
        }
    }
}
