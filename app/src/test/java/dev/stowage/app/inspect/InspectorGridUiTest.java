package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.SessionStorageService;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/**
 * The inspector's grid of keys and values the way a person uses it: rows look like the rest of the window
 * (striped, the selection marked), Shift+click and Ctrl+click select several keys and Delete removes them
 * all from the page, the arrow keys move the selection and the value pane follows, Escape leaves an edit
 * without changing anything, and Copy puts the selected value on the clipboard.
 */
class InspectorGridUiTest extends InspectorTestBase {
    /** The colour of the grid's leftmost pixel at the middle of {@code row}, as the grid paints it. */
    private static int leftEdge(Region row) {
        javafx.scene.Node grid = row.getParent();
        javafx.scene.image.WritableImage picture = grid.snapshot(null, null);
        return picture.getPixelReader().getArgb(0, (int) row.getBoundsInParent().getCenterY());
    }

    @Test
    void rowsAreSelectedByMouseAndKeysAndSeveralAreDeletedAtOnce() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/listen"));
        script(selectedTab(), "['a', 'b', 'c', 'd'].forEach(function (k) { sessionStorage.setItem(k, 'value of ' + k); })");
        openInspector();
        waitForRows(List.of("a=value of a", "b=value of b", "c=value of c", "d=value of d"));

        Region oddRow = (Region) cell("value of b").getParent();
        assertNotNull(fx(oddRow::getBackground), "the grid's rows are styled: the second row is striped");
        assertTrue(fx(() -> robot.lookup(".area-list-track").<Region>query().getHeight() > 0),
                "the origin's bar of bytes in use shows");

        Region firstRow = (Region) cell("value of a").getParent();
        assertEquals(null, fx(firstRow::getBackground), "the first row is not striped");
        robot.clickOn(cell("value of a"));
        waitUntil("the selected row is marked", () -> firstRow.getBackground() != null);
        Region evenRow = (Region) cell("value of c").getParent();
        assertEquals(fx(() -> leftEdge(evenRow)), fx(() -> leftEdge(oddRow)),
                "the grid's focus ring runs down its left edge past the striped rows too (they once hid it)");
        keys(KeyCode.DOWN);
        waitUntil("Down selects the next row and the value pane follows",
                () -> "value of b".equals(((TextArea) lookup("#inspector-detail")).getText()));

        robot.press(KeyCode.SHIFT).clickOn(cell("value of c")).release(KeyCode.SHIFT); // b and c
        robot.press(KeyCode.CONTROL).clickOn(cell("value of d")).release(KeyCode.CONTROL); // and d
        robot.press(KeyCode.CONTROL).clickOn(cell("value of c")).release(KeyCode.CONTROL); // not c
        keys(KeyCode.DELETE);
        waitUntil("the page lost b and d", () -> Integer.valueOf(2).equals(script(selectedTab(), "sessionStorage.length")));
        assertEquals("value of c", script(selectedTab(), "sessionStorage.getItem('c')"), "Ctrl+click took c out of the selection");
        waitForRows(List.of("a=value of a", "c=value of c"));
    }

    @Test
    void theValuePaneFollowsTheSelectedKeyAndEmptiesWhenThePageRemovesIt() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('k', 'first'); sessionStorage.setItem('other', 'stays')");
        openInspector();
        waitForRows(List.of("k=first", "other=stays"));
        robot.clickOn(cell("first"));
        waitUntil("the value pane shows the value", () -> "first".equals(((TextArea) lookup("#inspector-detail")).getText()));
        script(selectedTab(), "sessionStorage.setItem('k', 'second')");
        waitUntil("the value pane follows the page's write", () -> "second".equals(((TextArea) lookup("#inspector-detail")).getText()));
        script(selectedTab(), "sessionStorage.removeItem('k')");
        waitForRows(List.of("other=stays"));
        waitUntil("the value pane empties", () -> "".equals(((TextArea) lookup("#inspector-detail")).getText()));

        waitUntil("the grid laid out without the removed row", () -> robot.lookup("#inspector-table .key-value-grid-cell")
                .match((javafx.scene.text.Text t) -> "second".equals(t.getText()) && t.getParent().isVisible()).tryQuery().isEmpty());
        robot.clickOn(cell("stays"));
        waitUntil("the value pane shows it", () -> "stays".equals(((TextArea) lookup("#inspector-detail")).getText()));
        robot.clickOn("#inspector-filter").write("nothing like it");
        waitForRows(List.of());
        waitUntil("a row the filter hides is no longer selected", () -> "".equals(((TextArea) lookup("#inspector-detail")).getText()));
        fx(() -> {
            ((javafx.scene.control.TextField) lookup("#inspector-filter")).clear();
            return null;
        });
        waitForRows(List.of("other=stays"));
        robot.clickOn("#inspector-delete");
        assertEquals(1, script(selectedTab(), "sessionStorage.length"), "Delete removes nothing the person no longer saw selected");
    }

    @Test
    void escapeLeavesAnEditAndCopyPutsTheValueOnTheClipboard() {
        launchWithSessionStorage(new SessionStorageService(), server.url("/listen"));
        script(selectedTab(), "sessionStorage.setItem('k', 'kept')");
        openInspector();
        waitForRows(List.of("k=kept"));

        robot.doubleClickOn(cell("kept"));
        waitUntil("the editor lies over the value's cell", () -> fx(() -> {
            javafx.scene.Node editor = lookup(".key-value-grid-editor");
            javafx.geometry.Bounds field = editor.localToScreen(editor.getLayoutBounds());
            javafx.geometry.Bounds value = cell("kept").localToScreen(cell("kept").getLayoutBounds());
            return editor.isVisible() && field.getWidth() > 50 && field.contains(value.getCenterX(), value.getCenterY());
        }));
        robot.write("thrown away");
        keys(KeyCode.ESCAPE);
        waitUntil("the edit is gone", () -> robot.lookup(".key-value-grid-editor").tryQuery().isEmpty());
        assertEquals("kept", script(selectedTab(), "sessionStorage.getItem('k')"));
        assertEquals(List.of("k=kept"), rows());

        robot.clickOn(cell("kept"));
        robot.clickOn("#inspector-copy");
        robot.clickOn("#inspector-copy-value");
        waitUntil("the value is on the clipboard", () -> "kept".equals(Clipboard.getSystemClipboard().getString()));
    }
}
