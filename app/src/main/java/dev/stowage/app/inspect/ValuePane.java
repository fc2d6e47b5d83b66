package dev.stowage.app.inspect;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;

/**
 * The inspector's value pane: the chosen row's whole value, read-only, and for JSON a collapsible tree under
 * it. It follows the row's value, so an edit (the page's or the panel's) shows here at once. FX thread.
 */
final class ValuePane extends SplitPane {
    private final TextArea text = new TextArea();
    /** Made on the first JSON value shown. */
    private TreeView<String> json;
    /** The value shown, and what keeps the tree on it. */
    private ReadOnlyStringProperty shown;
    private final ChangeListener<String> treeFollower = (obs, old, value) -> showTree(value);

    ValuePane() {
        text.setId("inspector-detail");
        text.setEditable(false);
        text.setWrapText(true);
        setOrientation(Orientation.VERTICAL);
        getItems().setAll(text);
    }

    /** Takes the text area out, to {@linkplain #addText() put it back} in a stage of its own (its first styling is costly). */
    void holdTextBack() {
        getItems().clear();
    }

    void addText() {
        getItems().add(0, text);
    }

    /** Shows {@code row}'s value, and follows it; null shows nothing. */
    void show(ItemRow row) {
        text.textProperty().unbind();
        if (shown != null) {
            shown.removeListener(treeFollower);
            shown = null;
        }
        if (row == null) {
            text.setText("");
            showTree("");
            return;
        }
        shown = row.valueProperty();
        text.textProperty().bind(shown);
        shown.addListener(treeFollower);
        showTree(row.value());
    }

    private void showTree(String value) {
        var tree = JsonTree.of(value);
        if (tree.isPresent() && json == null) {
            json = new TreeView<>();
            json.setId("inspector-json");
            json.setShowRoot(true);
            getItems().add(json);
            setDividerPositions(0.5);
        }
        if (json != null) {
            json.setRoot(tree.orElse(null));
        }
    }
}
