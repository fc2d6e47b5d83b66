package dev.stowage.app.tabs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.ClonePolicy;
import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What happens after a tab was opened from another: the copy is a snapshot (neither side sees the other's
 * later writes, no storage event crosses), a target name reuses its tab, background tabs line up after
 * their opener, and Duplicate copies whatever the policy.
 */
class OpenedTabsUiTest extends ShellTestBase {
    private final SessionStorageService storage = new SessionStorageService();

    @BeforeAll
    static void pages() {
        NewTabPages.serve(server);
    }

    private BrowserTab tabAt(int index) {
        return fx(() -> window.tab(window.model().tabs().get(index)));
    }

    private void openWindow(ClonePolicy policy) {
        launchWithSessionStorage(storage, policy, server.url("/opener"));
        waitUntil("opener loaded", () -> "opener".equals(selected().labelBinding().get()));
    }

    @Test
    void theCopyIsASnapshotAndNoStorageEventCrossesTabs() {
        openWindow(ClonePolicy.LINKS);
        BrowserTab opener = tabAt(0);
        script(opener, "window.__events = 0; addEventListener('storage', function () { window.__events++; });");
        robot.clickOn(elementOnScreen("open"));
        waitUntil("popup loaded", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("seen"));
        BrowserTab popup = tabAt(1);
        script(popup, "window.__events = 0; addEventListener('storage', function () { window.__events++; });"
                + "sessionStorage.setItem('from', 'popup'); sessionStorage.setItem('popupOnly', '1');");
        script(opener, "sessionStorage.setItem('openerLater', '1'); sessionStorage.removeItem('from');");
        sleep(100); // storage events are queued tasks: give any wrongly sent one time to arrive
        assertEquals("null|null|1", script(opener, "sessionStorage.getItem('from') + '|'"
                + " + sessionStorage.getItem('popupOnly') + '|' + sessionStorage.getItem('openerLater')"));
        assertEquals("popup|1|null", script(popup, "sessionStorage.getItem('from') + '|'"
                + " + sessionStorage.getItem('popupOnly') + '|' + sessionStorage.getItem('openerLater')"));
        assertEquals(0, ((Number) script(opener, "window.__events")).intValue(), "events in the opener");
        assertEquals(0, ((Number) script(popup, "window.__events")).intValue(), "events in the popup");
    }

    @Test
    void theCopyHoldsWhatTheOpenerWroteRightBeforeWindowOpen() {
        server.page("/late", "<!doctype html><title>late</title><button id='go' style='width: 200px; height: 40px'"
                + " onclick=\"sessionStorage.setItem('late', 'written in the same click'); window.open('/late-seen')\">go</button>");
        server.page("/late-seen", "<!doctype html><script>document.title = 'late ' + sessionStorage.getItem('late');</script>");
        launchWithSessionStorage(storage, server.url("/late"));
        robot.clickOn(elementOnScreen("go"));
        waitUntil("popup ran", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("late "));
        assertEquals("late written in the same click", fx(() -> window.model().tabs().get(1).labelBinding().get()));
    }

    @Test
    void aWriteRightAfterWindowOpenStaysOutOfTheCopy() {
        // The popup's page starts after the opener's click handler ended and sent its writes: the copy must
        // still be the one taken inside window.open, whatever document seeds the popup's cache.
        server.page("/after", "<!doctype html><title>after</title><button id='go' style='width: 200px; height: 40px'"
                + " onclick=\"sessionStorage.setItem('k', 'before'); window.open('/after-seen');"
                + " sessionStorage.setItem('k', 'after'); sessionStorage.setItem('extra', '1')\">go</button>");
        server.page("/after-seen", "<!doctype html><script>document.title = 'seen ' + sessionStorage.getItem('k')"
                + " + ' ' + sessionStorage.getItem('extra') + ' ' + sessionStorage.length;</script>");
        launchWithSessionStorage(storage, server.url("/after"));
        robot.clickOn(elementOnScreen("go"));
        waitUntil("popup ran", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("seen "));
        assertEquals("seen before null 1", fx(() -> window.model().tabs().get(1).labelBinding().get()));
    }

