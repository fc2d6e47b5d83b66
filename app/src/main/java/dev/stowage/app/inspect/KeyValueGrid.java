package dev.stowage.app.inspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * The inspector's table of keys and values: virtualised (only the rows in view exist, a few plain nodes
 * each), with rows selected by key (click, Ctrl+click, Shift+click, the arrow keys, Ctrl+A) and a value
 * edited in place (double-click, Enter or F2; Enter commits, Escape or leaving the field cancels).
 *
 * <p>Why not a {@link javafx.scene.control.TableView}: with its rows, cells, header and scroll bars it is about
 * a hundred skinned controls, and styling and laying them out the first time held the FX thread for
 * 20-50 ms on the test machine, over the frame the inspector must open within (docs/BENCHMARKS.md). Here a
 * row is a region and two texts.
 *
 * <p>FX thread.
 */
final class KeyValueGrid extends Region {
    /** One height for every row. */
    static final double ROW = 24;
    private static final double PAD = 6;

    private final ReadOnlyObjectWrapper<ItemRow> selectedItem = new ReadOnlyObjectWrapper<>(this, "selectedItem");
    private final Set<String> selectedKeys = new LinkedHashSet<>();
    private final ScrollBar scroll = new ScrollBar();
    private final Region header = new Region();
    /** The border, focus ring included, over the rows: drawn under them, the odd rows' background hid it. */
    private final Region frame = new Region();
    private final Text keyHeading = new Text("Key");
    private final Text valueHeading = new Text("Value");
    private final Text placeholder = new Text("No keys");
    private final Rectangle clip = new Rectangle();
    private final List<GridRow> shown = new ArrayList<>();
    private final ListChangeListener<ItemRow> itemsChanged = this::itemsChanged;
    private ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private BiConsumer<ItemRow, String> onEditCommit = (row, value) -> { };
    private TextField editor;
    private ItemRow editing;
    private String anchorKey;
    private int focusIndex = -1;

    KeyValueGrid() {
        getStyleClass().add("key-value-grid");
        setFocusTraversable(true);
        header.getStyleClass().add("key-value-grid-header");
        frame.getStyleClass().add("key-value-grid-frame");
        frame.setMouseTransparent(true);
        keyHeading.getStyleClass().add("key-value-grid-heading");
        valueHeading.getStyleClass().add("key-value-grid-heading");
        placeholder.getStyleClass().add("key-value-grid-heading");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setUnitIncrement(ROW);
        scroll.valueProperty().addListener((obs, old, value) -> requestLayout());
        setClip(clip);
        getChildren().addAll(header, keyHeading, valueHeading, placeholder, scroll, frame);
        items.addListener(itemsChanged);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scroll.setValue(clamp(scroll.getValue() - e.getDeltaY(), 0, scroll.getMax()));
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** The rows shown; replacing them clears the selection and scrolls to the top. */
    ObservableList<ItemRow> getItems() {
        return items;
    }

    void setItems(ObservableList<ItemRow> rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows == items) {
            return;
        }
        cancelEdit();
        items.removeListener(itemsChanged);
        items = rows;
        items.addListener(itemsChanged);
        selectedKeys.clear();
        anchorKey = null;
        focusIndex = -1;
        selectedItem.set(null);
        scroll.setValue(0);
        requestLayout();
    }

    /**
     * The selected row left the rows (its key was removed, or the filter no longer passes it): it is no
     * longer selected, so the value pane does not go on showing what is gone, and Delete does not remove what
     * the person no longer sees. Still there after the change (the filter is applied again after each batch),
     * it keeps the focus, at its new place.
     */
    private void itemsChanged(ListChangeListener.Change<? extends ItemRow> c) {
        ItemRow selected = selectedItem.get();
        if (selected != null) {
            boolean removed = false;
            boolean added = false;
            while (c.next()) {
                removed |= c.wasRemoved() && c.getRemoved().contains(selected);
                added |= c.wasAdded() && c.getAddedSubList().contains(selected);
            }
            if (removed && !added) {
                selectedKeys.remove(selected.key());
                if (selected.key().equals(anchorKey)) {
                    anchorKey = null;
                }
                selectedItem.set(null);
                focusIndex = -1;
            } else if (removed) {
                focusIndex = items.indexOf(selected);
            }
        }
        requestLayout();
    }

    /** Told the row and its new value when an edit is committed. */
    void setOnEditCommit(BiConsumer<ItemRow, String> onEditCommit) {
        this.onEditCommit = Objects.requireNonNull(onEditCommit, "onEditCommit");
    }

    /** The row last selected by a click or a key; null when none is. */
    ReadOnlyObjectProperty<ItemRow> selectedItemProperty() {
        return selectedItem.getReadOnlyProperty();
    }

    /** The selected rows that are in view of the filter, in their order. */
    List<ItemRow> selectedItems() {
        return items.stream().filter(row -> selectedKeys.contains(row.key())).toList();
    }

