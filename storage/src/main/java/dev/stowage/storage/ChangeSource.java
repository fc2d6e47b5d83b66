package dev.stowage.storage;

import java.util.Objects;

/**
 * An opaque token naming who made a change, so that the writer can recognise (and skip) its own changes
 * when they come back as {@link StorageChange} events: a document does not get a {@code storage} event
 * for its own writes.
 *
 * <p>A source may also name the URL that the pages' {@code storage} events report for its changes (a
 * change the shell makes has no document of its own; the inspector's say {@code stowage://inspector}).
 *
 * <p>Tokens compare by identity; the name is only for logs. Immutable and thread-safe.
 */
public final class ChangeSource {
    /** The source of changes made by the shell itself (for example {@link SessionStorageService#clearOrigin}). */
    public static final ChangeSource NONE = new ChangeSource("none", "");

    private final String debugName;
    private final String eventUrl;

    private ChangeSource(String debugName, String eventUrl) {
        this.debugName = debugName;
        this.eventUrl = eventUrl;
    }

    /** A new token, distinct from every other one; {@code debugName} appears only in {@link #toString()}. */
    public static ChangeSource named(String debugName) {
        return named(debugName, "");
    }

    /**
     * A new token whose changes the pages' {@code storage} events report with {@code eventUrl} as their
     * {@code url}.
     */
    public static ChangeSource named(String debugName, String eventUrl) {
        return new ChangeSource(Objects.requireNonNull(debugName, "debugName"), Objects.requireNonNull(eventUrl, "eventUrl"));
    }

    /** The {@code url} of the {@code storage} events its changes cause in pages; "" when it names none. */
    public String eventUrl() {
        return eventUrl;
    }

    @Override
    public String toString() {
        return "ChangeSource[" + debugName + "]";
    }
}
