package dev.stowage.app.inspect;

import dev.stowage.app.shell.FxDelay;
import dev.stowage.app.shell.InputActivity;
import dev.stowage.app.shell.PanelDock;
import dev.stowage.storage.StorageKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The storage inspector's view of an {@link Inspector}: a picker of what to inspect, the namespace's origins
 * with a bar of their use against the quota, the chosen origin's keys and values (a virtualised grid,
 * edited in place), a filter box, add / delete / clear, copy, export and import, and a detail pane with the
 * whole value and, for JSON, a collapsible tree. All it does goes through the {@link Inspector}.
 *
 * <p><b>Opening within a frame.</b> The panel is made and {@linkplain #connect() connected} on the FX thread
 * (see {@link PanelDock} for why not off it), made ahead when the process is idle. A control gets its skin
 * and its first styling when it joins the window's scene, so from when the panel is in the window (hidden
 * until connected, if made ahead) the parts join it one every other pulse, a few controls at a time: the picker,
 * the filter, the bar's buttons and menus, the origins, the grid, the add row, the value pane; and it is
 * painted only when whole. Heavy controls were traded for light nodes where a part cost more than a frame
 * (docs/BENCHMARKS.md). Made ahead and whole, it shows its target once while hidden ({@link Rehearsal}).
 *
 * <p>FX thread.
 */
public final class InspectorPanel extends VBox implements PanelDock.Panel {
    /** How long a panel made ahead waits for its rows before it shows without them. */
    private static final Duration ROWS_AWAITED = Duration.millis(150);
    /** How long after a panel made ahead is whole it rehearses: its reveal's pulse not lengthened by it. */
    private static final Duration REHEARSAL_AFTER = Duration.millis(50);
    /** How many characters of a value the grid shows; the detail pane shows all of it. */
    static final int SHORT_VALUE = 200;

    private final Inspector inspector;
    private final Supplier<List<InspectTarget>> targets;
    private final PanelDock dock;
    private final ChoiceBox<InspectTarget> picker = new ChoiceBox<>();
    private final AreaList areas;
    private final KeyValueGrid grid = new KeyValueGrid();
    private final TextField filter = new TextField();
    private final Label error = new Label();
    private final Label notice = new Label();
    private final SideLayout sides;
    private final SplitPane body = new SplitPane();
    private final HBox top;
    private final ValuePane detailPane = new ValuePane();
    private final VBox middle;
    private final HBox adding;
    private final PulseStages stages = new PulseStages(this);
    private boolean connected;
    /** Connected, and the picker's target shown: not revealed before, lest it show an empty picker and grid. */
    private boolean targetShown;
    private boolean closed;
    private boolean wired;
    private final Rehearsal rehearsal;

