package dev.stowage.app.inspect;

import dev.stowage.app.shell.PanelDock;
import dev.stowage.storage.StorageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;

/**
 * The storage inspector's view of an {@link Inspector}: a picker of what to inspect, the namespace's origins
 * with a bar of their use against the quota, the chosen origin's keys and values (a virtualised table,
 * edited in place), a filter box, add / delete / clear, copy, export and import, and a detail pane with the
 * whole value and, for JSON, a collapsible tree. All it does goes through the {@link Inspector}. FX thread.
 */
public final class InspectorPanel extends VBox {
    /** How many characters of a value the table shows; the detail pane shows all of it. */
    static final int SHORT_VALUE = 200;

    private final Inspector inspector;
    private final InspectorFiles files;
    private final Supplier<List<InspectTarget>> targets;
    private final ComboBox<InspectTarget> picker = new ComboBox<>();
    private final ListView<Inspector.AreaUsage> areas = new ListView<>();
    private final TableView<ItemRow> table = new TableView<>();
    private final TextField filter = new TextField();
    private final Label error = new Label();
    private final Label notice = new Label();
    private final TextArea detail = new TextArea();
    private final TreeView<String> json = new TreeView<>();
    private final java.util.Deque<Runnable> stages = new java.util.ArrayDeque<>();
    private final Runnable stager = new Runnable() {
        @Override
        public void run() {
            Runnable next = stages.poll();
            if (next != null) {
                next.run();
                javafx.application.Platform.requestNextPulse();
            }
            if (stages.isEmpty() && getScene() != null) {
                getScene().removePostLayoutPulseListener(this);
            }
        }
    };

    /**
     * @param targets what the picker lists, asked each time it opens: the selected tab first, then the open
     *                tabs, then the closed ones
     * @param files   exports to and imports from files the person picks
     */
    public InspectorPanel(Inspector inspector, Supplier<List<InspectTarget>> targets, InspectorFiles files,
                          PanelDock dock) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.files = Objects.requireNonNull(files, "files");
        setId("inspector");
        getStyleClass().add("inspector");
        setPadding(new Insets(4));
        setSpacing(4);

        picker.setId("inspector-target");
        picker.setOnShowing(e -> refreshTargets());
        picker.valueProperty().addListener((obs, old, target) -> showTarget());
        refreshTargets();

        areas.setId("inspector-areas");
        areas.setItems(inspector.areas());
        areas.setCellFactory(list -> new AreaCell());
        areas.setPrefWidth(240);
        areas.getSelectionModel().selectedItemProperty().addListener((obs, old, area) -> {
            if (area != null && !area.key().equals(inspector.selectedAreaProperty().get())) {
                inspector.selectedAreaProperty().set(area.key());
            }
        });
        inspector.selectedAreaProperty().addListener((obs, old, key) -> selectArea(key));
        inspector.areas().addListener((ListChangeListener<Inspector.AreaUsage>) c -> selectArea(inspector.selectedAreaProperty().get()));

        buildTable();
        filter.setId("inspector-filter");
        filter.setPromptText("Filter keys and values (text, or /regex/)");
        filter.textProperty().addListener((obs, old, text) -> applyFilter(text));
        notice.setId("inspector-notice");
        notice.textProperty().bind(inspector.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        error.setId("inspector-error");
        error.getStyleClass().add("inspector-error");
        error.textProperty().bind(inspector.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        TextField newKey = new TextField();
        newKey.setId("inspector-new-key");
        newKey.setPromptText("key");
        TextField newValue = new TextField();
        newValue.setId("inspector-new-value");
        newValue.setPromptText("value");
        Button add = button("Add", "inspector-add", () -> {
            if (!newKey.getText().isEmpty() && inspector.set(newKey.getText(), newValue.getText())) {
                newKey.clear();
                newValue.clear();
                newKey.requestFocus();
            }
        });
        newValue.setOnAction(e -> add.fire());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Objects.requireNonNull(dock, "dock");
        Button side = button("Dock right", "inspector-dock-side", () -> { });
        side.setOnAction(e -> {
            boolean bottom = dock.side() == Side.BOTTOM;
            dock.setSide(bottom ? Side.RIGHT : Side.BOTTOM);
            side.setText(bottom ? "Dock bottom" : "Dock right");
        });
        HBox top = new HBox(4, picker, filter, button("Delete", "inspector-delete", this::deleteSelected),
                button("Clear origin", "inspector-clear", inspector::clear), copyMenu(), fileMenu(), side,
                button("\u00d7", "inspector-close", () -> dock.setShowing(false)));
        HBox adding = new HBox(4, newKey, newValue, add);
        HBox.setHgrow(newValue, Priority.ALWAYS);

        detail.setId("inspector-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        json.setId("inspector-json");
        json.setShowRoot(true);
        SplitPane detailPane = new SplitPane(detail, json);
        detailPane.setOrientation(Orientation.VERTICAL);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showDetail(row));

        VBox middle = new VBox(4, error, notice, table, adding);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane body = new SplitPane();
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().setAll(top, body);
        // Shown in three steps, one per pulse: the whole panel's first CSS pass and layout held the FX
        // thread for 120-220 ms at once (measured, docs/BENCHMARKS.md).
        stages.add(() -> body.getItems().setAll(areas, middle));
        stages.add(() -> {
            body.getItems().add(detailPane);
            body.setDividerPositions(0.2, 0.72);
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && !stages.isEmpty()) {
                scene.addPostLayoutPulseListener(stager);
                javafx.application.Platform.requestNextPulse();
            }
        });
    }

