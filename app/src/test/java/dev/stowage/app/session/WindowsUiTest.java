package dev.stowage.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.session.file.ProfileSession;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Windows through the robot: Ctrl+N opens another window of the profile with a new tab; the session keeps
 * every window with its tabs and storage, and a restart brings them all back; closing one of two windows
 * leaves the app running and the session without it.
 */
class WindowsUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.titled("/win", "a window's page", "page");
    }

    private static int savedWindows(Path profile) {
        return new ProfileSession(profile, Clock.systemUTC()).load().state().map(s -> s.windows().size()).orElse(0);
    }

    /** Types {@code url} into {@code w}'s address bar, Enter, and waits until its page loaded. */
    private void typeAddress(BrowserWindow w, String url) {
        robot.clickOn(fx(() -> w.stage().getScene().lookup("#address-bar")));
        robot.write(url);
        keys(KeyCode.ENTER);
        waitForPage(w, url);
    }

    private BrowserWindow secondWindowByCtrlN(SessionKeeper keeper) {
        focusPage();
        shortcut(KeyCode.N);
        waitUntil("a second window", () -> keeper.windows().size() == 2 && keeper.windows().get(1).stage().isShowing());
        BrowserWindow second = fx(() -> keeper.windows().get(1));
        assertEquals(1, (int) fx(() -> second.model().tabs().size()), "with one new tab");
        return second;
    }

    @Test
    void ctrlNOpensAWindowTheSessionKeepsAndARestartBringsBackWithItsStorage() throws Exception {
        Path profile = Files.createTempDirectory("stowage-windows");
        LaunchOptions options = new LaunchOptions(profile, false, List.of(server.url("/win?first")));
        CompletableFuture<Void> exited = new CompletableFuture<>();
        SessionKeeper keeper = launchRestoring(options, new SessionStorageService(), exited);
        script(selectedTab(), "sessionStorage.setItem('w', 'first')");

        BrowserWindow second = secondWindowByCtrlN(keeper);
        typeAddress(second, server.url("/win?second"));
        script(selectedOf(second), "sessionStorage.setItem('w', 'second')");
        waitUntil("the session holds both windows", () -> savedWindows(profile) == 2);

        shortcut(KeyCode.SHIFT, KeyCode.Q);
        exited.get(20, TimeUnit.SECONDS);
        window = null;
        assertEquals(2, savedWindows(profile), "quitting kept both windows");

        CompletableFuture<Void> exitedAgain = new CompletableFuture<>();
        SessionKeeper again = launchRestoring(new LaunchOptions(profile, false, List.of()), new SessionStorageService(),
                exitedAgain);
        waitUntil("both windows back", () -> again.windows().size() == 2 && again.windows().get(1).stage().isShowing());
        BrowserWindow restored = fx(() -> again.windows().get(1));
        waitForPage(restored, server.url("/win?second"));
        assertEquals("second", script(selectedOf(restored), "sessionStorage.getItem('w')"), "with its storage");
        assertEquals("first", script(selectedOf(fx(() -> again.windows().get(0))), "sessionStorage.getItem('w')"));
        quitAndWait(again, exitedAgain);
    }

    @Test
    void closingOneOfTwoWindowsLeavesTheAppRunningAndTheSessionWithoutIt() throws Exception {
        Path profile = Files.createTempDirectory("stowage-windows");
        CompletableFuture<Void> exited = new CompletableFuture<>();
        SessionKeeper keeper = launchRestoring(new LaunchOptions(profile, false, List.of(server.url("/win?stays"))),
                new SessionStorageService(), exited);
        BrowserWindow second = secondWindowByCtrlN(keeper);
        waitUntil("the session holds both windows", () -> savedWindows(profile) == 2);

        shortcut(KeyCode.W); // the second window's only tab: closing it closes the window
        waitUntil("the second window closed", () -> !second.stage().isShowing() && keeper.windows().size() == 1);
        waitUntil("the session forgot it", () -> savedWindows(profile) == 1);
        assertFalse(exited.isDone(), "the app goes on with the first window");
        assertEquals(server.url("/win?stays"), fx(() -> selectedTab().model().urlProperty().get()));
        closeAndWaitForExit(exited);
    }

    @Test
    void moveToNewWindowTakesTheTabsPageHistoryAndStorage() throws Exception {
        Path profile = Files.createTempDirectory("stowage-windows");
        CompletableFuture<Void> exited = new CompletableFuture<>();
        SessionKeeper keeper = launchRestoring(new LaunchOptions(profile, false,
                List.of(server.url("/win?a"), server.url("/win?b1"))), new SessionStorageService(), exited);
        BrowserTab b = fx(() -> window.tab(window.model().tabs().get(1)));
        selectAndGoOn(b, server.url("/win?b2"));
        script(b, "sessionStorage.setItem('moved', 'with its tab')");

        robot.rightClickOn(tabHeader(1));
        robot.clickOn("Move to new window");
        waitUntil("a new window took the tab", () -> keeper.windows().size() == 2 && keeper.windows().get(1).stage().isShowing()
                && window.model().tabs().size() == 1);
        BrowserWindow second = fx(() -> keeper.windows().get(1));
        waitForPage(second, server.url("/win?b2"));
        assertEquals("with its tab", script(selectedOf(second), "sessionStorage.getItem('moved')"), "its storage");
        assertEquals(true, fx(() -> selectedOf(second).model().canGoBackProperty().get()), "its history");
        assertEquals(server.url("/win?a"), fx(() -> selectedTab().model().urlProperty().get()), "the first window keeps the rest");
        quitAndWait(keeper, exited);
    }

    @Test
    void ctrlShiftTReopensTheMostRecentlyClosedWindowWithItsStorageThenTheClosedTab() throws Exception {
        Path profile = Files.createTempDirectory("stowage-windows");
        CompletableFuture<Void> exited = new CompletableFuture<>();
        SessionKeeper keeper = launchRestoring(new LaunchOptions(profile, false,
                List.of(server.url("/win?a"), server.url("/win?c"))), new SessionStorageService(), exited);
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        focusPage();
        shortcut(KeyCode.W); // first a tab closes...
        waitUntil("one tab", () -> window.model().tabs().size() == 1);

        BrowserWindow second = secondWindowByCtrlN(keeper);
        typeAddress(second, server.url("/win?b"));
        script(selectedOf(second), "sessionStorage.setItem('w', 'in the closed window')");
        shortcut(KeyCode.W); // ...then a window
        waitUntil("the second window closed", () -> !second.stage().isShowing() && keeper.windows().size() == 1);
        assertEquals(List.of("Window: a window's page"), fx(keeper::titles), "the History menu's entry");

        fx(() -> {
            window.stage().requestFocus();
            return null;
        });
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("the window came back first", () -> keeper.windows().size() == 2 && keeper.windows().get(1).stage().isShowing());
        BrowserWindow back = fx(() -> keeper.windows().get(1));
        waitForPage(back, server.url("/win?b"));
        assertEquals("in the closed window", script(selectedOf(back), "sessionStorage.getItem('w')"), "and its storage");

        fx(() -> {
            window.stage().requestFocus();
            return null;
        });
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("then the closed tab", () -> window.model().tabs().size() == 2);
        quitAndWait(keeper, exited);
    }

    @Test
    void aTabMovedJustAsTheAppQuitsComesBackAfterARestartWithItsUnsentWrites() throws Exception {
        Path profile = Files.createTempDirectory("stowage-windows");
        CompletableFuture<Void> exited = new CompletableFuture<>();
        SessionKeeper keeper = launchRestoring(new LaunchOptions(profile, false,
                List.of(server.url("/win?stays"), server.url("/win?moving"))), new SessionStorageService(), exited);
        BrowserTab moving = fx(() -> window.tab(window.model().tabs().get(1)));
        fx(() -> {
            moving.engine().executeScript("sessionStorage.setItem('w', 'in flight')"); // no microtask checkpoint yet
            window.moveToNewWindow(moving.model()); // its page starts unloading...
            keeper.quit(); // ...and the app quits before any window took it
            return null;
        });
        exited.get(20, TimeUnit.SECONDS);
        window = null;
        assertEquals(2, savedWindows(profile), "the moving tab saved in a window of its own");

        CompletableFuture<Void> exitedAgain = new CompletableFuture<>();
        SessionKeeper again = launchRestoring(new LaunchOptions(profile, false, List.of()), new SessionStorageService(),
                exitedAgain);
        waitUntil("both windows back", () -> again.windows().size() == 2 && again.windows().get(1).stage().isShowing());
        BrowserWindow restored = fx(() -> again.windows().get(1));
        waitForPage(restored, server.url("/win?moving"));
        assertEquals("in flight", script(selectedOf(restored), "sessionStorage.getItem('w')"), "with its storage");
        assertEquals(1, (int) fx(() -> window.model().tabs().size()), "and not twice");
        quitAndWait(again, exitedAgain);
    }
}
