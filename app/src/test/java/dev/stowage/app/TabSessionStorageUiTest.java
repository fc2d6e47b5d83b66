package dev.stowage.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The real shell end to end: every tab's pages get the shell's sessionStorage, backed by that tab's own
 * namespace in Java, kept across reloads, never seen by another tab, and released when the tab closes.
 */
class TabSessionStorageUiTest extends ShellTestBase {
    private static final String COUNTER = "<!doctype html><html><head><script>"
            + "var n = Number(sessionStorage.getItem('n') || 0) + 1; sessionStorage.setItem('n', String(n));"
            + "document.title = 'n=' + n;"
            + "addEventListener('pagehide', function () { sessionStorage.setItem('left', 'yes'); });"
            + "</script></head><body>counter</body></html>";

    private final SessionStorageService storage = new SessionStorageService();

    @Test
    void eachTabCountsInItsOwnNamespaceAndTheTabsStorageLivesInJava() {
        server.page("/counter", COUNTER);
        String url = server.url("/counter");
        Origin origin = Origin.of(url);
        launchWithSessionStorage(storage, url);
        waitUntil("first visit counted", () -> "n=1".equals(selected().labelBinding().get()));

        focusPage();
        keys(KeyCode.F5);
        waitUntil("reload sees the tab's storage", () -> "n=2".equals(selected().labelBinding().get()));
        String firstTab = fx(() -> single(storage).id());
        assertEquals("2", fx(() -> single(storage).area(origin).get("n")));
        assertEquals("yes", fx(() -> single(storage).area(origin).get("left")), "the reload's pagehide write reached Java");

        shortcut(KeyCode.T);
        typeAddress(url);
        waitUntil("second tab loaded", () -> "n=1".equals(selected().labelBinding().get()));
        assertEquals(2, fx(() -> storage.namespaceIds().size()));
        assertEquals("2", fx(() -> storage.namespace(firstTab).orElseThrow().area(origin).get("n")),
                "the second tab must not touch the first tab's storage");

        String secondTab = fx(() -> storage.namespaceIds().stream().filter(id -> !id.equals(firstTab)).findFirst()
                .orElseThrow());
        shortcut(KeyCode.W);
        // Kept for Ctrl+Shift+T: persisted (read-only) once the closed tab has unloaded, released with the window.
        waitUntil("closed tab's namespace kept for reopening", () -> storage.namespace(secondTab).orElseThrow().state()
                == SessionNamespace.State.PERSISTED);
        assertEquals(List.of("n=2"), tabLabels());
        fx(() -> {
            window.close();
            return null;
        });
        waitUntil("every namespace released with the window", () -> storage.namespaceIds().isEmpty());
    }

    @Test
    void theWindowShowsAWarningOnlyWhenThereIsOne() {
        server.page("/plain", "<!doctype html><title>plain</title>");
        launchWithSessionStorage(storage, server.url("/plain"));
        Label warning = lookup("#window-warning");
        assertFalse(fx(warning::isVisible));
        fx(() -> {
            window.model().warn("injection failed");
            return null;
        });
        assertTrue(fx(warning::isVisible));
        assertEquals("injection failed", fx(warning::getText));
    }

    private static SessionNamespace single(SessionStorageService storage) {
        assertEquals(1, storage.namespaceIds().size(), "namespaces: " + storage.namespaceIds());
        return storage.namespace(storage.namespaceIds().iterator().next()).orElseThrow();
    }
}
