package dev.stowage.app.inspect;

import dev.stowage.app.testing.ShellTestBase;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;

/**
 * Robot tests of the storage inspector: a page that reports the storage events it gets in its title, and
 * ways to read the inspector's table and reach its cells as a person does.
 */
abstract class InspectorTestBase extends ShellTestBase {
    /** Shows the last storage event it got: "key=newValue @url", or "clear @url". */
    static final String LISTENER = "<!doctype html><title>quiet</title><script>"
            + "addEventListener('storage', function (e) { document.title = (e.key === null ? 'clear' : e.key + '='"
            + " + e.newValue) + ' @' + e.url; });</script><body>listening</body>";

    @BeforeAll
    static void listenerPage() {
        server.page("/listen", LISTENER);
    }

    /** F12, then waits for the panel and its first rows. */
    protected void openInspector() {
        focusPage();
        keys(KeyCode.F12);
        // The panel shows, then its parts join it one by one; the value pane is the last.
        waitUntil("the inspector shows", () -> fx(() -> window.dock().isReady())
                && robot.lookup("#inspector-detail").tryQuery().isPresent() && fx(() -> lookup("#inspector").getOpacity() == 1));
    }

    protected KeyValueGrid table() {
        return (KeyValueGrid) lookup("#inspector-table");
    }

    /** The table's rows as "key=value", in order. */
    protected List<String> rows() {
        return fx(() -> table().getItems().stream().map(r -> r.key() + "=" + r.value()).toList());
    }

    protected void waitForRows(List<String> expected) {
        waitUntil("the inspector shows " + expected, () -> rows().equals(expected));
    }

    /** The grid cell showing {@code text}. */
    protected Node cell(String text) {
        return Objects.requireNonNull(robot.lookup("#inspector-table .key-value-grid-cell")
                .match((Text t) -> text.equals(t.getText()) && t.getParent().isVisible()).query(), "a cell showing " + text);
    }

    protected String selectedTitle() {
        return fx(() -> selected().titleProperty().get());
    }
}
