package dev.stowage.app.inspect;

import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * One row in view of a {@link KeyValueGrid}: its key and its value on one line each, the value shortened
 * (the detail pane shows the whole of it). It follows its row's value while shown. FX thread once shown.
 */
final class GridRow extends Region {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass FOCUSED_ROW = PseudoClass.getPseudoClass("focused-row");
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");
    private static final double PAD = 6;

    private final Text key = cell();
    private final Text value = cell();
    private final Rectangle keyClip = new Rectangle();
    private final Rectangle valueClip = new Rectangle();
    private final InvalidationListener valueChanged = obs -> showValue();
    private ItemRow item;
    private ObservableValue<String> watched;

    GridRow() {
        getStyleClass().add("key-value-grid-row");
        setAccessibleRole(AccessibleRole.TEXT);
        key.setClip(keyClip);
        value.setClip(valueClip);
        getChildren().addAll(key, value);
    }

    /** Shows {@code row} (null: nothing), following its value. */
    void show(ItemRow row, boolean selected, boolean focused, int index) {
        pseudoClassStateChanged(SELECTED, selected);
        pseudoClassStateChanged(FOCUSED_ROW, focused);
        pseudoClassStateChanged(ODD, index % 2 == 1);
        if (Objects.equals(row, item)) {
            return; // the same key: its value is followed already (rows are views, made as they are read)
        }
        if (watched != null) {
            watched.removeListener(valueChanged);
            watched = null;
        }
        item = row;
        if (row == null) {
            key.setText("");
            value.setText("");
            setAccessibleText(null);
            return;
        }
        key.setText(oneLine(row.key()));
        watched = row.valueProperty();
        watched.addListener(valueChanged);
        showValue();
    }

    /** Where the value column starts, and the row's width. */
    void columns(double keyWidth, double width) {
        double height = getHeight();
        key.relocate(PAD, (height - key.getLayoutBounds().getHeight()) / 2);
        keyClip.setWidth(Math.max(0, keyWidth - 2 * PAD));
        keyClip.setHeight(height);
        keyClip.setY(-key.getLayoutY());
        value.relocate(keyWidth + PAD, (height - value.getLayoutBounds().getHeight()) / 2);
        valueClip.setWidth(Math.max(0, width - keyWidth - 2 * PAD));
        valueClip.setHeight(height);
        valueClip.setY(-value.getLayoutY());
    }

    @Override
    protected void layoutChildren() {
        // laid out by columns(), which knows the grid's column widths
    }

    private void showValue() {
        String text = item == null ? "" : item.value();
        value.setText(oneLine(text.length() > InspectorPanel.SHORT_VALUE
                ? text.substring(0, InspectorPanel.SHORT_VALUE) + "\u2026" : text));
        setAccessibleText(item == null ? null : key.getText() + ": " + value.getText());
    }

    /** A line of text: a line break shows as a return sign, so that a row stays one line high. */
    private static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\u21b5").replace('\n', '\u21b5').replace('\r', '\u21b5');
    }

    private static Text cell() {
        Text text = new Text();
        text.getStyleClass().add("key-value-grid-cell");
        text.setTextOrigin(javafx.geometry.VPos.TOP);
        return text;
    }
}
