package dev.stowage.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One applied change to one {@link StorageArea}, as listeners see it: the shape of the WebExtensions
 * {@code storage.onChanged} event ({@code {key: {oldValue, newValue}}}) plus where it happened and who did it.
 *
 * @param namespaceId the namespace (tab) whose area changed
 * @param storageKey  the area's key: its origin and the top-level site of its partition ({@link #origin()}
 *                    alone cannot tell a cross-site frame's area from the origin's first-party one)
 * @param source      the token the writer passed, {@link ChangeSource#NONE} if it passed none
 * @param cleared     true when the change was {@code clear()}: {@code changes} then lists every removed key
 *                    with its old value, and a page's {@code storage} event has a null key
 * @param changes     the keys that changed, in the order they changed; never empty; unmodifiable
 */
public record StorageChange(String namespaceId, StorageKey storageKey, ChangeSource source, boolean cleared,
                            Map<String, ValueChange> changes) {

    /** Validates and takes an unmodifiable, order-keeping copy of {@code changes}. */
    public StorageChange {
        Objects.requireNonNull(namespaceId, "namespaceId");
        Objects.requireNonNull(storageKey, "storageKey");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a change changes something");
        }
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** The origin of the area: {@code storageKey().origin()}. */
    public Origin origin() {
        return storageKey.origin();
    }

    /**
     * One key's change. {@code oldValue} is null when the key was new; {@code newValue} is null when the
     * key was removed or cleared.
     */
    public record ValueChange(String oldValue, String newValue) {
    }
}