    /**
     * Makes the panel's nodes; it follows live state once {@link #connect() connected}, and made ahead, for a
     * moment, while it rehearses. FX thread.
     *
     * @param targets what the picker lists, asked each time it opens: the selected tab first, then the open
     *                tabs, then the closed ones
     * @param files   exports to and imports from files the person picks
     */
    public InspectorPanel(Inspector inspector, Supplier<List<InspectTarget>> targets, InspectorFiles files,
                          PanelDock dock) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.dock = Objects.requireNonNull(dock, "dock");
        Objects.requireNonNull(files, "files");
        rehearsal = new Rehearsal(inspector);
        // The dock lets go of a panel made ahead without closing it (it was never connected): whatever its
        // rehearsal still follows goes with it out of the window.
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null && !connected) {
                inspector.show(null);
            }
        });
        setId("inspector");
        getStyleClass().add("inspector");
        setPadding(new Insets(4));
        setSpacing(4);

        picker.setId("inspector-target");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(InspectTarget target) {
                return target == null ? "" : target.label();
            }

            @Override
            public InspectTarget fromString(String label) {
                throw new UnsupportedOperationException("the picker is not edited");
            }
        });
        areas = new AreaList(key -> inspector.selectedAreaProperty().set(key));
        areas.setId("inspector-areas");
        areas.setPrefWidth(240);
        grid.setId("inspector-table");
        grid.setOnEditCommit((row, value) -> inspector.set(row.key(), value));
        grid.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && !grid.isEditing()) {
                deleteSelected();
                e.consume();
            }
        });
        filter.setId("inspector-filter");
        filter.setPromptText("Filter keys and values (text, or /regex/)");
        notice.setId("inspector-notice");
        error.setId("inspector-error");
        error.getStyleClass().add("inspector-error");
        for (Label message : List.of(notice, error)) {
            message.managedProperty().bind(message.textProperty().isNotEmpty());
            message.visibleProperty().bind(message.managedProperty());
        }

        TextField newKey = new TextField();
        newKey.setId("inspector-new-key");
        newKey.setPromptText("key");
        TextField newValue = new TextField();
        newValue.setId("inspector-new-value");
        newValue.setPromptText("value");
        Button add = InspectorMenus.button("Add", "inspector-add", () -> {
            if (!newKey.getText().isEmpty() && inspector.set(newKey.getText(), newValue.getText())) {
                newKey.clear();
                newValue.clear();
                newKey.requestFocus();
            }
        });
        newValue.setOnAction(e -> add.fire());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button side = InspectorMenus.button("Dock right", "inspector-dock-side", this::switchSide);
        InspectorMenus menus = new InspectorMenus(inspector, files, grid.selectedItemProperty()::get, this);
        top = new HBox(4, picker, filter, InspectorMenus.button("Delete", "inspector-delete", this::deleteSelected),
                InspectorMenus.button("Clear origin", "inspector-clear", inspector::clear), menus.copy(), menus.file(),
                side, InspectorMenus.button("\u00d7", "inspector-close", () -> dock.setShowing(false)));
        adding = new HBox(4, newKey, newValue, add);
        HBox.setHgrow(newValue, Priority.ALWAYS);

        middle = new VBox(4, error, notice, grid, adding);
        VBox.setVgrow(grid, Priority.ALWAYS);
        body.getItems().setAll(areas, middle, detailPane);
        body.setDividerPositions(0.2, 0.72);
        body.setId("inspector-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().setAll(top, body);
        sides = new SideLayout(this, top, body, side);
        holdPartsBack();
        // Made ahead, it is idle work: a part joins only once the person has stopped for a moment.
        stages.holdWhile(() -> connected ? Duration.ZERO : InputActivity.untilQuietFor(InspectorDock.PREPARE_AFTER));
    }

    /**
     * Wires the panel to its inspector and shows the picker's first target. Its parts join the window on
     * their own, from when the panel is first in a scene (connected or not). FX thread, once.
     */
    @Override
    public void connect() {
        wire();
        connected = true;
        stages.resume(); // a part held back for the person's input joins now: they asked for the panel
        if (stages.isEmpty()) { // made ahead: not painted again until it shows its target
            setOpacity(0);
            setMouseTransparent(true);
        }
        // Listing the targets, then showing one, each in a task of its own: the first time in a process,
        // connecting took 16-33 ms of the FX thread in one task, listing the targets 3-7 ms of it and showing
        // one 15-25 (temporary timing).
        Platform.runLater(() -> {
            if (closed) {
                return;
            }
            refreshTargets();
            picker.valueProperty().addListener((obs, old, target) -> showTarget());
            Platform.runLater(() -> {
                if (!closed) {
                    showTarget();
                    targetShown = true;
                    revealAfterShowing();
                }
            });
        });
    }

    /** Has the panel show what its inspector shows: once, on connecting or on a rehearsal, whichever is first. */
    private void wire() {
        if (wired) {
            return;
        }
        wired = true;
        picker.setOnShowing(e -> refreshTargets());
        inspector.selectedAreaProperty().addListener((obs, old, key) -> selectArea());
        inspector.areas().addListener((ListChangeListener<Inspector.AreaUsage>) c -> selectArea());
        inspector.rowsProperty().addListener((obs, old, rows) -> grid.setItems(rows));
        grid.setItems(inspector.rowsProperty().get());
        grid.selectedItemProperty().addListener((obs, old, row) -> detailPane.show(row));
        filter.textProperty().addListener((obs, old, text) -> applyFilter(text));
        notice.textProperty().bind(inspector.noticeProperty());
        error.textProperty().bind(inspector.errorProperty());
    }

    @Override
    public Parent node() {
        return this;
    }

    /** Stops following: the inspector shows nothing and lets go of the namespace it followed. FX thread. */
    @Override
    public void close() {
        closed = true;
        stages.clear();
        picker.setValue(null);
        inspector.close();
    }

    /** The grid of keys and values. */
    KeyValueGrid table() {
        return grid;
    }

    /** Where the rehearsal of a panel made ahead is (see {@link Rehearsal}). */
    Rehearsal.State rehearsal() {
        return rehearsal.state();
    }

    /** Shows the picker's target again: the selection moved, or a tab opened or closed. */
    public void selectionMoved() {
        InspectTarget target = picker.getValue();
        if (target == null || target.follows()) {
            showTarget();
        }
    }

    /**
     * Takes the parts out again, to put them back one every other pulse once the panel is in the window:
     * each part gets its skins and its styling when it joins, and the whole panel at once held the FX thread
     * for 100-200 ms (cold) or 25-60 ms (warm), a part at a time a fraction of it (docs/BENCHMARKS.md).
     */
    private void holdPartsBack() {
        List<Node> bar = List.copyOf(top.getChildren()); // picker, filter, Delete, Clear origin, Copy, File, side, close
        List<Node> addRow = List.copyOf(adding.getChildren());
        getChildren().clear();
        top.getChildren().clear();
        body.getItems().clear();
        detailPane.holdTextBack();
        middle.getChildren().removeAll(grid, adding);
        adding.getChildren().clear();
        // A part a stage: a control's first styling makes its skin, and the heavier ones (a text field, a
        // text area, a menu button) cost 2-10 ms each warm; more at once went over a frame (measured).
        stages.add(() -> {
            top.getChildren().add(bar.get(0));
            getChildren().setAll(top);
        });
        stages.add(() -> getChildren().add(body));
        stages.add(() -> top.getChildren().add(bar.get(1)));
        stages.add(() -> top.getChildren().addAll(bar.subList(2, 4)));
        stages.add(() -> top.getChildren().add(bar.get(4))); // a menu button each: two took up to 27 ms warm
        stages.add(() -> top.getChildren().add(bar.get(5)));
        stages.add(() -> top.getChildren().addAll(bar.subList(6, bar.size())));
        stages.add(() -> body.getItems().add(areas));
        stages.add(() -> {
            body.getItems().add(middle);
            middle.getChildren().add(2, grid);
            body.setDividerPositions(0.22);
        });
        stages.add(() -> {
            middle.getChildren().add(adding);
            adding.getChildren().add(addRow.get(0));
        });
        stages.add(() -> adding.getChildren().addAll(addRow.subList(1, addRow.size())));
        stages.add(() -> body.getItems().add(detailPane)); // the text area, the pane and the reveal took 15-21 ms together
        stages.add(detailPane::addText);
        stages.add(this::reveal);
        // Not painted until whole: painting each part as it joined took the (software) renderer 10-30 ms a
        // time, which the FX thread's next pulse waited for. Nor clickable: an unseen button is no button.
        setOpacity(0);
        setMouseTransparent(true);
    }

    private void reveal() {
        if (!connected) {
            // Made ahead: the picker lists what there is now (it follows nothing yet). Its first items cost
            // the first opening 8 ms of a cold JVM's FX thread (temporary timing); the opening lists them again.
            refreshTargets();
            FxDelay.after(REHEARSAL_AFTER, this::rehearseWhenQuiet);
        }
        sides.arrange(dock.side());
        if (connected && !targetShown) {
            return; // connected while its last part was joining: revealed once it shows its target
        }
        setOpacity(1);
        setMouseTransparent(false);
    }

    /** The rehearsal is idle work too: like the parts, it waits for the person to stop for a moment. */
    private void rehearseWhenQuiet() {
        Duration wait = InputActivity.untilQuietFor(InspectorDock.PREPARE_AFTER);
        if (wait.greaterThan(Duration.ZERO) && isAhead()) {
            FxDelay.after(wait, this::rehearseWhenQuiet);
            return;
        }
        rehearsal.run(() -> {
            wire();
            showTarget();
        }, this::isAhead);
    }

    /** Made ahead, and still so: in the window, neither connected nor let go. */
    private boolean isAhead() {
        return !connected && !closed && getScene() != null;
    }

    /**
     * A panel made ahead, whole before it is connected, is revealed a pulse after the dock first shows it:
     * that pulse shrinks the page and paints it, and the page repaints itself in the next. With the panel
     * painted in the first as well, the (software) renderer took 18-28 ms over both, and the page's repaint
     * waited for that on the FX thread (measured with the pulse logger, docs/BENCHMARKS.md).
     */
    private void revealAfterShowing() {
        if (!stages.isEmpty()) {
            return; // the last part to join reveals the whole
        }
        // With its rows too, when they come soon: rows that came just after the panel was painted were laid
        // out in the next pulse, which waited for that painting (measured: 16 ms at a stretch, 8 of them waiting).
        WhenLoaded.run(inspector.loadingProperty(), ROWS_AWAITED, () -> stages.add(this::reveal)); // a large area shows as it loads
    }

    private void switchSide() {
        dock.setSide(dock.side() == Side.BOTTOM ? Side.RIGHT : Side.BOTTOM);
        if (stages.isEmpty()) {
            sides.arrange(dock.side()); // else the last part to join arranges the whole
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

    private void selectArea() {
        StorageKey key = inspector.selectedAreaProperty().get();
        grid.setItems(inspector.rowsProperty().get());
        areas.show(inspector.areas(), key);
    }

    private void deleteSelected() {
        List<String> keys = grid.selectedItems().stream().map(ItemRow::key).toList();
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
}
