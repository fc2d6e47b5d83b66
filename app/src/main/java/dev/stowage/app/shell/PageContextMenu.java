package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The menu a right click on a page opens, replacing WebView's own: Back, Forward, Reload, and on links
 * Open link in new tab and Copy link address. FX thread only.
 */
final class PageContextMenu {
    private final BrowserTab tab;
    private final BiConsumer<String, Boolean> openInNewTab;
    private ContextMenu showing;

    /** @param openInNewTab opens a link's URL in a background tab; the flag: the link opted out of a copy */
    PageContextMenu(BrowserTab tab, BiConsumer<String, Boolean> openInNewTab) {
        this.tab = Objects.requireNonNull(tab, "tab");
        this.openInNewTab = Objects.requireNonNull(openInNewTab, "openInNewTab");
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
        menu.getItems().addAll(back, forward, reload);
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
