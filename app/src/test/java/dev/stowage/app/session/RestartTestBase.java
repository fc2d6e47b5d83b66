package dev.stowage.app.session;

import dev.stowage.app.ProfileCookies;
import dev.stowage.app.ProfileZooms;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;

/**
 * Robot tests that quit and start the app again over the same profile in one JVM, as the app itself
 * starts: the session read, the profile's cookies installed, the window restored, and quitting with
 * Ctrl+Shift+Q.
 */
abstract class RestartTestBase extends ShellTestBase {
    /** The counter page: counts its visits in sessionStorage and shows the count in its title. */
    static final String COUNTER = "<!doctype html><html><head><script>"
            + "var n = Number(sessionStorage.getItem('n') || 0) + 1; sessionStorage.setItem('n', String(n));"
            + "if (location.search === '?1' && !document.cookie) document.cookie = 'visit=' + n;"
            + "document.title = 'n=' + n + ' ' + location.search + ' ' + document.cookie;"
            + "</script></head><body>counter</body></html>";

    /** The counter page without cookies: its title is "n=COUNT QUERY" whatever cookies other tests left. */
    static final String PLAIN_COUNTER = "<!doctype html><html><head><script>"
            + "var n = Number(sessionStorage.getItem('n') || 0) + 1; sessionStorage.setItem('n', String(n));"
            + "document.title = 'n=' + n + ' ' + location.search;"
            + "</script></head><body>counter</body></html>";

    protected ProfileCookies cookies;
    protected ProfileZooms zooms;

    /** Starts over {@code profile} (restoring its session, or not) with {@code urls} on the command line. */
    protected SessionKeeper start(Path profile, boolean restore, CompletableFuture<Void> exited, String... urls) {
        LaunchOptions options = new LaunchOptions(profile, false, List.of(urls)).withRestore(restore);
        cookies = ProfileCookies.install(profile, false, restore && Files.exists(profile.resolve("session")), m -> { });
        zooms = ProfileZooms.load(profile, false, m -> { });
        return launchRestoring(options, new SessionStorageService(), zooms.siteZooms(), exited);
    }

    /** Ctrl+Shift+Q, then waits for the app's exit and its cookies' last save. */
    protected void quitWithKeys(CompletableFuture<Void> exited) throws Exception {
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.Q);
        exited.get(20, TimeUnit.SECONDS);
        cookies.saveNow().get(10, TimeUnit.SECONDS);
        cookies.close();
        if (zooms != null) {
            zooms.close();
        }
        window = null;
    }

    protected void waitForSelectedTitle(String title) {
        waitUntil("selected tab shows " + title, () -> title.equals(selected().labelBinding().get())
                && !selected().loadingProperty().get());
    }
}
