package dev.stowage.app.page;

import dev.stowage.app.testing.Fx;
import dev.stowage.app.testing.KitTestBase;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the page tests (bare tabs, see {@link TestTab}): the kit's server and toolkit, and one storage
 * service per class.
 */
abstract class PageTestBase extends KitTestBase {
    static SessionStorageService service;

    @BeforeAll
    static void startStorage() {
        service = Fx.call(SessionStorageService::new);
    }

    /** A fresh namespace, as a new tab gets. */
    static SessionNamespace newNamespace() {
        return Fx.call(service::createNamespace);
    }
}
