package dev.stowage.app.shell;

import dev.stowage.session.TabState.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A tab's session history as the shell owns it: its entries, oldest first, and the current one. WebKit's
 * own list ({@code WebHistory}) cannot be written, so a tab that starts with a history (Duplicate tab, and
 * reopen and restore) keeps it here, and Back and Forward go through it; WebKit's list follows.
 *
 * <p>Each entry may also know where it stands in WebKit's list (its <em>engine index</em>), when WebKit
 * has that entry: then a traversal to it can go through WebKit ({@code WebHistory.go}, which keeps
 * in-document state and same-document entries), and otherwise the shell loads the entry's URL. Loading
 * makes WebKit drop its entries after its current one; {@link #engineTruncatedFrom} forgets them.
 *
 * <p>A plain model: no JavaFX, no engine, unit-tested alone. Not thread-safe; the FX thread owns it.
 */
public final class TabHistory {
    private static final int UNKNOWN = -1;

    private final List<HistoryEntry> entries = new ArrayList<>();
    private final List<Integer> engineIndex = new ArrayList<>();
    private int index = -1;

    /** The entries, oldest first (a copy). Empty before the tab's first page. */
    public List<HistoryEntry> entries() {
        return List.copyOf(entries);
    }

    /** The index of the current entry in {@link #entries()}, or -1 while there is none. */
    public int index() {
        return index;
    }

    public boolean canGoBack() {
        return index > 0;
    }

    public boolean canGoForward() {
        return index >= 0 && index < entries.size() - 1;
    }

    /**
     * Replaces everything with {@code history} at {@code current}, none of it in WebKit's list yet (the
     * start of a duplicate, a reopened or a restored tab).
     *
     * @throws IllegalArgumentException if {@code history} is empty or {@code current} is outside it
     */
    public void reset(List<HistoryEntry> history, int current) {
        Objects.requireNonNull(history, "history");
        if (history.isEmpty() || current < 0 || current >= history.size()) {
            throw new IllegalArgumentException("history of " + history.size() + " entries at " + current);
        }
        entries.clear();
        engineIndex.clear();
        for (HistoryEntry entry : history) {
            entries.add(Objects.requireNonNull(entry, "entry"));
            engineIndex.add(UNKNOWN);
        }
        index = current;
    }

    /** A new navigation committed at WebKit's {@code engineIdx}: later entries go, the new one is current. */
    public void pushed(HistoryEntry entry, int engineIdx) {
        Objects.requireNonNull(entry, "entry");
        while (entries.size() > index + 1) {
            entries.remove(entries.size() - 1);
            engineIndex.remove(engineIndex.size() - 1);
        }
        entries.add(entry);
        engineIndex.add(engineIdx);
        index = entries.size() - 1;
    }

    /** A traversal reached entry {@code target}, which WebKit now shows at {@code engineIdx}. */
    public void landed(int target, int engineIdx) {
        Objects.checkIndex(target, entries.size());
        engineIndex.set(target, engineIdx);
        index = target;
    }

    /** WebKit dropped its entries from {@code engineIdx} on (a load after its current entry). */
    public void engineTruncatedFrom(int engineIdx) {
        for (int i = 0; i < engineIndex.size(); i++) {
            if (engineIndex.get(i) >= engineIdx) {
                engineIndex.set(i, UNKNOWN);
            }
        }
    }

    /** WebKit dropped its {@code count} oldest entries (its list was full): every position moves down. */
    public void engineDroppedOldest(int count) {
        for (int i = 0; i < engineIndex.size(); i++) {
            int at = engineIndex.get(i);
            engineIndex.set(i, at < 0 ? UNKNOWN : at - count < 0 ? UNKNOWN : at - count);
        }
    }

    /** Where entry {@code i} stands in WebKit's list, or -1 when WebKit does not have it. */
    public int engineIndexOf(int i) {
        return engineIndex.get(Objects.checkIndex(i, entries.size()));
    }

    /** The entry WebKit shows at {@code engineIdx}, if the shell knows it. */
    public OptionalInt entryAtEngineIndex(int engineIdx) {
        for (int i = 0; i < engineIndex.size(); i++) {
            if (engineIndex.get(i) == engineIdx) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The current entry's page is scrolled to ({@code x}, {@code y}). */
    public void scrollCurrent(int x, int y) {
        if (index >= 0) {
            entries.set(index, entries.get(index).scrolledTo(x, y));
        }
    }

    /** The current entry changed in place (a reload's new title, {@code history.replaceState}). */
    public void updateCurrent(HistoryEntry entry) {
        if (index >= 0) {
            entries.set(index, Objects.requireNonNull(entry, "entry"));
        }
    }
}
