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
    private static final System.Logger LOG = System.getLogger(NewTabRouter.class.getName());

    private final BrowserWindow window;
    private final javafx.beans.value.ObservableValue<ClonePolicy> policy;

    /** @param policy the run's clone policy, read at each opening (the main menu may change it) */
    NewTabRouter(BrowserWindow window, javafx.beans.value.ObservableValue<ClonePolicy> policy) {
        this.window = Objects.requireNonNull(window, "window");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** See {@link PopupHandler.TabOpener#openPopup}. Never throws into WebKit: a failure blocks the popup. */
    WebEngine openPopup(BrowserTab opener) {
        OpenIntent intent = opener.takeOpenIntent().orElse(null);
        if (!opener.isOpen() || window.isClosing()) {
            return null; // a page's pagehide or unload handler: a closing tab opens nothing
        }
        try {
            return route(opener, intent);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "a popup of tab " + opener.id() + " could not be opened", e);
            return null;
        }
    }

    private WebEngine route(BrowserTab opener, OpenIntent intent) {
        if (intent != null && intent.namedTarget()) {
            BrowserTab named = tabNamed(intent.target(), opener);
            if (named != null) {
                // A name that names a tab of the opener's group navigates that tab and copies nothing. WebKit
                // loads into the engine we hand back, and window.open returns that tab's window.
                window.model().select(named.model());
                if (intent.optedOut()) {
                    loadFromShell(named, intent.url(), opener);
                    return null;
                }
                return named.engine();
            }
        }
        int index = indexAfter(opener);
        if (intent != null && intent.noreferrer() && intent.kind() != OpenIntent.Kind.FORM) {
            // WebKit here ignores noreferrer: it would send a Referer and set window.opener. So the shell
            // opens this tab itself (engine.load sends no Referer; no opener) and blocks WebKit's. A tab
            // kept apart gets no name its opener could find it by.
            BrowserTab tab = window.openTab(new TabOpening(null, index, true, opener, TabStart.FRESH, null, false, false));
            loadFromShell(tab, intent.url(), opener);
            return null;
        }
        if (intent != null && intent.optedOut()) {
            // noopener: WebKit loads it (with its Referer, as the Standard wants) into a tab with empty
            // storage whose pages disown the opener WebKit gives them. A form is always loaded by WebKit:
            // the shell could not resend its body.
            return window.openTab(new TabOpening(null, index, true, opener, TabStart.FRESH, null, true, false)).engine();
        }
        // No intent: a document the script could not reach (an opaque origin); WebKit keeps the opener.
        boolean keepsOpener = intent == null || intent.keepsOpener();
        TabStart start = policy.getValue().copies(keepsOpener, false) ? TabStart.copyOf(opener) : TabStart.FRESH;
        String name = intent != null && intent.namedTarget() ? intent.target() : null;
        return window.openTab(new TabOpening(null, index, true, opener, start, name, false, keepsOpener)).engine();
    }

    /**
     * Ctrl+click, middle-click, "Open link in new tab": a background tab, never with an opener; no copy
     * when the link says {@code rel=noopener} or {@code noreferrer} ({@code optedOut}). The URL comes from
     * the page, so only what a page may open is opened.
     */
    void openInBackground(BrowserTab opener, String url, boolean optedOut) {
        if (!isOpenable(url, opener.currentUrl())) {
            return;
        }
        TabStart start = policy.getValue().copies(false, optedOut) ? TabStart.copyOf(opener) : TabStart.FRESH;
        int index = window.model().backgroundInsertIndex(opener.model());
        BrowserTab tab = window.openTab(new TabOpening(url, index, false, opener, start, null, false, false));
        window.model().noteBackgroundChild(opener.model(), tab.model());
    }

    /**
     * A new selected tab right after {@code original}, with a copy of its storage whatever the policy and
     * the same back/forward list: Back in the duplicate goes where Back in the original would.
     */
    BrowserTab duplicate(BrowserTab original) {
        var entries = original.historyEntries();
        int index = original.historyIndex();
        BrowserTab tab = window.openTab(new TabOpening(null, indexAfter(original), true, null,
                TabStart.copyOf(original), null, false, false));
        if (index >= 0) {
            tab.restoreHistory(entries, index);
        } else if (isOpenable(original.currentUrl(), original.currentUrl())) {
            tab.load(original.currentUrl()); // a page that failed before any entry: retry its URL
        }
        return tab;
    }

    /**
     * The open tab, other than {@code asking}, that a page named {@code name} when it opened it, among the
     * tabs of {@code asking}'s group (a page may find by name only the tabs related to its own, as in the
     * Standard: a tab opened with noopener, or by the user, starts a group of its own); or null.
     */
    private BrowserTab tabNamed(String name, BrowserTab asking) {
        for (TabModel tabModel : window.model().tabs()) {
            BrowserTab tab = window.tab(tabModel);
            if (tab != null && tab != asking && tab.isOpen() && tab.group().equals(asking.group())
                    && tab.name().filter(name::equals).isPresent()) {
                return tab;
            }
        }
        return null;
    }

    private int indexAfter(BrowserTab tab) {
        return window.model().tabs().indexOf(tab.model()) + 1;
    }

    /** Loads a URL a page gave us, if it is one that page may open in a tab. */
    private static void loadFromShell(BrowserTab tab, String url, BrowserTab from) {
        if (isOpenable(url, from.currentUrl())) {
            tab.load(url);
        }
    }

    /**
     * Whether a page at {@code pageUrl} may have the shell open {@code url} in a tab: http and https always,
     * file: only from a file: page (browsers keep web pages from opening local files), never javascript: or
     * data:.
     */
    static boolean isOpenable(String url, String pageUrl) {
        String scheme = schemeOf(url);
        return scheme.equals("http") || scheme.equals("https") || (scheme.equals("file") && schemeOf(pageUrl).equals("file"));
    }

    private static String schemeOf(String url) {
        if (url == null || url.isEmpty()) {
            return "";
        }
        try {
            String scheme = URI.create(url).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
