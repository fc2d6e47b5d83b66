package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.SessionStorageService;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The inspector through the robot: F12 shows the selected tab's storage and follows the page's writes live;
 * an edit in place, an added key, a deleted key and a cleared origin reach the page at once with a
 * {@code storage} event from {@code stowage://inspector}; the JSON tree follows the selected value; the
 * filter takes text and {@code /regex/}; an edit
 * over the quota is refused with a message and changes nothing.
 */
class StorageInspectorUiTest extends InspectorTestBase {
    @Test
    void followsThePageAndEditsReachThePageWithTheInspectorsStorageEvent() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('a', '1'); sessionStorage.setItem('json', '{\"x\": [1, 2]}')");
        openInspector();
        waitForRows(List.of("a=1", "json={\"x\": [1, 2]}"));

        script(selectedTab(), "sessionStorage.setItem('b', 'from the page')");
        waitForRows(List.of("a=1", "json={\"x\": [1, 2]}", "b=from the page"));

        robot.doubleClickOn(cell("1"));
        robot.write("edited");
        keys(KeyCode.ENTER);
        waitUntil("the page has the edit", () -> "edited".equals(script(selectedTab(), "sessionStorage.getItem('a')")));
        waitUntil("and its storage event", () -> selectedTitle().equals("a=edited @stowage://inspector"));

        robot.clickOn("#inspector-new-key").write("added");
        robot.clickOn("#inspector-new-value").write("new value");
        robot.clickOn("#inspector-add");
        waitUntil("the page has the added key", () -> "new value".equals(script(selectedTab(), "sessionStorage.getItem('added')")));
        waitForRows(List.of("a=edited", "json={\"x\": [1, 2]}", "b=from the page", "added=new value"));

        robot.clickOn(cell("from the page"));
        keys(KeyCode.DELETE);
        waitUntil("the page lost b", () -> script(selectedTab(), "sessionStorage.getItem('b')") == null);
        waitForRows(List.of("a=edited", "json={\"x\": [1, 2]}", "added=new value"));

        robot.clickOn(cell("{\"x\": [1, 2]}"));
        waitUntil("the JSON tree", () -> robot.lookup("#inspector-json").tryQuery()
                .map(tree -> ((javafx.scene.control.TreeView<?>) tree).getRoot() != null).orElse(false));
        assertEquals("(value) {1}", fx(() -> ((javafx.scene.control.TreeView<?>) lookup("#inspector-json")).getRoot().getValue()));
        script(selectedTab(), "sessionStorage.setItem('json', '{\"x\": 1, \"y\": 2}')");
        waitUntil("the tree follows the selected key's new value", () -> "(value) {2}".equals(
                fx(() -> ((javafx.scene.control.TreeView<?>) lookup("#inspector-json")).getRoot().getValue())));
        script(selectedTab(), "sessionStorage.setItem('json', '{\"x\": [1, 2]}')");
        waitForRows(List.of("a=edited", "json={\"x\": [1, 2]}", "added=new value"));

        robot.clickOn("#inspector-filter").write("new");
        waitForRows(List.of("added=new value"));
        fx(() -> {
            ((TextField) lookup("#inspector-filter")).clear();
            return null;
        });
        robot.clickOn("#inspector-filter").write("/^(a|json)$/");
        waitForRows(List.of("a=edited", "json={\"x\": [1, 2]}"));
        fx(() -> {
            ((TextField) lookup("#inspector-filter")).clear();
            return null;
        });

        robot.clickOn("#inspector-dock-side");
        waitUntil("docked at the right", () -> window.dock().side() == javafx.geometry.Side.RIGHT);
        assertTrue(fx(() -> lookup("#inspector").localToScene(0, 0).getX() > selectedTab().webView().localToScene(0, 0).getX()),
                "the panel sits right of the page");
        waitUntil("the narrow panel stacks its origins, keys and value",
                () -> fx(() -> ((javafx.scene.control.SplitPane) lookup("#inspector-body")).getOrientation()) == javafx.geometry.Orientation.VERTICAL);
        for (String[] button : new String[][] {{"#inspector-delete", "Delete"}, {"#inspector-clear", "Clear origin"},
                {"#inspector-dock-side", "Dock bottom"}}) {
            assertEquals(button[1], fx(() -> ((javafx.scene.text.Text) lookup(button[0]).lookup(".text")).getText()),
                    "the bar's buttons show their whole label at the right");
        }
        robot.clickOn("#inspector-clear");
        waitUntil("the page's origin is empty", () -> Integer.valueOf(0).equals(script(selectedTab(), "sessionStorage.length")));
        waitUntil("its clear event", () -> selectedTitle().equals("clear @stowage://inspector"));
        waitForRows(List.of());
        robot.clickOn("#inspector-close");
        waitUntil("the panel is gone", () -> !window.dock().isShowing() && !fx(() -> lookup("#inspector").isVisible()));
        focusPage();
        shortcut(KeyCode.SHIFT, KeyCode.I);
        waitUntil("Ctrl+Shift+I shows it again", () -> window.dock().isShowing());
    }

    @Test
    void anEditOverTheQuotaIsRefusedWithAMessageAndChangesNothing() {
        launchWithSessionStorage(new SessionStorageService(1_000), server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('k', 'v')");
        openInspector();
        waitForRows(List.of("k=v"));
        robot.clickOn("#inspector-new-key").write("big");
        fx(() -> {
            ((TextField) lookup("#inspector-new-value")).setText("x".repeat(600)); // 1,206 bytes as UTF-16
            return null;
        });
        robot.clickOn("#inspector-add");
        waitUntil("a message", () -> ((Label) lookup("#inspector-error")).getText().startsWith("Not saved:"));
        assertTrue(fx(() -> ((Label) lookup("#inspector-error")).getText().contains("quota")));
        assertEquals(null, script(selectedTab(), "sessionStorage.getItem('big')"));
        assertEquals(List.of("k=v"), rows());
        assertFalse(selectedTitle().contains("@stowage"), "no storage event for a refused edit");
    }
}
