package dev.stowage.session;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tabs a window closed, most recent first, for reopening them (Ctrl+Shift+T).
 *
 * <p>Bounded: past {@link #capacity()} the oldest entry is dropped and handed to the eviction callback,
 * so the owner can let go of what the entry kept alive (its persisted storage namespace). Firefox keeps
 * 25 closed tabs per window, which is the default here.
 *
 * <p>Not thread-safe: owned by the window's thread (the FX thread). {@link #entries()} gives a copy that the
 * session saver may take elsewhere.
 */
public final class ClosedTabStack {
    /** How many closed tabs a window keeps unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 25;

    private final int capacity;
    private final Consumer<TabState> onEvicted;
    private final Deque<TabState> entries = new ArrayDeque<>();

    /**
     * @param capacity  how many entries to keep; 0 keeps none (each push is evicted at once), as Firefox's
     *                  {@code browser.sessionstore.max_tabs_undo} set to 0
     * @param onEvicted told of each entry dropped because the stack was full
     */
    public ClosedTabStack(int capacity, Consumer<TabState> onEvicted) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.onEvicted = Objects.requireNonNull(onEvicted, "onEvicted");
    }

    /** The most entries kept. */
    public int capacity() {
        return capacity;
    }

    /** Records a closed tab as the most recent one, dropping the oldest if the stack is full. */
    public void push(TabState closed) {
        entries.addFirst(Objects.requireNonNull(closed, "closed"));
        while (entries.size() > capacity) {
            onEvicted.accept(entries.removeLast());
        }
    }

    /** Takes the most recently closed tab, if any, for reopening it. */
    public Optional<TabState> pop() {
        return Optional.ofNullable(entries.pollFirst());
    }

    /**
     * Takes {@code entry} (this very object, from {@link #entries()}) off the stack, for reopening a tab other
     * than the most recent one; false if it is no longer there (reopened already, or evicted).
     */
    public boolean remove(TabState entry) {
        return entries.removeIf(e -> e == entry);
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /** The entries, most recent first (an immutable copy). */
    public List<TabState> entries() {
        return List.copyOf(entries);
    }
}