    /** The table of keys and values. */
    TableView<ItemRow> table() {
        return table;
    }

    /** Shows the picker's target again: the selection moved, or a tab opened or closed. */
    public void selectionMoved() {
        InspectTarget target = picker.getValue();
        if (target == null || target.follows()) {
            showTarget();
        }
    }

    private void refreshTargets() {
        InspectTarget current = picker.getValue();
        List<InspectTarget> now = new ArrayList<>(targets.get());
        picker.getItems().setAll(now);
        InspectTarget keep = now.stream().filter(t -> current != null && t.label().equals(current.label()))
                .findFirst().orElse(now.isEmpty() ? null : now.get(0));
        picker.setValue(keep);
    }

    private void showTarget() {
        InspectTarget target = picker.getValue();
        inspector.show(target == null ? null : target.namespaceId().get().orElse(null));
    }

    private void selectArea(StorageKey key) {
        table.setItems(inspector.rowsProperty().get());
        for (Inspector.AreaUsage usage : inspector.areas()) {
            if (usage.key().equals(key)) {
                areas.getSelectionModel().select(usage);
                return;
            }
        }
        areas.getSelectionModel().clearSelection();
    }

    private void buildTable() {
        table.setId("inspector-table");
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No keys"));
        // One height for every row: a table of 100k rows then lays out only the rows it shows (measured:
        // the first layout took ~90 ms with rows sized one by one).
        table.setFixedCellSize(24);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ItemRow, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        key.setPrefWidth(200);
        TableColumn<ItemRow, String> value = new TableColumn<>("Value");
        value.setId("inspector-value-column");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(c -> new ValueCell());
        value.setOnEditCommit(e -> inspector.set(e.getRowValue().key(), e.getNewValue()));
        value.setPrefWidth(420);
        table.getColumns().setAll(List.of(key, value));
        inspector.rowsProperty().addListener((obs, old, rows) -> table.setItems(rows));
        table.setItems(inspector.rowsProperty().get());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) {
                deleteSelected();
                e.consume();
            }
        });
    }

    private void deleteSelected() {
        List<String> keys = table.getSelectionModel().getSelectedItems().stream().map(ItemRow::key).toList();
        if (!keys.isEmpty()) {
            inspector.remove(keys);
        }
    }

    private void applyFilter(String text) {
        try {
            inspector.setFilter(ItemFilter.parse(text));
            filter.getStyleClass().remove("invalid");
        } catch (IllegalArgumentException e) {
            if (!filter.getStyleClass().contains("invalid")) {
                filter.getStyleClass().add("invalid");
            }
        }
    }

    private void showDetail(ItemRow row) {
        detail.textProperty().unbind();
        if (row == null) {
            detail.setText("");
            json.setRoot(null);
            return;
        }
        detail.textProperty().bind(row.valueProperty());
        json.setRoot(JsonTree.of(row.value()).orElse(null));
    }

    private MenuButton copyMenu() {
        MenuButton copy = new MenuButton("Copy");
        copy.setId("inspector-copy");
        copy.getItems().setAll(item("Value", "inspector-copy-value", () -> {
            ItemRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                putOnClipboard(row.value());
            }
        }), item("Whole origin as JSON", "inspector-copy-area", () -> inspector.area().ifPresent(area ->
                putOnClipboard(AreaJson.of(area.getAll())))));
        return copy;
    }

    private MenuButton fileMenu() {
        MenuButton file = new MenuButton("File");
        file.setId("inspector-file");
        file.getItems().setAll(
                item("Export tab\u2019s storage\u2026", "inspector-export", () -> files.export(inspector, getScene().getWindow())),
                item("Import, replacing\u2026", "inspector-import-replace", () -> files.importInto(inspector, true, getScene().getWindow())),
                item("Import, merging\u2026", "inspector-import-merge", () -> files.importInto(inspector, false, getScene().getWindow())));
        return file;
    }

    private static void putOnClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A value cell: the value shortened while shown, the whole of it while edited. */
    private static final class ValueCell extends TextFieldTableCell<ItemRow, String> {
        ValueCell() {
            super(new DefaultStringConverter());
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (!empty && item != null && !isEditing() && item.length() > SHORT_VALUE) {
                setText(item.substring(0, SHORT_VALUE) + "\u2026");
            }
        }
    }

    /** An origin with a bar of its use against the quota. */
    private static final class AreaCell extends ListCell<Inspector.AreaUsage> {
        @Override
        protected void updateItem(Inspector.AreaUsage usage, boolean empty) {
            super.updateItem(usage, empty);
            if (empty || usage == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            ProgressBar bar = new ProgressBar(usage.quota() == 0 ? 1 : (double) usage.bytes() / usage.quota());
            bar.setMaxWidth(Double.MAX_VALUE);
            Label use = new Label(Bytes.of(usage.bytes()) + " of " + Bytes.of(usage.quota()));
            use.getStyleClass().add("inspector-usage");
            setText(null);
            setGraphic(new VBox(2, new Label(usage.label()), bar, use));
        }
    }
}
