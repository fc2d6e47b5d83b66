package dev.stowage.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.app.testing.ShellTestBase;
import dev.stowage.storage.SessionStorageService;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The main menu through the robot: Alt+F opens it and the keyboard alone opens a new tab; its zoom items
 * zoom the page; History lists the recently closed tabs and brings one back with its storage; About names
 * the version; every item but About shows its shortcut.
 */
class MainMenuUiTest extends ShellTestBase {
    /** The open main menu, if it is open. */
    private java.util.Optional<ContextMenu> openMenu() {
        return fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu c && c.getOwnerNode() == lookup("#main-menu") && w.isShowing())
                .map(ContextMenu.class::cast).findFirst());
    }

    /** The node of a menu item now on screen, or null (a menu's items are made again each time it opens). */
    private javafx.scene.Node shown(String id) {
        return robot.lookup(id).match((javafx.scene.Node n) -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing()).tryQuery().orElse(null);
    }

    private void waitForMenu(boolean showing) {
        waitUntil("the menu " + (showing ? "shows" : "is closed"), () -> openMenu().isPresent() == showing);
    }

    @Test
    void theKeyboardReachesTheMenuAndItsItemsAct() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/a"));
        focusPage();
        robot.push(KeyCode.ALT, KeyCode.F);
        waitForMenu(true);
        keys(KeyCode.DOWN);
        keys(KeyCode.ENTER);
        waitUntil("New tab, by the keyboard alone", () -> window.model().tabs().size() == 2);
        waitForMenu(false);

        focusPage();
        robot.push(KeyCode.ALT, KeyCode.F);
        waitForMenu(true);
        for (MenuItem item : fx(() -> List.copyOf(openMenu().orElseThrow().getItems()))) {
            if (item.getId() != null && !item.getId().equals("menu-about") && !(item instanceof javafx.scene.control.Menu)) {
                assertNotNull(item.getAccelerator(), item.getText() + " shows its shortcut");
            }
        }
    }

    @Test
    void downloadsFromTheMenuOpensThePanel() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/a"));
        robot.clickOn("#main-menu");
        waitForMenu(true);
        robot.clickOn("#menu-downloads");
        waitUntil("the downloads panel", () -> robot.lookup("#downloads-panel").tryQuery().isPresent()
                && robot.lookup("#downloads-empty").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        fx(() -> {
            robot.lookup("#downloads-panel").query().getScene().getWindow().hide();
            return null;
        });
    }

    @Test
    void zoomHistoryAndAboutFromTheMenu() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/a"), server.url("/b"));
        robot.clickOn("#main-menu");
        robot.clickOn("#menu-zoom-in");
        waitUntil("110%", () -> Math.abs(selectedTab().zoom() - 1.1) < 1e-6);
        robot.clickOn("#main-menu");
        waitForMenu(true);
        waitUntil("the menu opens under its button, inside the window", () -> {
            ContextMenu open = openMenu().orElseThrow();
            return open.getX() + open.getWidth() <= window.stage().getX() + window.stage().getWidth() + 1;
        });
        assertEquals("Actual size (now 110%)", fx(() -> ((MenuItem) openMenu().orElseThrow().getItems().stream()
                .filter(i -> "menu-zoom-reset".equals(i.getId())).findFirst().orElseThrow()).getText()));
        robot.clickOn("#menu-zoom-reset");
        waitUntil("100%", () -> Math.abs(selectedTab().zoom() - 1) < 1e-6);

        script(selectedTab(), "sessionStorage.setItem('kept', 'with the closed tab')");
        String closedUrl = selectedTab().currentUrl();
        focusPage();
        shortcut(KeyCode.W);
        waitUntil("one tab", () -> window.model().tabs().size() == 1);
        focusPage();
        robot.push(KeyCode.ALT, KeyCode.F);
        waitForMenu(true);
        keys(KeyCode.DOWN); // New tab
        keys(KeyCode.DOWN); // New window
        keys(KeyCode.DOWN); // New private window
        keys(KeyCode.DOWN); // History
        keys(KeyCode.RIGHT);
        waitUntil("History lists the closed tab", () -> shown("#menu-closed-0") != null);
        keys(KeyCode.ENTER);
        waitUntil("the closed tab is back", () -> window.model().tabs().size() == 2
                && closedUrl.equals(selectedTab().currentUrl()) && !selected().loadingProperty().get());
        assertEquals("with the closed tab", script(selectedTab(), "sessionStorage.getItem('kept')"));

        robot.clickOn("#main-menu");
        robot.clickOn("#menu-about");
        waitUntil("the About box", () -> robot.lookup("#about-dialog").tryQuery().isPresent());
        DialogPane about = lookup("#about-dialog");
        assertTrue(fx(about::getHeaderText).startsWith("Stowage "), fx(about::getHeaderText));
        keys(KeyCode.ENTER);
        waitUntil("the About box closes", () -> robot.lookup("#about-dialog").tryQuery().isEmpty());
    }
}
