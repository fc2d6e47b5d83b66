package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.ProfileZooms;
import dev.stowage.session.prefs.SiteZoomFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A site's zoom survives a restart: zoomed with the keys, the app quit with Ctrl+Shift+Q, started again
 * without restoring the session, a new page of the site opens at that zoom. A private run keeps its zooms
 * in memory only.
 */
class SiteZoomRestartUiTest extends RestartTestBase {
    @BeforeAll
    static void pages() {
        server.page("/zoomed", "<!doctype html><title>zoomed</title><body>zoomed</body>");
    }

    @Test
    void aSitesZoomComesBackAfterARestart() throws Exception {
        Path profile = Files.createTempDirectory("stowage-zoom");
        CompletableFuture<Void> firstExit = new CompletableFuture<>();
        start(profile, true, firstExit, server.url("/zoomed"));
        int fullWidth = ((Number) script(selectedTab(), "window.innerWidth")).intValue();
        focusPage();
        shortcut(KeyCode.EQUALS);
        shortcut(KeyCode.EQUALS);
        waitUntil("125%", () -> Math.abs(selectedTab().zoom() - 1.25) < 1e-6);
        quitWithKeys(firstExit);
        assertTrue(Files.readString(profile.resolve(SiteZoomFile.FILE_NAME)).contains("1.25"));

        CompletableFuture<Void> secondExit = new CompletableFuture<>();
        start(profile, false, secondExit, server.url("/zoomed?again"));
        waitUntil("the site's zoom is back", () -> Math.abs(selectedTab().zoom() - 1.25) < 1e-6);
        assertEquals(fullWidth / 1.25, ((Number) script(selectedTab(), "window.innerWidth")).intValue(), 2);
        assertEquals("125%", fx(() -> ((javafx.scene.control.Button) lookup("#zoom-indicator")).getText()));
        quitWithKeys(secondExit);
    }

    @Test
    void aPrivateRunWritesNoZoom() throws Exception {
        Path profile = Files.createTempDirectory("stowage-zoom-private");
        ProfileZooms privateZooms = ProfileZooms.load(profile, true, m -> { });
        fx(() -> privateZooms.siteZooms().set(server.url("/zoomed"), 1.5));
        privateZooms.close();
        assertEquals(1.5, fx(() -> privateZooms.siteZooms().zoomOf(server.url("/other")).orElseThrow()), 1e-9,
                "the zoom holds for the run");
        assertFalse(Files.exists(profile.resolve(SiteZoomFile.FILE_NAME)), "and reaches no file");
    }
}
