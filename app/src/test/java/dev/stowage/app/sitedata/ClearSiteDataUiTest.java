package dev.stowage.app.sitedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.BrowsingData;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.session.file.ProfileSession;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clearing site data through the robot: the page menu's and the site menu's "Clear sessionStorage for this
 * site" clear that origin in every open tab (whose pages get their storage event), in every closed tab and in
 * the saved session, and no other origin; Clear browsing data (Ctrl+Shift+Delete, Return) clears what is
 * ticked: sessionStorage and the closed tabs by default, cookies when ticked.
 */
class ClearSiteDataUiTest extends ShellTestBase {
    private static final String PAGE = "<!doctype html><title>quiet</title><script>"
            + "addEventListener('storage', function (e) { document.title = e.key === null ? 'cleared by ' + e.url : 'changed'; });"
            + "</script><body style='height: 400px'>page</body>";

    @BeforeAll
    static void pages() {
        server.page("/page", PAGE);
    }

    private BrowserTab tabAt(int index) {
        return fx(() -> window.tab(window.model().tabs().get(index)));
    }

    private void select(int index) {
        fx(() -> {
            window.model().select(window.model().tabs().get(index));
            return null;
        });
    }

    private static String saved(Path profile) {
        StringBuilder all = new StringBuilder();
        new ProfileSession(profile, Clock.systemUTC()).load().namespaces().values()
                .forEach(ns -> ns.areas().values().forEach(a -> all.append(a.items())));
        return all.toString();
    }

    @Test
    void clearingASiteReachesEveryTabOpenOrClosedAndTheSavedSessionButNoOtherSite() throws Exception {
        Path profile = Files.createTempDirectory("stowage-clear-site");
        CompletableFuture<Void> exited = new CompletableFuture<>();
        launchRestoring(new LaunchOptions(profile, false, List.of(server.url("/page?1"), server.url("/page?2"),
                server.otherOriginUrl("/page?other"), server.url("/page?closing"))), new SessionStorageService(), exited);
        waitForAllLoaded();
        for (int i = 0; i < 4; i++) {
            script(tabAt(i), "sessionStorage.setItem('mine', 'tab " + i + "')");
        }
        select(3);
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        waitUntil("the saved session has every tab's value", () -> List.of("tab 0", "tab 1", "tab 2", "tab 3").stream()
                .allMatch(saved(profile)::contains));

        select(0);
        robot.rightClickOn(fx(() -> selectedTab().webView()));
        robot.clickOn("Clear sessionStorage for this site");
        waitUntil("this tab's origin is empty", () -> Integer.valueOf(0).equals(script(tabAt(0), "sessionStorage.length")));
        waitUntil("the other tab of the site too, with its event", () -> ("cleared by " + BrowsingData.EVENT_URL)
                .equals(fx(() -> tabAt(1).model().titleProperty().get())));
        assertEquals(0, script(tabAt(1), "sessionStorage.length"));
        assertEquals("tab 2", script(tabAt(2), "sessionStorage.getItem('mine')"), "another site keeps its storage");
        waitUntil("the saved session lost the site's values", () -> !saved(profile).contains("tab 0")
                && !saved(profile).contains("tab 1") && !saved(profile).contains("tab 3") && saved(profile).contains("tab 2"));
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.T);
        waitUntil("four tabs", () -> window.model().tabs().size() == 4);
        waitForAllLoaded();
        assertEquals(null, script(selectedTab(), "sessionStorage.getItem('mine')"), "the closed tab's storage was cleared too");

        select(2);
        robot.clickOn("#site-button");
        robot.clickOn("#site-clear-storage");
        waitUntil("the other site cleared from the address bar's menu",
                () -> Integer.valueOf(0).equals(script(tabAt(2), "sessionStorage.length")));

        closeAndWaitForExit(exited);
    }

    @Test
    void theJavaApiClearsOneOriginsCookiesAndStorageOnly() {
        SessionStorageService storage = new SessionStorageService();
        launchWithSessionStorage(storage, server.url("/page?here"), server.otherOriginUrl("/page?there"));
        script(tabAt(0), "sessionStorage.setItem('s', 'here'); document.cookie = 'here=1; max-age=3600'");
        script(tabAt(1), "sessionStorage.setItem('s', 'there'); document.cookie = 'there=1; max-age=3600'");
        BrowsingData data = new BrowsingData(storage, () -> List.of(window));
        fx(() -> {
            data.clearStorageData(Optional.of(Origin.of(server.url("/"))),
                    Set.of(BrowsingData.Kind.COOKIES, BrowsingData.Kind.SESSION_STORAGE));
            return null;
        });
        assertEquals("", script(tabAt(0), "document.cookie"));
        assertEquals(0, script(tabAt(0), "sessionStorage.length"));
        assertEquals("there=1", script(tabAt(1), "document.cookie"), "another host keeps its cookies");
        assertEquals("there", script(tabAt(1), "sessionStorage.getItem('s')"));
        // Clearing every cookie (no origin) is checked through the dialog below; here, after
        // ProfileCookiesUiTest in the same JVM, a localhost cookie once survived it (not understood yet).
    }

    @Test
    void clearBrowsingDataClearsWhatIsTicked() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/page?a"), server.url("/page?closing"));
        script(tabAt(0), "sessionStorage.setItem('s', '1'); document.cookie = 'c=1; max-age=3600'");
        script(tabAt(1), "sessionStorage.setItem('s', '2')");
        select(1);
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        assertTrue(fx(() -> window.canReopenClosed()));

        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.DELETE);
        waitUntil("the dialog", () -> robot.lookup("#clear-data-dialog").tryQuery().isPresent());
        keys(KeyCode.ENTER);
        waitUntil("sessionStorage cleared", () -> Integer.valueOf(0).equals(script(tabAt(0), "sessionStorage.length")));
        assertFalse(fx(() -> window.canReopenClosed()), "the closed-tab list is gone");
        assertEquals("c=1", script(tabAt(0), "document.cookie"), "cookies were not ticked");

        shortcut(KeyCode.SHIFT, KeyCode.DELETE);
        waitUntil("the dialog", () -> robot.lookup("#clear-data-dialog").tryQuery().isPresent());
        robot.clickOn("#clear-cookies");
        assertTrue(fx(() -> ((javafx.scene.control.CheckBox) lookup("#clear-cookies")).isSelected()), "ticked");
        keys(KeyCode.ENTER);
        waitUntil("the dialog closed", () -> robot.lookup("#clear-data-dialog").tryQuery().isEmpty());
        waitUntil("cookies cleared", () -> "".equals(script(tabAt(0), "document.cookie")));
    }
}
