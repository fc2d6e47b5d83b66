package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tab closed just before quitting: what its page writes as it unloads ({@code pagehide}) is in the saved
 * session, and Ctrl+Shift+T after the restart brings it back. The session keeper snapshots a window's
 * closed tabs when the window starts closing; that holds because WebKit unloads a page synchronously when
 * it is sent to {@code about:blank} ({@code PageUnload}). With the unload deferred by one FX task, this test
 * failed: the closed tab came back without its {@code pagehide} write.
 */
class QuitWhileATabUnloadsUiTest extends RestartTestBase {
    @BeforeAll
    static void pages() {
        server.page("/farewell", "<!doctype html><title>farewell</title><script>"
                + "addEventListener('pagehide', function () { sessionStorage.setItem('bye', 'written on pagehide'); });"
                + "</script><body>farewell</body>");
        server.titled("/other", "other", "other");
    }

    @Test
    void aTabClosedJustBeforeQuittingKeepsWhatItsPageWroteAsItUnloaded() throws Exception {
        Path profile = Files.createTempDirectory("stowage-quit-unloading");
        CompletableFuture<Void> firstExit = new CompletableFuture<>();
        SessionKeeper keeper = start(profile, true, firstExit, server.url("/other"), server.url("/farewell"));
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        waitForSelectedTitle("farewell");
        // Closing the tab and quitting in one go, as a quick Ctrl+W, Ctrl+Shift+Q or a SIGTERM right after a
        // close would: the closed tab's page is still unloading when the window starts closing.
        fx(() -> {
            window.close(window.model().selected());
            keeper.quit();
            return null;
        });
        firstExit.get(20, TimeUnit.SECONDS);
        cookies.saveNow().get(10, TimeUnit.SECONDS);
        cookies.close();
        zooms.close();
        window = null;

        CompletableFuture<Void> secondExit = new CompletableFuture<>();
        start(profile, true, secondExit);
        waitForSelectedTitle("other");
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitForSelectedTitle("farewell");
        assertEquals("written on pagehide", script(selectedTab(), "sessionStorage.getItem('bye')"));
        quitWithKeys(secondExit);
    }
}
