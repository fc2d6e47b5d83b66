package dev.stowage.app.page;

import dev.stowage.app.testing.Fx;
import dev.stowage.app.testing.TestServer;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the page tests that share one local HTTP server and one storage service per class. JUnit runs
 * this class's {@code @BeforeAll} before a subclass's, so a subclass may register pages in its own.
 */
abstract class PageTestBase {
    static TestServer server;
    static SessionStorageService service;

    @BeforeAll
    static void startServerAndStorage() {
        server = new TestServer();
        service = Fx.call(SessionStorageService::new);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A fresh namespace, as a new tab gets. */
    static SessionNamespace newNamespace() {
        return Fx.call(service::createNamespace);
    }
}