    @Test
    void aPopupOfTheSameItemsIsSeededWholeAndStaysIndependent() {
        server.page("/many", "<!doctype html><title>many</title><script>for (var i = 0; i < 3000; i++) {"
                + " sessionStorage.setItem('key' + i, 'value ' + i); }</script>"
                + "<button id='go' style='width: 200px; height: 40px' onclick=\"window.open('/many-seen')\">go</button>");
        server.page("/many-seen", "<!doctype html><script>var ok = sessionStorage.length === 3000;"
                + "for (var i = 0; i < 3000 && ok; i++) { ok = sessionStorage.key(i) === 'key' + i"
                + " && sessionStorage.getItem('key' + i) === 'value ' + i; }"
                + "document.title = 'seen ' + ok; sessionStorage.setItem('key0', 'popup');</script>");
        launchWithSessionStorage(storage, server.url("/many"));
        robot.clickOn(elementOnScreen("go"));
        waitUntil("popup ran", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("seen "));
        assertEquals("seen true", fx(() -> window.model().tabs().get(1).labelBinding().get()));
        assertEquals("value 0", script(tabAt(0), "sessionStorage.getItem('key0')"));
        assertEquals("popup", script(tabAt(1), "sessionStorage.getItem('key0')"));
    }

    @Test
    void aBlockedPopupLeavesNoTabAndNoNamespace() {
        int before = fx(() -> storage.namespaceIds().size());
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        launchWithSessionStorage(storage, (opener, features, tabs) -> {
            asked.add(opener.id());
            return null;
        }, server.url("/opener"));
        waitUntil("opener loaded", () -> "opener".equals(selected().labelBinding().get()));
        robot.clickOn(elementOnScreen("open"));
        waitUntil("the handler was asked", () -> !asked.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, fx(() -> window.model().tabs().size()));
        assertEquals(before + 1, fx(() -> storage.namespaceIds().size()), "only the opener's namespace");
        assertEquals(Boolean.TRUE, script(tabAt(0), "window.__ret === null"), "window.open returned null");
    }

    @Test
    void aTargetNameReusesItsTabAndCopiesNothingTheSecondTime() {
        openWindow(ClonePolicy.LINKS);
        BrowserTab opener = tabAt(0);
        robot.clickOn(elementOnScreen("opennamed"));
        waitUntil("named tab loaded", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("seen"));
        assertEquals("seen from=opener opener=set", fx(() -> window.model().tabs().get(1).labelBinding().get()));
        script(opener, "window.__first = window.__ret; sessionStorage.setItem('from', 'changed later');");

        fx(() -> {
            window.model().select(window.model().tabs().get(0));
            return null;
        });
        robot.clickOn(elementOnScreen("named"));
        waitUntil("the named tab navigated", () -> tabUrls().get(1).equals(server.url("/seen?named")));
        waitForAllLoaded();
        assertEquals(2, fx(() -> window.model().tabs().size()), "no third tab");
        assertEquals("seen from=opener opener=set", fx(() -> window.model().tabs().get(1).labelBinding().get()),
                "the named tab keeps its own storage");
        assertEquals(1, selectedIndex(), "the named tab comes to the front");

        fx(() -> {
            window.model().select(window.model().tabs().get(0));
            return null;
        });
        robot.clickOn(elementOnScreen("opennamed"));
        waitUntil("the named tab navigated again", () -> tabUrls().get(1).equals(server.url("/seen?opennamed")));
        assertEquals(2, fx(() -> window.model().tabs().size()), "still no third tab");
        assertEquals(Boolean.TRUE, script(opener, "window.__ret === window.__first"),
                "window.open returns the named tab's window");
    }

