package dev.stowage.storage;

/**
 * Receives the changes of storage areas.
 *
 * <p>Called synchronously on the writer's thread (the owner thread, see {@link SessionStorageService}),
 * after the change has been applied, once per operation: a single {@code set} gives one event with one
 * entry, a batch {@code set(Map)} one event with all the keys it changed. Operations that change nothing
 * give no event. A listener must not throw; if it does, the exception is logged and the other listeners
 * still run, and the change stands.
 */
@FunctionalInterface
public interface StorageChangeListener {
    void onChange(StorageChange change);
}
