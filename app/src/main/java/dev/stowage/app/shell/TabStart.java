package dev.stowage.app.shell;

import java.util.Objects;

/**
 * Why a tab opens, as far as its storage is concerned: every way of opening a tab names one, and the
 * {@link TabEngineInitializer} gives the tab its namespace accordingly, before anything loads.
 *
 * <p>{@link Fresh}: an empty namespace (Ctrl+T, a typed URL, the command line, a page that opted out, a
 * policy that does not copy). {@link CopyOf}: a snapshot of another open tab's namespace, taken at the
 * moment of opening after that tab's pending writes reached Java (links, scripts, duplicate).
 * {@link Reattach}: the namespace a closed tab left behind ({@link TabEngineInitializer#keepForReopen}),
 * taken up again when the tab is reopened (Ctrl+Shift+T).
 */
public sealed interface TabStart {
    /** An empty namespace. */
    TabStart FRESH = new Fresh();

    /** A new, empty namespace. */
    record Fresh() implements TabStart {
    }

    /** A copy of the namespace of the open tab {@code tabId}. */
    record CopyOf(String tabId) implements TabStart {
        public CopyOf {
            Objects.requireNonNull(tabId, "tabId");
        }
    }

    /** The kept namespace {@code namespaceId} of a closed tab, taken up again. */
    record Reattach(String namespaceId) implements TabStart {
        public Reattach {
            Objects.requireNonNull(namespaceId, "namespaceId");
        }
    }

    static TabStart copyOf(BrowserTab tab) {
        return new CopyOf(tab.id());
    }
}