    @Test
    void onlyRelatedTabsFindANamedTabAndNoopenerTabsHaveNoName() {
        openWindow(ClonePolicy.LINKS);
        robot.clickOn(elementOnScreen("opennamed"));
        waitUntil("named tab loaded", () -> window.model().tabs().size() == 2
                && window.model().tabs().get(1).labelBinding().get().startsWith("seen"));
        // A tab the user opened is no relation of the named tab: its page gets a new tab, not that one.
        server.page("/stranger", "<!doctype html><title>stranger</title><button id='go' style='width: 200px;"
                + " height: 40px' onclick=\"window.__w = window.open('/seen?stranger', 'tabx')\">go</button>");
        fx(() -> window.openTab(server.url("/stranger"), true));
        waitUntil("stranger loaded", () -> "stranger".equals(selected().labelBinding().get()));
        robot.clickOn(elementOnScreen("go"));
        waitUntil("a fourth tab", () -> window.model().tabs().size() == 4);
        waitForAllLoaded();
        assertEquals(server.url("/seen?opennamed"), tabUrls().get(1), "the opener's named tab was not touched");

        // A tab opened with noopener is kept apart: its name does not lead back to it.
        fx(() -> {
            window.model().select(window.model().tabs().get(0));
            return null;
        });
        script(tabAt(0), "window.open('/seen?apart', 'apart', 'noopener')");
        waitUntil("the noopener tab", () -> tabUrls().contains(server.url("/seen?apart")));
        int tabs = fx(() -> window.model().tabs().size());
        script(tabAt(0), "window.__again = window.open('/seen?apart2', 'apart')");
        waitUntil("another tab, not the noopener one", () -> window.model().tabs().size() == tabs + 1);
        waitForAllLoaded();
        assertTrue(tabUrls().contains(server.url("/seen?apart")), "the noopener tab kept its page: " + tabUrls());
    }

    @Test
    void aClosingTabsPagehideOpensNothingAndLeavesNoNamespace() {
        server.page("/leaving", "<!doctype html><title>leaving</title><script>"
                + "addEventListener('pagehide', function () { window.open('/seen?fromPagehide'); });</script>");
        int before = fx(() -> storage.namespaceIds().size());
        launchWithSessionStorage(storage, server.url("/opener"), server.url("/leaving"));
        fx(() -> {
            window.model().select(window.model().tabs().get(1));
            return null;
        });
        shortcut(KeyCode.W);
        // The closed tab's namespace stays, persisted, for Ctrl+Shift+T; a popup would have added a third.
        waitUntil("the tab closed and unloaded", () -> storage.namespaceIds().stream()
                .filter(id -> storage.namespace(id).orElseThrow().state() == dev.stowage.storage.SessionNamespace.State.PERSISTED)
                .count() == 1);
        sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(server.url("/opener")), tabUrls(), "no tab from the closing page");
        assertEquals(before + 2, fx(() -> storage.namespaceIds().size()));
    }

    @Test
    void backgroundTabsLineUpAfterTheirOpener() {
        openWindow(ClonePolicy.LINKS);
        for (String id : List.of("plain", "blank", "named")) {
            Point2D link = elementOnScreen(id);
            robot.press(SHORTCUT);
            try {
                robot.clickOn(link);
            } finally {
                robot.release(SHORTCUT);
            }
        }
        waitUntil("three background tabs", () -> window.model().tabs().size() == 4);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/opener"), server.url("/seen?plain"), server.url("/seen?blank"),
                server.url("/seen?named")), tabUrls());
        assertEquals(0, selectedIndex());
        assertEquals("seen from=opener opener=null", fx(() -> window.model().tabs().get(3).labelBinding().get()));
    }

    @Test
    void duplicateCopiesEvenWhenThePolicyCopiesNothing() {
        openWindow(ClonePolicy.NEVER);
        script(tabAt(0), "sessionStorage.setItem('typed', 'in the original');");
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.K);
        waitUntil("duplicate loaded", () -> window.model().tabs().size() == 2
                && "opener".equals(window.model().tabs().get(1).labelBinding().get()));
        assertEquals(1, selectedIndex());
        assertEquals("in the original", script(tabAt(1), "sessionStorage.getItem('typed')"));
        script(tabAt(1), "sessionStorage.setItem('typed', 'in the duplicate');");
        assertEquals("in the original", script(tabAt(0), "sessionStorage.getItem('typed')"));
    }
}