    /** Whether a value is being edited. */
    boolean isEditing() {
        return editing != null;
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || e.getY() < ROW) {
            return;
        }
        int index = (int) Math.floor((e.getY() - ROW + scroll.getValue()) / ROW);
        if (index < 0 || index >= items.size()) {
            return;
        }
        if (e.isShiftDown()) {
            selectRange(index);
        } else if (e.isShortcutDown()) {
            String key = items.get(index).key();
            if (!selectedKeys.remove(key)) {
                selectedKeys.add(key);
            }
            anchorKey = key;
            focus(index);
        } else {
            select(index);
        }
        if (e.getClickCount() == 2 && e.getX() >= keyWidth()) {
            startEdit(index);
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (editing != null || items.isEmpty()) {
            return;
        }
        int page = Math.max(1, (int) (bodyHeight() / ROW) - 1);
        int target = switch (e.getCode()) {
            case UP -> focusIndex - 1;
            case DOWN -> focusIndex + 1;
            case PAGE_UP -> focusIndex - page;
            case PAGE_DOWN -> focusIndex + page;
            case HOME -> 0;
            case END -> items.size() - 1;
            default -> Integer.MIN_VALUE;
        };
        if (target != Integer.MIN_VALUE) {
            target = (int) clamp(target, 0, items.size() - 1);
            if (e.isShiftDown()) {
                selectRange(target);
            } else {
                select(target);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.A && e.isShortcutDown()) {
            items.forEach(row -> selectedKeys.add(row.key()));
            requestLayout();
            e.consume();
        } else if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) && focusIndex >= 0) {
            startEdit(focusIndex);
            e.consume();
        }
    }

    private void select(int index) {
        selectedKeys.clear();
        selectedKeys.add(items.get(index).key());
        anchorKey = items.get(index).key();
        focus(index);
    }

    private void selectRange(int index) {
        int anchor = anchorKey == null ? -1 : indexOfKey(anchorKey);
        if (anchor < 0) {
            select(index);
            return;
        }
        selectedKeys.clear();
        for (int i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
            selectedKeys.add(items.get(i).key());
        }
        focus(index);
    }

    private void focus(int index) {
        focusIndex = index;
        double top = index * ROW;
        if (top < scroll.getValue()) {
            scroll.setValue(top);
        } else if (top + ROW > scroll.getValue() + bodyHeight()) {
            scroll.setValue(clamp(top + ROW - bodyHeight(), 0, scroll.getMax()));
        }
        selectedItem.set(items.get(index));
        requestLayout();
    }

    private int indexOfKey(String key) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void startEdit(int index) {
        cancelEdit();
        editing = items.get(index);
        if (editor == null) {
            editor = new TextField();
            editor.getStyleClass().add("key-value-grid-editor");
            editor.setOnAction(e -> commitEdit());
            editor.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                    e.consume();
                }
            });
            editor.focusedProperty().addListener((obs, was, now) -> {
                if (!now) {
                    cancelEdit();
                }
            });
        }
        editor.setText(editing.value());
        if (!getChildren().contains(editor)) {
            getChildren().add(editor);
        }
        focus(index);
        editor.requestFocus();
        editor.selectAll();
    }

    private void commitEdit() {
        ItemRow row = editing;
        String value = editor.getText();
        cancelEdit();
        requestFocus();
        if (row != null) {
            onEditCommit.accept(row, value);
        }
    }

    private void cancelEdit() {
        if (editing == null) {
            return;
        }
        editing = null;
        getChildren().remove(editor);
    }

    private double keyWidth() {
        return clamp(Math.floor(getWidth() * 0.32), 80, 400);
    }

    private double bodyHeight() {
        return Math.max(0, getHeight() - ROW);
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        clip.setWidth(width);
        clip.setHeight(height);
        double content = items.size() * ROW;
        boolean scrolling = content > bodyHeight();
        double bar = scrolling ? snapSizeX(scroll.prefWidth(-1)) : 0;
        scroll.setVisible(scrolling);
        scroll.setMax(Math.max(0, content - bodyHeight()));
        scroll.setVisibleAmount(bodyHeight());
        scroll.setBlockIncrement(Math.max(ROW, bodyHeight() - ROW));
        scroll.resizeRelocate(width - bar, ROW, bar, bodyHeight());
        double keyWidth = keyWidth();
        double rowWidth = width - bar;
        header.resizeRelocate(0, 0, width, ROW);
        frame.resizeRelocate(0, 0, width, height);
        place(keyHeading, PAD, 0);
        place(valueHeading, keyWidth + PAD, 0);
        placeholder.setVisible(items.isEmpty());
        place(placeholder, PAD, ROW);

        double offset = Math.min(scroll.getValue(), scroll.getMax());
        int first = (int) Math.floor(offset / ROW);
        int count = Math.max(0, Math.min(items.size() - first, (int) Math.ceil(bodyHeight() / ROW) + 1));
        while (shown.size() < count) {
            GridRow row = new GridRow();
            shown.add(row);
            getChildren().add(getChildren().indexOf(scroll), row);
        }
        boolean editingShown = false;
        for (int i = 0; i < shown.size(); i++) {
            GridRow row = shown.get(i);
            if (i >= count) {
                row.show(null, false, false, -1);
                row.setVisible(false);
                continue;
            }
            int index = first + i;
            ItemRow item = items.get(index);
            row.setVisible(true);
            row.show(item, selectedKeys.contains(item.key()), index == focusIndex, index);
            row.resizeRelocate(0, ROW + index * ROW - offset, rowWidth, ROW);
            row.columns(keyWidth, rowWidth);
            if (item.equals(editing)) { // rows are views made as they are read: the same key, not the same object
                editor.resizeRelocate(keyWidth, ROW + index * ROW - offset, rowWidth - keyWidth, ROW);
                editingShown = true;
            }
        }
        if (editing != null) {
            if (!editingShown && items.indexOf(editing) < 0) {
                cancelEdit(); // its key is gone, or the filter hides it now
            } else {
                editor.setVisible(editingShown); // scrolled out of view: not left over another row
            }
        }
    }

    private static void place(Text text, double x, double y) {
        text.relocate(x, y + (ROW - text.getLayoutBounds().getHeight()) / 2);
    }

    private static double clamp(double value, double least, double most) {
        return Math.max(least, Math.min(most, value));
    }
}
