package dev.stowage.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * What a tab is, apart from its live page: enough to bring it back after it was closed or the app restarted.
 *
 * @param namespaceId  the id of the tab's {@code SessionNamespace} in the storage service ("" for none)
 * @param history      the tab's session history, oldest first; never empty
 * @param historyIndex the index of the current entry in {@code history}
 * @param title        the title the tab showed (may be empty)
 * @param position     where the tab stood in its window's tab strip (0 first), where it comes back
 * @param favicon      the tab's icon as a {@code data:} URL, or "" for none (a restored background tab shows
 *                     it before its page loads)
 * @param zoom         the page's zoom factor, 1 for 100%; a missing or non-positive zoom reads as 1
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TabState(String namespaceId, List<HistoryEntry> history, int historyIndex, String title, int position,
                       String favicon, double zoom) {
    /** The smallest and largest zoom a tab may have (Chrome's range). */
    public static final double MIN_ZOOM = 0.25;
    public static final double MAX_ZOOM = 5.0;

    /** Validates and takes an immutable copy of {@code history}. */
    public TabState {
        Objects.requireNonNull(namespaceId, "namespaceId");
        Objects.requireNonNull(title, "title");
        favicon = favicon == null ? "" : favicon;
        if (!favicon.isEmpty() && !favicon.startsWith("data:")) {
            throw new IllegalArgumentException("a favicon is kept as a data: URL");
        }
        zoom = zoom > 0 && Double.isFinite(zoom) ? Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom)) : 1.0;
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

    /** A tab state without favicon, at 100%. */
    public TabState(String namespaceId, List<HistoryEntry> history, int historyIndex, String title, int position) {
        this(namespaceId, history, historyIndex, title, position, "", 1.0);
    }

    /** A tab state at position 0. */
    public TabState(String namespaceId, List<HistoryEntry> history, int historyIndex, String title) {
        this(namespaceId, history, historyIndex, title, 0);
    }

    /** The entry the tab shows. */
    public HistoryEntry current() {
        return history.get(historyIndex);
    }

    /** This state naming namespace {@code id} instead. */
    public TabState withNamespace(String id) {
        return new TabState(id, history, historyIndex, title, position, favicon, zoom);
    }

    /** This state at strip position {@code at}. */
    public TabState withPosition(int at) {
        return new TabState(namespaceId, history, historyIndex, title, at, favicon, zoom);
    }

    /**
     * One entry of session history.
     *
     * @param url     the document's URL
     * @param title   the document's title (may be empty)
     * @param scrollX the page's horizontal scroll position when the tab left the entry, in CSS pixels
     * @param scrollY the page's vertical scroll position when the tab left the entry, in CSS pixels
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String url, String title, int scrollX, int scrollY) {
        /** Validates. */
        public HistoryEntry {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(title, "title");
            scrollX = Math.max(0, scrollX);
            scrollY = Math.max(0, scrollY);
        }

        /** An entry scrolled to the top. */
        public HistoryEntry(String url, String title) {
            this(url, title, 0, 0);
        }

        /** This entry scrolled to ({@code x}, {@code y}). */
        public HistoryEntry scrolledTo(int x, int y) {
            return new HistoryEntry(url, title, x, y);
        }
    }
}
