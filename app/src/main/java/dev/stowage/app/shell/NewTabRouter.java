package dev.stowage.app.shell;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.web.WebEngine;

/**
 * Where a tab opened from another tab goes and what storage it starts with: popups (links, areas and
 * forms with a target, {@code window.open}), links opened in the background (Ctrl+click, middle-click,
 * "Open link in new tab") and Duplicate tab. The window's {@link ClonePolicy} and what the page said
 * ({@link OpenIntent}) decide between {@link TabStart#FRESH} and a {@link TabStart.CopyOf copy} of the
 * opener's storage; the copy itself is the {@link TabEngineInitializer}'s job.
 *
 * <p>Tab placement follows Chrome and Firefox: a popup is a new selected tab right after its opener; a
 * background link goes right after its opener and after the earlier background tabs from the same opener
 * ({@link WindowModel#backgroundInsertIndex}). FX thread only.
 */
final class NewTabRouter {
    private final BrowserWindow window;
    private final ClonePolicy policy;

    NewTabRouter(BrowserWindow window, ClonePolicy policy) {
        this.window = Objects.requireNonNull(window, "window");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    ClonePolicy policy() {
        return policy;
    }

    /** See {@link PopupHandler.TabOpener#openPopup}. */
    WebEngine openPopup(BrowserTab opener) {
        OpenIntent intent = opener.takeOpenIntent().orElse(null);
        if (intent != null && intent.namedTarget()) {
            BrowserTab named = window.tabNamed(intent.target(), opener);
            if (named != null) {
                // A name that names an open tab navigates that tab and copies nothing. WebKit loads into the
                // engine we hand back, and window.open returns that tab's window, as in browsers.
                window.model().select(named.model());
                if (intent.optedOut()) {
                    loadFromShell(named, intent.url());
                    return null;
                }
                return named.engine();
            }
        }
        String name = intent != null && intent.namedTarget() ? intent.target() : null;
        if (intent != null && intent.noreferrer() && intent.kind() != OpenIntent.Kind.FORM) {
            // WebKit here ignores noreferrer: it would send a Referer and set window.opener. So the shell
            // opens this tab itself (engine.load sends no Referer; no opener) and blocks WebKit's.
            BrowserTab tab = window.openTab(null, indexAfter(opener), true, opener, TabStart.FRESH, name);
            loadFromShell(tab, intent.url());
            return null;
        }
        if (intent != null && intent.optedOut()) {
            // noopener: WebKit loads it (with its Referer, as the Standard wants) into a tab with empty
            // storage whose pages disown the opener WebKit gives them. A form is always loaded by WebKit:
            // the shell could not resend its body.
            return window.openTab(null, indexAfter(opener), true, opener, TabStart.FRESH, name, true).engine();
        }
        // No intent: a document the script could not reach (an opaque origin); WebKit keeps the opener.
        boolean keepsOpener = intent == null || intent.keepsOpener();
        TabStart start = policy.copies(keepsOpener, false) ? TabStart.copyOf(opener) : TabStart.FRESH;
        return window.openTab(null, indexAfter(opener), true, opener, start, name).engine();
    }

    /**
     * Ctrl+click, middle-click, "Open link in new tab": a background tab, never with an opener; no copy
     * when the link says {@code rel=noopener} or {@code noreferrer} ({@code optedOut}).
     */
    void openInBackground(BrowserTab opener, String url, boolean optedOut) {
        TabStart start = policy.copies(false, optedOut) ? TabStart.copyOf(opener) : TabStart.FRESH;
        int index = window.model().backgroundInsertIndex(opener.model());
        BrowserTab tab = window.openTab(url, index, false, opener, start, null);
        window.model().noteBackgroundChild(opener.model(), tab.model());
    }

    /**
     * A new selected tab right after {@code original}, with a copy of its storage whatever the policy and
     * the same back/forward list: Back in the duplicate goes where Back in the original would.
     */
    BrowserTab duplicate(BrowserTab original) {
        var entries = original.historyEntries();
        int index = original.historyIndex();
        BrowserTab tab = window.openTab(null, indexAfter(original), true, null, TabStart.copyOf(original), null);
        if (index >= 0) {
            tab.restoreHistory(entries, index);
        } else if (isOpenable(original.currentUrl())) {
            tab.load(original.currentUrl()); // a page that failed before any entry: retry its URL
        }
        return tab;
    }

    private int indexAfter(BrowserTab tab) {
        return window.model().tabs().indexOf(tab.model()) + 1;
    }

    /** Loads a URL a page gave us, if it is one a page may open in a tab (no file:, javascript:, data:). */
    private static void loadFromShell(BrowserTab tab, String url) {
        if (isOpenable(url)) {
            tab.load(url);
        }
    }

    static boolean isOpenable(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        try {
            String scheme = URI.create(url).getScheme();
            return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
                    || scheme.toLowerCase(Locale.ROOT).equals("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
