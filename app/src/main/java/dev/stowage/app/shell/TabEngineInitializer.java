package dev.stowage.app.shell;

import java.util.Optional;
import javafx.scene.web.WebEngine;

/**
 * The seam through which other parts of the app (the page-facing sessionStorage bridge) get hold of each
 * tab's {@link WebEngine} the moment the tab is created, and learn why it was opened.
 *
 * <p>Contract: called exactly once per tab, on the JavaFX application thread, after the tab's
 * {@code WebView}, engine and {@link BrowserTab#id()} exist and the shell's own listeners are attached,
 * and <em>before</em> the engine loads anything (popup tabs included: WebKit starts loading the popup only
 * after the popup handler returned the engine). {@code start} names the storage the tab begins with; a
 * {@link TabStart.CopyOf} names a tab that is still open. An implementation may install document-start
 * hooks and engine listeners; it must not load URLs, replace the popup handler (use {@link PopupHandler}),
 * or block. An exception it throws propagates to whoever opened the tab; the tab is then not added to the
 * window.
 */
@FunctionalInterface
public interface TabEngineInitializer {
    /** Does nothing: the shell without a page bridge. */
    TabEngineInitializer NONE = (engine, tab, start) -> { };

    void initialize(WebEngine engine, BrowserTab tab, TabStart start);

    /**
     * {@code tab} is closing and goes to the closed-tab list: keep what it holds (its storage) for a
     * {@link TabStart.Reattach} instead of releasing it once the tab has unloaded. Called once, on the FX
     * thread, before the tab unloads.
     *
     * @return the id to reattach, or empty when there is nothing to keep
     */
    default Optional<String> keepForReopen(BrowserTab tab) {
        return Optional.empty();
    }

    /** The id of {@code tab}'s storage namespace, for the saved session; empty when it has none. FX thread. */
    default Optional<String> namespaceOf(BrowserTab tab) {
        return Optional.empty();
    }

    /**
     * Brings every open page's pending storage writes to Java now (they are sent at the end of a script
     * turn), before the shell changes storage under them (clearing site data). FX thread.
     */
    default void flushPages() {
    }

    /** What {@link #keepForReopen} kept under {@code id} will never be reattached: let it go. FX thread. */
    default void releaseKept(String id) {
    }
}
