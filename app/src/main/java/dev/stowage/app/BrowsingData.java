package dev.stowage.app;

import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.TabModel;
import dev.stowage.session.TabState;
import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The profile's browsing data, and clearing it: Electron's {@code session.clearStorageData({origin, storages})}
 * in Java. What is cleared is gone at once from every open page (which gets its {@code storage} events, with
 * the URL {@value #EVENT_URL}), from every closed tab and restored background tab, and, with the session's
 * next save (the storage change marks it dirty), from the disk.
 *
 * <p><b>Threading.</b> FX thread (the storage service's owner thread).
 */
public final class BrowsingData {
    /** What can be cleared. */
    public enum Kind {
        /** The shell's sessionStorage of every tab, open, restored or closed. */
        SESSION_STORAGE,
        /** The closed-tab list (and the storage its entries keep). */
        CLOSED_TABS,
        /** Cookies, persistent and session. */
        COOKIES,
        /**
         * WebView's own {@code localStorage}, as far as its API allows: cleared in every open page of the
         * origin (WebView has no API to clear it for pages not open). WebView keeps no HTTP cache of its own
         * (it loads through {@code java.net}, whose {@code ResponseCache} is unset), so there is none to clear.
         */
        WEBVIEW_STORAGE
    }

    /**
     * The {@code url} of the {@code storage} events that clearing sends the pages: no document made the
     * change, and "" told a page's developer nothing (the inspector's say {@code stowage://inspector}).
     */
    public static final String EVENT_URL = "stowage://clear-site-data";
    private static final ChangeSource SOURCE = ChangeSource.named("clear site data", EVENT_URL);

    private final SessionStorageService service;
    private final Supplier<Collection<BrowserWindow>> windows;

    public BrowsingData(SessionStorageService service, Supplier<Collection<BrowserWindow>> windows) {
        this.service = Objects.requireNonNull(service, "service");
        this.windows = Objects.requireNonNull(windows, "windows");
    }

    /**
     * Clears {@code kinds} of {@code origin}'s data, or of every site's when {@code origin} is empty.
     *
     * @throws IllegalArgumentException if {@code origin} is opaque (no data belongs to it)
     */
    public void clearStorageData(Optional<Origin> origin, Set<Kind> kinds) {
        Objects.requireNonNull(origin, "origin");
        Set<Kind> what = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
        if (origin.isPresent() && origin.get().isOpaque()) {
            throw new IllegalArgumentException("an opaque origin has no data to clear");
        }
        if (what.contains(Kind.SESSION_STORAGE)) {
            // A page's writes still on their way would otherwise land after the clear and bring data back.
            windows.get().forEach(BrowserWindow::flushPages);
            Set<Origin> origins = new LinkedHashSet<>();
            if (origin.isPresent()) {
                origins.add(origin.get());
            } else {
                for (String id : service.namespaceIds()) {
                    service.namespace(id).map(SessionNamespace::origins).ifPresent(origins::addAll);
                }
            }
            origins.forEach(o -> service.clearOrigin(o, SOURCE));
        }
        if (what.contains(Kind.CLOSED_TABS)) {
            for (BrowserWindow window : windows.get()) {
                window.forgetClosed(entry -> origin.isEmpty() || visited(entry, origin.get()));
            }
        }
        if (what.contains(Kind.COOKIES)) {
            ProfileCookies.clear(origin.map(Origin::host).orElse(null));
        }
        if (what.contains(Kind.WEBVIEW_STORAGE)) {
            for (BrowserWindow window : windows.get()) {
                for (TabModel model : window.model().tabs()) {
                    BrowserTab tab = window.tab(model);
                    if (tab != null && (origin.isEmpty() || sameOrigin(tab.currentUrl(), origin.get()))) {
                        tab.engine().executeScript("try { localStorage.clear(); } catch (e) { }");
                    }
                }
            }
        }
    }

    /** Whether a closed tab's history holds a page of {@code origin}. */
    private static boolean visited(TabState entry, Origin origin) {
        return entry.history().stream().anyMatch(h -> sameOrigin(h.url(), origin));
    }

    private static boolean sameOrigin(String url, Origin origin) {
        try {
            return Origin.of(url).equals(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
