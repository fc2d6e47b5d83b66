package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tab strip through the mouse: select, close button, "+", middle click, labels, tooltips, favicons. */
class TabStripUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.titled("/one", "One", "<h1>one</h1>")
                .titled("/two", "Two: a title long enough to be cut in the tab strip, so the tooltip matters", "two")
                .page("/untitled", "<!doctype html><p>no title</p>")
                .page("/declared-icon", "<!doctype html><html><head><title>Icon</title>"
                        + "<link rel='shortcut icon' href='/icons/mine.png'></head><body>x</body></html>")
                .bytes("/icons/mine.png", "image/png", Pngs.solid(16, 16, 0x22aa22))
                .bytes("/favicon.ico", "image/png", Pngs.solid(16, 16, 0xaa2222));
    }

    @Test
    void opensOneTabPerUrlWithTheFirstSelected() {
        launch(server.url("/one"), server.url("/two"), server.url("/untitled"));
        assertEquals(List.of("One", "Two: a title long enough to be cut in the tab strip, so the tooltip matters",
                "127.0.0.1"), tabLabels());
        assertEquals(0, selectedIndex());
        assertEquals(server.url("/one"), addressText());
    }

    @Test
    void withoutUrlsTheWindowOpensOneNewTabPageReadyForTyping() {
        launch();
        assertEquals(List.of("New Tab"), tabLabels());
        waitUntil("address bar focused", () -> addressBar().isFocused());
        robot.write(server.hostPort() + "/one");
        keys(javafx.scene.input.KeyCode.ENTER);
        waitUntil("typed page loaded", () -> "One".equals(window.model().selected().titleProperty().get()));
    }

    @Test
    void clickingATabSelectsItAndShowsItsAddress() {
        launch(server.url("/one"), server.url("/two"));
        robot.clickOn(tabHeader(1));
        waitUntil("second tab selected", () -> window.model().selectedIndex() == 1);
        assertEquals(server.url("/two"), addressText());
        assertTrue(fx(() -> selectedTab().webView().getScene() != null), "its page is on screen");
    }

    @Test
    void closeButtonClosesThatTab() {
        launch(server.url("/one"), server.url("/two"));
        robot.clickOn(robot.from(tabHeader(0)).lookup(".tab-close").<Node>query());
        waitUntil("one tab left", () -> window.model().tabs().size() == 1);
        assertEquals(List.of(server.url("/two")), tabUrls());
    }

    @Test
    void closeButtonOfABackgroundTabKeepsTheSelection() {
        launch(server.url("/one"), server.url("/two"), server.url("/untitled"));
        robot.clickOn(robot.from(tabHeader(2)).lookup(".tab-close").<Node>query());
        waitUntil("two tabs left", () -> window.model().tabs().size() == 2);
        assertEquals(List.of(server.url("/one"), server.url("/two")), tabUrls());
        assertEquals(0, selectedIndex(), "pressing a background tab's close button does not select it first");
    }

    @Test
    void draggingATabAlongTheStripMovesItThereAndKeepsItSelected() {
        launch(server.url("/one"), server.url("/two"), server.url("/untitled"));
        javafx.geometry.Point2D third = fx(() -> {
            javafx.geometry.Bounds b = tabHeader(2).localToScreen(tabHeader(2).getLayoutBounds());
            return new javafx.geometry.Point2D(b.getMaxX() - 10, b.getCenterY());
        });
        robot.drag(tabHeader(0), MouseButton.PRIMARY).moveTo(third).release(MouseButton.PRIMARY);
        waitUntil("the first tab went last", () -> server.url("/one").equals(tabUrls().get(2)));
        assertEquals(List.of(server.url("/two"), server.url("/untitled"), server.url("/one")), tabUrls());
        assertEquals(2, selectedIndex(), "the dragged tab is the selected one");
        assertEquals(1L, (long) fx(() -> javafx.stage.Window.getWindows().stream().filter(javafx.stage.Stage.class::isInstance)
                .filter(javafx.stage.Window::isShowing).count()), "no window came of it");

        robot.clickOn(tabHeader(1)); // a click is not a drag: nothing moves
        assertEquals(List.of(server.url("/two"), server.url("/untitled"), server.url("/one")), tabUrls());
        shortcut(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.PAGE_UP);
        assertEquals(List.of(server.url("/untitled"), server.url("/two"), server.url("/one")), tabUrls(),
                "Ctrl+Shift+Page Up moves the selected tab left");
        shortcut(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.PAGE_UP);
        assertEquals(0, selectedIndex(), "and stops at the strip's start");
        shortcut(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.PAGE_DOWN);
        assertEquals(List.of(server.url("/two"), server.url("/untitled"), server.url("/one")), tabUrls());
    }

    @Test
    void middleClickClosesTheTabUnderThePointer() {
        launch(server.url("/one"), server.url("/two"), server.url("/untitled"));
        robot.moveTo(tabHeader(1)).clickOn(MouseButton.MIDDLE);
        waitUntil("two tabs left", () -> window.model().tabs().size() == 2);
        assertEquals(List.of(server.url("/one"), server.url("/untitled")), tabUrls());
        assertEquals(0, selectedIndex(), "closing a background tab keeps the selection");
    }

    @Test
    void plusButtonOpensANewTabWithTheAddressBarFocused() {
        launch(server.url("/one"));
        robot.clickOn("#new-tab-button");
        waitUntil("new tab", () -> window.model().tabs().size() == 2);
        assertEquals(1, selectedIndex());
        assertEquals("New Tab", tabLabels().get(1));
        assertTrue(fx(() -> addressBar().isFocused()));
        assertEquals("", addressText());
    }

    @Test
    void tooltipCarriesTheFullTitle() {
        launch(server.url("/two"));
        robot.moveTo(tabHeader(0)); // the tooltip is made when the pointer first comes by
        waitUntil("a tooltip", () -> tabHeader(0).getProperties().get("javafx.scene.control.Tooltip") != null);
        Tooltip tooltip = fx(() -> (Tooltip) tabHeader(0).getProperties().get("javafx.scene.control.Tooltip"));
        assertEquals("Two: a title long enough to be cut in the tab strip, so the tooltip matters", fx(tooltip::getText));
        robot.moveBy(3, 0);
        waitUntil("the tooltip shows", tooltip::isShowing);
    }

    @Test
    void faviconComesFromTheDeclaredLinkOrFromFaviconIco() {
        launch(server.url("/declared-icon"), server.url("/one"));
        waitUntil("both favicons", () -> window.model().tabs().stream().allMatch(t -> t.faviconProperty().get() != null));
        assertTrue(server.requests().contains("/icons/mine.png"));
        assertTrue(server.requests().contains("/favicon.ico"));
        // The declared icon is green, the site icon red: each tab shows its own.
        assertEquals(0x22aa22, fx(() -> Pngs.rgbAt(window.model().tabs().get(0).faviconProperty().get())));
        assertEquals(0xaa2222, fx(() -> Pngs.rgbAt(window.model().tabs().get(1).faviconProperty().get())));
    }

    @Test
    void closingTheLastTabClosesTheWindow() {
        launch(server.url("/one"));
        robot.clickOn(robot.from(tabHeader(0)).lookup(".tab-close").<Node>query());
        waitUntil("window closed", () -> !window.stage().isShowing());
        assertFalse(fx(() -> window.stage().isShowing()));
    }
}
