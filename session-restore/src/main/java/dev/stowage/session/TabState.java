package dev.stowage.session;

import java.util.List;
import java.util.Objects;

/**
 * What a tab is, apart from its live page: enough to bring it back after it was closed or the app restarted.
 *
 * @param namespaceId  the id of the tab's {@code SessionNamespace} in the storage service
 * @param history      the tab's session history, oldest first; never empty
 * @param historyIndex the index of the current entry in {@code history}
 * @param title        the title the tab showed (may be empty)
 * @param position     where the tab stood in its window's tab strip (0 first), where it comes back
 */
public record TabState(String namespaceId, List<HistoryEntry> history, int historyIndex, String title, int position) {

    /** Validates and takes an immutable copy of {@code history}. */
    public TabState {
        Objects.requireNonNull(namespaceId, "namespaceId");
        Objects.requireNonNull(title, "title");
        history = List.copyOf(Objects.requireNonNull(history, "history"));
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a tab has at least one history entry");
        }
        if (historyIndex < 0 || historyIndex >= history.size()) {
            throw new IllegalArgumentException("history index " + historyIndex + " outside 0.." + (history.size() - 1));
        }
        if (position < 0) {
            throw new IllegalArgumentException("position " + position + " is negative");
        }
    }

    /** A tab state at position 0. */
    public TabState(String namespaceId, List<HistoryEntry> history, int historyIndex, String title) {
        this(namespaceId, history, historyIndex, title, 0);
    }

    /** The entry the tab shows. */
    public HistoryEntry current() {
        return history.get(historyIndex);
    }

    /**
     * One entry of session history.
     *
     * @param url   the document's URL
     * @param title the document's title (may be empty)
     */
    public record HistoryEntry(String url, String title) {
        /** Validates. */
        public HistoryEntry {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(title, "title");
        }
    }
}
