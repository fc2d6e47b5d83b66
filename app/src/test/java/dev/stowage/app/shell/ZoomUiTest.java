package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Zoom as in Chrome, through the keys and the wheel: Ctrl+plus and Ctrl+minus step through 25%..500%,
 * Ctrl+0 goes back to 100%, Ctrl+wheel zooms the page instead of scrolling it; the page's CSS width changes;
 * every page of the site follows, another site does not; the address bar shows the zoom while it is not
 * 100%, and clicking it goes back to 100%.
 */
class ZoomUiTest extends ShellTestBase {
    @BeforeAll
    static void pages() {
        server.page("/zoom", "<!doctype html><title>zoom</title><body style='height:3000px'>zoom me</body>");
    }

    private int innerWidth(BrowserTab tab) {
        return ((Number) script(tab, "window.innerWidth")).intValue();
    }

    private Button indicator() {
        return lookup("#zoom-indicator");
    }

    @Test
    void keysAndTheWheelZoomEveryPageOfTheSiteAndNoOther() {
        launch(server.url("/zoom"), server.url("/zoom?second"), server.otherOriginUrl("/zoom"));
        BrowserTab first = selectedTab();
        int fullWidth = innerWidth(first);
        assertFalse(fx(() -> indicator().isVisible()), "no zoom shown at 100%");

        focusPage();
        shortcut(KeyCode.EQUALS);
        waitUntil("110%", () -> "110%".equals(indicator().getText()) && indicator().isVisible());
        int zoomedWidth = innerWidth(first);
        assertEquals(fullWidth / 1.1, zoomedWidth, 2, "the page lays out in fewer CSS pixels");

        shortcut(KeyCode.MINUS);
        shortcut(KeyCode.MINUS);
        waitUntil("90%", () -> "90%".equals(indicator().getText()));
        assertEquals(fullWidth / 0.9, innerWidth(first), 2);

        BrowserTab sameSite = fx(() -> window.tab(window.model().tabs().get(1)));
        BrowserTab otherSite = fx(() -> window.tab(window.model().tabs().get(2)));
        waitUntil("the site's other page follows", () -> Math.abs(sameSite.zoom() - 0.9) < 1e-6);
        assertEquals(1.0, fx(otherSite::zoom), 1e-6, "another site keeps 100%");

        shortcut(KeyCode.DIGIT0);
        waitUntil("Ctrl+0: 100%", () -> !indicator().isVisible() && Math.abs(first.zoom() - 1) < 1e-6);

        robot.moveTo(first.webView());
        // The glass robot's DOWN is a wheel turned away from the user (deltaY +1, measured), which zooms in.
        robot.press(KeyCode.CONTROL).scroll(1, VerticalDirection.DOWN).release(KeyCode.CONTROL);
        waitUntil("Ctrl+wheel zooms in", () -> Math.abs(first.zoom() - 1.1) < 1e-6);
        assertEquals(0, ((Number) script(first, "window.scrollY")).intValue(), "and does not scroll the page");

        robot.clickOn(indicator(), MouseButton.PRIMARY);
        waitUntil("clicking the zoom shown goes back to 100%", () -> Math.abs(first.zoom() - 1) < 1e-6);
        assertTrue(fx(() -> !indicator().isVisible()));
    }

    @Test
    void aPageOpenedAtItsSitesZoomKeepsItsStorageInStepWithJava() {
        launchWithSessionStorage(new dev.stowage.storage.SessionStorageService(), server.url("/zoom"));
        focusPage();
        shortcut(KeyCode.EQUALS);
        waitUntil("110%", () -> Math.abs(selectedTab().zoom() - 1.1) < 1e-6);
        fx(() -> window.openTab(server.url("/zoom?new"), true));
        waitUntil("the new page of the site opens at 110%", () -> !selected().loadingProperty().get()
                && Math.abs(selectedTab().zoom() - 1.1) < 1e-6);
        script(selectedTab(), "sessionStorage.setItem('k', 'v')");
        robot.rightClickOn(fx(() -> selectedTab().webView()));
        robot.clickOn("Clear sessionStorage for this site");
        waitUntil("the site's clear reaches the zoomed page", () -> Integer.valueOf(0).equals(
                script(selectedTab(), "sessionStorage.length")));
    }
}
