package dev.stowage.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes a window's {@link BrowserTab}s, each ready before it loads anything: WebView's data folder, the
 * shell's handlers (page context menu, link clicks, popups), the tab's storage through the
 * {@link TabEngineInitializer}, and the session told of every change the saved tab would show. FX thread only.
 */
final class TabFactory {
    private final Path webDataDir;
    private final TabEngineInitializer initializer;
    private final PopupHandler popupHandler;
    private final BrowserWindow window;
    private final NewTabRouter newTabs;
    private final FaviconLoader favicons;
    private final Runnable changed;
    private final java.util.function.Consumer<String> clearSite;
    private DownloadHandler downloads = DownloadHandler.NONE;

    /**
     * @param webDataDir WebView's own data folder, or null for WebView's default
     * @param window     where the tabs' popups open
     * @param changed    told when a tab's URL, title, icon or zoom changes
     * @param clearSite  the page menu's "Clear sessionStorage for this site"
     */
    TabFactory(Path webDataDir, TabEngineInitializer initializer, PopupHandler popupHandler,
               BrowserWindow window, NewTabRouter newTabs, FaviconLoader favicons, Runnable changed,
               java.util.function.Consumer<String> clearSite) {
        this.webDataDir = webDataDir;
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.popupHandler = Objects.requireNonNull(popupHandler, "popupHandler");
        this.window = Objects.requireNonNull(window, "window");
        this.newTabs = Objects.requireNonNull(newTabs, "newTabs");
        this.favicons = Objects.requireNonNull(favicons, "favicons");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.clearSite = Objects.requireNonNull(clearSite, "clearSite");
    }

    /** The page of {@code tabModel}, opened as {@code opening} says (its URL is not loaded here). */
    BrowserTab make(TabModel tabModel, TabOpening opening) {
        BrowserTab opener = opening.opener();
        String group = opening.related() ? opener.group() : tabModel.id();
        BrowserTab tab = new BrowserTab(tabModel, opener == null ? null : opener.id(), opening.name(), group,
                opening.withoutOpener(), favicons);
        if (webDataDir != null) {
            tab.engine().setUserDataDirectory(webDataDir.toFile());
        }
        new PageContextMenu(tab, (link, optedOut) -> newTabs.openInBackground(tab, link, optedOut), clearSite).install();
        LinkClicks.install(tab, (link, optedOut) -> newTabs.openInBackground(tab, link, optedOut));
        tab.engine().setCreatePopupHandler(features -> popupHandler.createPopup(tab, features, window));
        DownloadSniffer.install(tab, (t, url, referer) -> downloads.download(t, url, referer), () -> {
            if (window.model().tabs().size() > 1) {
                window.close(tabModel); // opened only for the download, as a link with target=_blank does
            }
        });
        initializer.initialize(tab.engine(), tab, opening.start());
        List.of(tabModel.urlProperty(), tabModel.titleProperty(), tabModel.faviconDataProperty(), tab.webView().zoomProperty())
                .forEach(p -> p.addListener(o -> changed.run()));
        return tab;
    }

    DownloadHandler downloads() {
        return downloads;
    }

    /** Makes {@code handler} where the tabs' downloads go from now on. */
    void setDownloads(DownloadHandler handler) {
        downloads = Objects.requireNonNull(handler, "handler");
    }

    /**
     * A random 128-bit id in UUID form. Not {@link UUID#randomUUID()}: tab ids are not secrets, and
     * SecureRandom's start-up sits on the way to the first page.
     */
    static String newTabId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
