package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The menu a right click on a page opens, replacing WebView's own: Back, Forward, Reload, and on links
 * Open link in new tab and Copy link address; and Clear sessionStorage for this site. FX thread only.
 */
final class PageContextMenu {
    private final BrowserTab tab;
    private final BiConsumer<String, Boolean> openInNewTab;
    private final Consumer<String> clearSite;
    private ContextMenu showing;

    /**
     * @param openInNewTab opens a link's URL in a background tab; the flag: the link opted out of a copy
     * @param clearSite    clears the sessionStorage of a page URL's site ({@link SiteDataHandler})
     */
    PageContextMenu(BrowserTab tab, BiConsumer<String, Boolean> openInNewTab, Consumer<String> clearSite) {
        this.tab = Objects.requireNonNull(tab, "tab");
        this.openInNewTab = Objects.requireNonNull(openInNewTab, "openInNewTab");
        this.clearSite = Objects.requireNonNull(clearSite, "clearSite");
    }

    /** Makes the tab's WebView use this menu. */
    void install() {
        tab.webView().setContextMenuEnabled(false);
        ContextMenuTrigger.install(tab.webView(), this::show);
    }

    private void show(ContextMenuTrigger.Request request) {
        if (showing != null) {
            showing.hide();
        }
        String link = PageLinks.urlAt(tab, request.local().getX(), request.local().getY());
        boolean optedOut = !link.isEmpty() && PageLinks.optsOutAt(tab, request.local().getX(), request.local().getY());
        MenuItem back = TabStripView.item("Back", "page-back", tab::back);
        back.setDisable(!tab.model().canGoBackProperty().get());
        MenuItem forward = TabStripView.item("Forward", "page-forward", tab::forward);
        forward.setDisable(!tab.model().canGoForwardProperty().get());
        MenuItem reload = TabStripView.item("Reload", "page-reload", tab::reload);
        ContextMenu menu = new ContextMenu();
        menu.setId("page-context-menu");
        if (!link.isEmpty()) {
            menu.getItems().addAll(
                    TabStripView.item("Open link in new tab", "page-open-link", () -> openInNewTab.accept(link, optedOut)),
                    TabStripView.item("Copy link address", "page-copy-link", () -> copy(link)),
                    new SeparatorMenuItem());
        }
        String page = tab.currentUrl();
        MenuItem clear = TabStripView.item("Clear sessionStorage for this site", "page-clear-site",
                () -> clearSite.accept(page));
        clear.setDisable(!SiteDataHandler.clearable(page));
        menu.getItems().addAll(back, forward, reload, new SeparatorMenuItem(), clear);
        showing = menu;
        menu.show(tab.webView(), request.screen().getX(), request.screen().getY());
    }

    private static void copy(String link) {
        ClipboardContent content = new ClipboardContent();
        content.putString(link);
        content.putUrl(link);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
