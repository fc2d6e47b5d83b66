package dev.stowage.storage;

import java.util.Objects;

/**
 * An opaque token naming who made a change, so that the writer can recognise (and skip) its own changes
 * when they come back as {@link StorageChange} events: a document does not get a {@code storage} event
 * for its own writes.
 *
 * <p>Tokens compare by identity; the name is only for logs. Immutable and thread-safe.
 */
public final class ChangeSource {
    /** The source of changes made by the shell itself (for example {@link SessionStorageService#clearOrigin}). */
    public static final ChangeSource NONE = new ChangeSource("none");

    private final String debugName;

    private ChangeSource(String debugName) {
        this.debugName = debugName;
    }

    /** A new token, distinct from every other one; {@code debugName} appears only in {@link #toString()}. */
    public static ChangeSource named(String debugName) {
        return new ChangeSource(Objects.requireNonNull(debugName, "debugName"));
    }

    @Override
    public String toString() {
        return "ChangeSource[" + debugName + "]";
    }
}
