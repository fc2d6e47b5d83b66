package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tab menu and the page menu, opened with a right click and used with the mouse. */
class ContextMenuUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.titled("/a", "A", "<a href='/b' style='display:block;height:200px'>to b</a><p style='height:400px'>text</p>")
                .titled("/b", "B", "b").titled("/c", "C", "c").titled("/d", "D", "d");
    }

    private void tabMenu(int index, String item) {
        robot.rightClickOn(tabHeader(index));
        robot.clickOn(item);
    }

    /** Right-clicks the page at {@code dy} pixels below its top, then picks {@code item}. */
    private void pageMenu(double dy, String item) {
        Node view = fx(() -> selectedTab().webView());
        robot.moveTo(view).moveBy(0, dy - fx(() -> view.getBoundsInLocal().getHeight()) / 2);
        robot.clickOn(MouseButton.SECONDARY);
        robot.clickOn(item);
    }

    @Test
    void tabMenuNewTab() {
        launch(server.url("/a"));
        tabMenu(0, "New tab");
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        assertTrue(fx(() -> addressBar().isFocused()));
    }

    @Test
    void tabMenuReload() {
        launch(server.url("/a"), server.url("/c"));
        long before = server.count("/c");
        tabMenu(1, "Reload");
        waitUntil("c reloaded", () -> server.count("/c") == before + 1);
        assertEquals(0, selectedIndex(), "reloading a background tab leaves it in the background");
    }

    @Test
    void tabMenuDuplicate() {
        launch(server.url("/a"), server.url("/c"));
        tabMenu(0, "Duplicate");
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/a"), server.url("/a"), server.url("/c")), tabUrls());
    }

    @Test
    void tabMenuClose() {
        launch(server.url("/a"), server.url("/c"));
        tabMenu(1, "Close");
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        assertEquals(List.of(server.url("/a")), tabUrls());
    }

    @Test
    void tabMenuCloseOtherTabs() {
        launch(server.url("/a"), server.url("/b"), server.url("/c"), server.url("/d"));
        tabMenu(2, "Close other tabs");
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        assertEquals(List.of(server.url("/c")), tabUrls());
    }

    @Test
    void tabMenuCloseTabsToTheRight() {
        launch(server.url("/a"), server.url("/b"), server.url("/c"), server.url("/d"));
        tabMenu(1, "Close tabs to the right");
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        assertEquals(List.of(server.url("/a"), server.url("/b")), tabUrls());
    }

    @Test
    void tabMenuReopenClosedTab() {
        launch(server.url("/a"), server.url("/b"), server.url("/c"));
        tabMenu(2, "Close");
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        tabMenu(0, "Reopen closed tab");
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/a"), server.url("/b"), server.url("/c")), tabUrls());
    }

    @Test
    void recentlyClosedListsEntriesByTitleAndHostAndReopensAnyOfThemOnce() {
        launch(server.url("/a"), server.url("/b"), server.url("/c"));
        tabMenu(2, "Close");
        waitUntil("two tabs", () -> window.model().tabs().size() == 2);
        tabMenu(1, "Close");
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        robot.rightClickOn(tabHeader(0));
        robot.clickOn("Recently closed");
        String host = server.hostPort().split(":")[0];
        assertEquals(List.of("B \u2014 " + host, "C \u2014 " + host), List.of(
                fx(() -> ((javafx.scene.control.Labeled) lookup("#menu-closed-0").lookup(".label")).getText()),
                fx(() -> ((javafx.scene.control.Labeled) lookup("#menu-closed-1").lookup(".label")).getText())));
        robot.clickOn("C \u2014 " + host);
        waitUntil("C is back", () -> window.model().tabs().size() == 2);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/a"), server.url("/c")), tabUrls(), "the older entry, at its old place");
        assertEquals(1, fx(() -> window.recentlyClosed().size()), "C can be reopened only once");
        assertEquals(server.url("/b"), fx(() -> window.recentlyClosed().get(0).current().url()));
    }

    @Test
    void pageMenuOnALinkOpensItInANewBackgroundTab() {
        launch(server.url("/a"), server.url("/d"));
        pageMenu(50, "Open link in new tab");
        waitUntil("three tabs", () -> window.model().tabs().size() == 3);
        waitForAllLoaded();
        assertEquals(List.of(server.url("/a"), server.url("/b"), server.url("/d")), tabUrls());
        assertEquals(0, selectedIndex());
    }

    @Test
    void pageMenuOnALinkCopiesItsAddress() {
        launch(server.url("/a"));
        pageMenu(50, "Copy link address");
        assertEquals(server.url("/b"), fx(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void pageMenuOffLinksHasNoLinkItems() {
        launch(server.url("/a"));
        Node view = fx(() -> selectedTab().webView());
        robot.moveTo(view).moveBy(0, 100);
        robot.clickOn(MouseButton.SECONDARY);
        waitUntil("menu shown", () -> robot.lookup("Reload").tryQuery().isPresent());
        assertFalse(robot.lookup("Open link in new tab").tryQuery().isPresent());
        assertFalse(robot.lookup("Copy link address").tryQuery().isPresent());
        robot.clickOn("Reload");
    }

    @Test
    void pageMenuBackForwardAndReload() {
        launch(server.url("/a"));
        robot.clickOn(fx(() -> selectedTab().webView())).moveBy(0, 0);
        Node view = fx(() -> selectedTab().webView());
        robot.moveTo(view).moveBy(0, 50 - fx(() -> view.getBoundsInLocal().getHeight()) / 2).clickOn(MouseButton.PRIMARY);
        waitUntil("on b", () -> server.url("/b").equals(window.model().selected().urlProperty().get()));
        waitForAllLoaded();
        pageMenu(300, "Back");
        waitUntil("back on a", () -> server.url("/a").equals(window.model().selected().urlProperty().get()));
        waitForAllLoaded();
        pageMenu(300, "Forward");
        waitUntil("forward on b", () -> server.url("/b").equals(window.model().selected().urlProperty().get()));
        waitForAllLoaded();
        long before = server.count("/b");
        pageMenu(300, "Reload");
        waitUntil("b reloaded", () -> server.count("/b") == before + 1);
    }
}
