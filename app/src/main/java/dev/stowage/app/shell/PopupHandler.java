package dev.stowage.app.shell;

import javafx.scene.web.PopupFeatures;
import javafx.scene.web.WebEngine;

/**
 * Decides what happens when a page opens a new window ({@code target=_blank}, {@code window.open}).
 * Installed as every tab's {@link WebEngine#setCreatePopupHandler}; replaceable so that the session
 * storage issue can give the new tab a clone of the opener's storage.
 *
 * <p>Called on the JavaFX application thread. WebView does not say which URL the popup will load: WebKit
 * loads it into the returned engine afterwards. Returning {@code null} blocks the popup.
 */
@FunctionalInterface
public interface PopupHandler {
    /** What browsers do with tabs: the popup becomes a new, selected tab right after its opener. */
    PopupHandler OPEN_IN_NEW_TAB = (opener, features, tabs) -> tabs.openPopupTab(opener).engine();

    /**
     * @param opener   the tab whose page asked for the popup
     * @param features what the page asked for (WebView's view of {@code window.open} features)
     * @param tabs     opens the tab that will hold the popup; it runs the {@link TabEngineInitializer}
     *                 with {@link BrowserTab#openerId()} set, before anything loads
     * @return the engine WebKit loads the popup into, or null to block it
     */
    WebEngine createPopup(BrowserTab opener, PopupFeatures features, TabOpener tabs);

    /** The part of the window a {@link PopupHandler} may use. */
    interface TabOpener {
        /** Opens a new selected tab right after {@code opener}, with nothing loaded yet. FX thread only. */
        BrowserTab openPopupTab(BrowserTab opener);
    }
}
