package dev.stowage.app;

import dev.stowage.app.page.DocumentDirectory;
import dev.stowage.app.page.PageRequests;
import dev.stowage.app.page.PageStorage;
import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.OpenIntent;
import dev.stowage.app.shell.TabEngineInitializer;
import dev.stowage.app.shell.TabStart;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.web.WebEngine;

/**
 * The owner of every tab's sessionStorage in one window: by tab id, the tab's {@link SessionNamespace} and
 * the {@link PageStorage} that gives each of its documents the shell's {@code sessionStorage}. The one
 * place where the window, the page bridge and the storage service meet.
 *
 * <p>Every way of opening a tab comes here through {@link #initialize} with the reason its storage starts
 * as it does ({@link TabStart}): a fresh namespace, or a copy of an open tab's, taken after that tab's
 * documents sent Java their pending writes (the copy runs inside the opener's {@code window.open} or link
 * activation, mid-script) and copy-on-write, so O(origins) whatever the data. When the tab has closed and
 * its page has unloaded, the page's last writes are flushed, the bridge detached and the namespace deleted.
 * A document that could not get the shell's storage turns into a warning in the window.
 *
 * <p><b>Threading.</b> FX thread only, like the service it uses.
 */
public final class TabStorages implements TabEngineInitializer {
    private static final System.Logger LOG = System.getLogger(TabStorages.class.getName());

    /** One tab's storage: its namespace and its documents' bridge. */
    private record TabStorage(SessionNamespace namespace, PageStorage pages) {
    }

    private final SessionStorageService service;
    private final Consumer<String> warn;
    // One per window: a popup and its opener may hand each other their storage objects.
    private final DocumentDirectory documents = new DocumentDirectory();
    private final Map<String, TabStorage> byTab = new HashMap<>();
    // Tabs closing onto the closed-tab list: their namespace is persisted, not deleted, once they unloaded.
    private final Set<String> keptTabs = new HashSet<>();
    // Kept namespaces let go of (or taken up by a copy) while their tab was still unloading.
    private final Set<String> releaseOnUnload = new HashSet<>();

    /**
     * @param service the storage of this window's tabs (the FX thread is its owner thread)
     * @param warn    shows the user a warning (the window's bar) when a document did not get the shell's storage
     */
    public TabStorages(SessionStorageService service, Consumer<String> warn) {
        this.service = Objects.requireNonNull(service, "service");
        this.warn = Objects.requireNonNull(warn, "warn");
    }

    @Override
    public void initialize(WebEngine engine, BrowserTab tab, TabStart start) {
        Objects.requireNonNull(tab, "tab");
        if (byTab.containsKey(tab.id())) {
            throw new IllegalStateException("tab " + tab.id() + " already has its storage");
        }
        SessionNamespace namespace = startNamespace(Objects.requireNonNull(start, "start"));
        PageStorage pages;
        try {
            pages = PageStorage.attach(engine, () -> namespace, documents, requestsOf(tab));
        } catch (RuntimeException e) {
            service.deleteNamespace(namespace.id(), false);
            throw e;
        }
        byTab.put(tab.id(), new TabStorage(namespace, pages));
        pages.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                LOG.log(Level.ERROR, "sessionStorage injection failed in tab {0}: {1}", tab.id(), failure);
                warn.accept("This tab's pages could not get Stowage's sessionStorage: " + failure);
            }
        });
        // A script Java ran (WebEngine.executeScript) reaches no microtask checkpoint, so its writes may still
        // be in the page; the navigation that unloads it tears the document down before the load listener's
        // flush can reach it (measured: such writes were lost on close and on a move to another window).
        tab.whenClosing(pages::flush);
        tab.whenClosed(() -> {
            pages.flush();
            pages.close();
            byTab.remove(tab.id());
            boolean keep = keptTabs.remove(tab.id()) && !releaseOnUnload.remove(namespace.id());
            service.deleteNamespace(namespace.id(), keep);
        });
    }

    @Override
    public Optional<String> keepForReopen(BrowserTab tab) {
        TabStorage storage = byTab.get(Objects.requireNonNull(tab, "tab").id());
        if (storage == null) {
            return Optional.empty();
        }
        keptTabs.add(tab.id());
        return Optional.of(storage.namespace().id());
    }

    @Override
    public void flushPages() {
        byTab.values().forEach(storage -> storage.pages().flush());
    }

    @Override
    public Optional<String> namespaceOf(BrowserTab tab) {
        TabStorage storage = byTab.get(Objects.requireNonNull(tab, "tab").id());
        return storage == null ? Optional.empty() : Optional.of(storage.namespace().id());
    }

    @Override
    public void releaseKept(String id) {
        service.namespace(id).ifPresent(ns -> {
            if (ns.state() == SessionNamespace.State.PERSISTED) {
                service.deleteNamespace(id, false);
            } else {
                releaseOnUnload.add(id); // its tab is still unloading; its pagehide may still write
            }
        });
    }

    private SessionNamespace startNamespace(TabStart start) {
        if (start instanceof TabStart.Reattach reattach) {
            return reattach(reattach.namespaceId());
        }
        if (start instanceof TabStart.CopyOf copy) {
            TabStorage source = byTab.get(copy.tabId());
            if (source == null) {
                // Only an open tab can be copied; a caller that lost the race with its closing gets an
                // empty namespace rather than a failed open.
                LOG.log(Level.WARNING, "tab {0} to copy is not open; the new tab starts empty", copy.tabId());
                return service.createNamespace();
            }
            // The opener's script may still hold writes it has not sent (we run inside its window.open).
            source.pages().flush();
            return service.cloneNamespace(source.namespace().id());
        }
        return service.createNamespace();
    }

    /**
     * A closed tab's kept namespace, taken up again. Reopened before its old tab finished unloading, it is
     * still in use: the reopened tab gets a copy, and the original goes once the old tab has unloaded.
     */
    private SessionNamespace reattach(String id) {
        Optional<SessionNamespace> kept = service.namespace(id);
        if (kept.isEmpty()) {
            LOG.log(Level.WARNING, "kept namespace {0} is gone; the reopened tab starts empty", id);
            return service.createNamespace();
        }
        if (kept.get().state() == SessionNamespace.State.PERSISTED) {
            return service.reattachNamespace(id);
        }
        releaseOnUnload.add(id);
        return service.cloneNamespace(id);
    }

    private static PageRequests requestsOf(BrowserTab tab) {
        return new PageRequests() {
            @Override
            public void openIntent(String kind, String url, String target, String flags) {
                try {
                    tab.noteOpenIntent(OpenIntent.parse(kind, url, target, flags));
                } catch (IllegalArgumentException e) {
                    LOG.log(Level.DEBUG, "ignored a malformed announcement from a page", e);
                }
            }

            @Override
            public void historyGo(int delta) {
                tab.goFromPage(delta);
            }

            @Override
            public boolean withoutOpener() {
                return tab.withoutOpener();
            }
        };
    }
}
