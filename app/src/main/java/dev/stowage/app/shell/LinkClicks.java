package dev.stowage.app.shell;

import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Ctrl+click (Cmd+click on macOS) and middle-click on a link open it in a background tab, as in every
 * browser. WebView would otherwise hand the click to the page (which may act on it or navigate the tab),
 * so the gesture is taken in an event <em>filter</em> on the tab's WebView before the page sees it: the
 * press, the release and the click of that gesture are all consumed, and the page hears nothing.
 * FX thread only.
 */
final class LinkClicks {
    private final BrowserTab tab;
    private final BiConsumer<String, Boolean> openInBackground;
    /** The link under a press of the gesture, until its release. */
    private String pressedLink;

    private LinkClicks(BrowserTab tab, BiConsumer<String, Boolean> openInBackground) {
        this.tab = tab;
        this.openInBackground = openInBackground;
    }

    /** @param openInBackground opens a link's URL in a background tab; the flag: the link opted out of a copy */
    static void install(BrowserTab tab, BiConsumer<String, Boolean> openInBackground) {
        LinkClicks clicks = new LinkClicks(Objects.requireNonNull(tab, "tab"),
                Objects.requireNonNull(openInBackground, "openInBackground"));
        tab.webView().addEventFilter(MouseEvent.MOUSE_PRESSED, clicks::pressed);
        tab.webView().addEventFilter(MouseEvent.MOUSE_RELEASED, clicks::released);
        tab.webView().addEventFilter(MouseEvent.MOUSE_CLICKED, clicks::clicked);
    }

    private static boolean isGesture(MouseEvent e) {
        return e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown());
    }

    private void pressed(MouseEvent e) {
        pressedLink = null;
        if (!isGesture(e)) {
            return;
        }
        String link = PageLinks.urlAt(tab, e.getX(), e.getY());
        if (!link.isEmpty()) {
            pressedLink = link;
            e.consume();
        }
    }

    private void released(MouseEvent e) {
        String link = pressedLink;
        if (link == null || !isGesture(e)) {
            return;
        }
        e.consume();
        pressedLink = null;
        if (link.equals(PageLinks.urlAt(tab, e.getX(), e.getY()))) {
            openInBackground.accept(link, PageLinks.optsOutAt(tab, e.getX(), e.getY()));
        }
    }

    private void clicked(MouseEvent e) {
        if (isGesture(e) && !PageLinks.urlAt(tab, e.getX(), e.getY()).isEmpty()) {
            e.consume();
        }
    }
}
