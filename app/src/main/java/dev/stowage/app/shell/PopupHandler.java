package dev.stowage.app.shell;

import javafx.scene.web.PopupFeatures;
import javafx.scene.web.WebEngine;

/**
 * Decides what happens when a page opens a new window ({@code target=_blank} or a named target on a link,
 * area or form, {@code window.open}). Installed as every tab's {@link WebEngine#setCreatePopupHandler};
 * replaceable so that embedders and tests can block or redirect popups.
 *
 * <p>Called on the JavaFX application thread, from inside the opener page's script or link activation.
 * WebView does not say which URL the popup will load: WebKit loads it into the returned engine afterwards.
 * Returning {@code null} blocks the popup, and nothing of it (no tab, no namespace) is left behind.
 */
@FunctionalInterface
public interface PopupHandler {
    /**
     * What browsers do with tabs: the popup becomes a tab right after its opener, or goes to the open tab
     * its target names, with the storage the window's {@link ClonePolicy} gives it (see
     * {@link TabOpener#openPopup}).
     */
    PopupHandler OPEN_IN_NEW_TAB = (opener, features, tabs) -> tabs.openPopup(opener);

    /**
     * @param opener   the tab whose page asked for the popup
     * @param features what the page asked for (WebView's view of {@code window.open} features)
     * @param tabs     opens the tab that will hold the popup
     * @return the engine WebKit loads the popup into, or null to block it
     */
    WebEngine createPopup(BrowserTab opener, PopupFeatures features, TabOpener tabs);

    /** The part of the window a {@link PopupHandler} may use. */
    interface TabOpener {
        /**
         * Opens the popup the way the shell does: the tab {@code opener}'s page named, if one is open;
         * otherwise a new selected tab right after the opener, starting with a copy of the opener's storage
         * or an empty one as the clone policy and the page's {@code noopener}/{@code noreferrer} say. WebKit
         * here honours neither: for {@code noreferrer} the shell loads the tab itself (no Referer, no opener)
         * and WebKit is told to open nothing; for {@code noopener} WebKit loads it and the tab's pages
         * disown the opener before their first script. FX thread only.
         *
         * @return the engine WebKit should load the popup into, or null when the shell took care of it
         */
        WebEngine openPopup(BrowserTab opener);
    }
}
