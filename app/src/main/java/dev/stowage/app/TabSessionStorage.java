package dev.stowage.app;

import dev.stowage.app.page.DocumentDirectory;
import dev.stowage.app.page.PageStorage;
import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.TabEngineInitializer;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.web.WebEngine;

/**
 * Gives every tab its own sessionStorage namespace and the shell's sessionStorage in every document of
 * the tab: the one place where the window, the page bridge and the storage service meet.
 *
 * <p>A new tab gets a fresh namespace (popups too, until the clone issue decides what they inherit). When
 * the tab has closed and its page has unloaded, the page's last writes are flushed, the bridge detached
 * and the namespace deleted. A document that could not get the shell's storage turns into a warning in
 * the window (the bridge also makes the page's {@code sessionStorage} throw, never fall back to WebKit's).
 *
 * <p><b>Threading.</b> FX thread only, like the service it owns.
 */
public final class TabSessionStorage implements TabEngineInitializer {
    private static final System.Logger LOG = System.getLogger(TabSessionStorage.class.getName());

    private final SessionStorageService service;
    private final Consumer<String> warn;
    // One per window: a popup and its opener may hand each other their storage objects.
    private final DocumentDirectory documents = new DocumentDirectory();

    /**
     * @param service the storage of this window's tabs (the FX thread is its owner thread)
     * @param warn    shows the user a warning (the window's bar) when a document did not get the shell's storage
     */
    public TabSessionStorage(SessionStorageService service, Consumer<String> warn) {
        this.service = Objects.requireNonNull(service, "service");
        this.warn = Objects.requireNonNull(warn, "warn");
    }

    @Override
    public void initialize(WebEngine engine, BrowserTab tab) {
        SessionNamespace namespace = service.createNamespace();
        PageStorage pages = PageStorage.attach(engine, () -> namespace, documents);
        pages.failureProperty().addListener((obs, old, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.ERROR, "sessionStorage injection failed in tab {0}: {1}", tab.id(), failure);
                warn.accept("This tab's pages could not get Stowage's sessionStorage: " + failure);
            }
        });
        tab.whenClosed(() -> {
            pages.flush();
            pages.close();
            service.deleteNamespace(namespace.id(), false);
        });
    }
}
