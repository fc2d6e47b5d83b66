package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.ProfileCookies;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quit and start again over the same profile, as a user does: the tabs come back in order with their
 * sessionStorage (checked by the page's own first script), their back/forward list, the selected tab, the
 * closed-tab list (whose storage comes back too) and the session cookie; background tabs wait to load until
 * selected; {@code --no-restore} starts empty and keeps the saved session as the backup.
 */
class SessionRestartUiTest extends RestartTestBase {
    @BeforeAll
    static void pages() {
        server.page("/counter", COUNTER);
        server.titled("/other", "other", "other");
        server.page("/tall", "<!doctype html><title>tall</title><body style='height: 5000px'>tall</body>");
    }

    @Test
    void aRestartBringsBackTabsStorageHistoryClosedTabsAndCookies() throws Exception {
        Path profile = Files.createTempDirectory("stowage-restart");
        CompletableFuture<Void> firstExit = new CompletableFuture<>();
        start(profile, true, firstExit, server.url("/other"), server.url("/counter?1"));
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        waitForSelectedTitle("n=1 ?1 visit=1");
        script(selectedTab(), "location.href = '/counter?2'");
        waitForSelectedTitle("n=2 ?2 visit=1");
        fx(() -> window.openTab(server.url("/counter?gone"), true));
        waitForSelectedTitle("n=1 ?gone visit=1");
        script(selectedTab(), "sessionStorage.setItem('kept', 'by the closed tab')");
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        waitForSelectedTitle("n=2 ?2 visit=1");
        quitWithKeys(firstExit);
        assertTrue(Files.isRegularFile(profile.resolve("session/session.json")));

        CompletableFuture<Void> secondExit = new CompletableFuture<>();
        start(profile, true, secondExit);
        assertEquals(List.of(server.url("/other"), server.url("/counter?2")), tabUrls());
        assertEquals(1, selectedIndex());
        waitForSelectedTitle("n=3 ?2 visit=1");
        long otherLoads = server.count("/other");
        assertEquals("other", tabLabels().get(0), "a background tab shows its saved title before loading");
        assertNull(fx(() -> window.tab(window.model().tabs().get(0))), "a background tab has no page until selected");

        script(selectedTab(), "history.back()");
        waitForSelectedTitle("n=4 ?1 visit=1");

        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        waitForSelectedTitle("n=2 ?gone visit=1");
        assertEquals("by the closed tab", script(selectedTab(), "sessionStorage.getItem('kept')"),
                "a closed tab's storage survives the restart with its entry");

        fx(() -> {
            window.model().select(window.model().tabs().get(0));
            return null;
        });
        waitForSelectedTitle("other");
        assertEquals(otherLoads + 1, server.count("/other"), "selecting the background tab loaded it, once");
        quitWithKeys(secondExit);

        String saved = Files.readString(profile.resolve("session/session.json"));
        CompletableFuture<Void> thirdExit = new CompletableFuture<>();
        start(profile, false, thirdExit);
        assertEquals(1, fx(() -> window.model().tabs().size()), "--no-restore starts with one new tab");
        assertEquals(saved, Files.readString(profile.resolve("session/session.json")),
                "the saved session is untouched until the first save");
        focusPage();
        shortcut(KeyCode.T);
        waitUntil("a save in this run", () -> !saved.equals(readOrEmpty(profile.resolve("session/session.json"))));
        quitWithKeys(thirdExit); // a second save: the backup is now this run's first
        assertEquals(saved, Files.readString(profile.resolve("session/previous.json")),
                "the session this run started from is kept through all its saves");
    }

    @Test
    void aReopenedAndARestoredTabGoBackToTheirScrollPosition() throws Exception {
        Path profile = Files.createTempDirectory("stowage-scroll");
        CompletableFuture<Void> firstExit = new CompletableFuture<>();
        start(profile, true, firstExit, server.url("/tall"), server.url("/other"));
        script(selectedTab(), "window.scrollTo(0, 700)");
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        waitForSelectedTitle("tall");
        waitUntil("reopened at 700", () -> Integer.valueOf(700).equals(script(selectedTab(), "window.pageYOffset")));
        script(selectedTab(), "window.scrollTo(0, 1200)");
        quitWithKeys(firstExit);

        CompletableFuture<Void> secondExit = new CompletableFuture<>();
        start(profile, true, secondExit);
        waitForSelectedTitle("tall");
        waitUntil("restored at 1200", () -> Integer.valueOf(1200).equals(script(selectedTab(), "window.pageYOffset")));
        quitWithKeys(secondExit);
    }

    @Test
    void aPrivateRunWritesNothingOfItsPages() throws Exception {
        Path profile = Files.createTempDirectory("stowage-private");
        long since = System.currentTimeMillis();
        String marker = "prv" + Long.toHexString(System.nanoTime());
        CompletableFuture<Void> exited = new CompletableFuture<>();
        LaunchOptions options = new LaunchOptions(profile, true, List.of(server.url("/counter?" + marker)));
        cookies = ProfileCookies.install(profile, true, false, m -> { });
        launchRestoring(options, new SessionStorageService(), exited);
        script(selectedTab(), "sessionStorage.setItem('" + marker + "', '" + marker + "');"
                + "document.cookie = '" + marker + "=" + marker + "; max-age=3600'");
        fx(() -> window.openTab(server.url("/other?" + marker), true));
        waitForAllLoaded();
        focusPage();
        shortcut(KeyCode.W);
        quitWithKeys(exited);

        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path root : List.of(profile, tmp)) {
            try (Stream<Path> files = Files.walk(root)) {
                List<Path> leaking = files.filter(Files::isRegularFile)
                        .filter(f -> f.toFile().lastModified() >= since - 1000)
                        .filter(f -> contains(f, marker)).toList();
                assertTrue(leaking.isEmpty(), "private data reached " + leaking);
            }
        }
        assertFalse(Files.exists(profile.resolve("session")), "a private run writes no session");
    }

    private static boolean contains(Path file, String marker) {
        try {
            return file.toFile().length() < 50_000_000 && new String(Files.readAllBytes(file),
                    java.nio.charset.StandardCharsets.ISO_8859_1).contains(marker);
        } catch (Exception unreadable) {
            return false;
        }
    }

    private static String readOrEmpty(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return ""; // between the two renames of a save
        }
    }
}
