package dev.stowage.app.inspect;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The inspector's Copy and File menus, and its buttons. Made with the panel; used on the FX thread. */
final class InspectorMenus {
    private final Inspector inspector;
    private final InspectorFiles files;
    private final Supplier<ItemRow> selected;
    private final Node owner;

    /**
     * @param selected the row whose value Copy → Value copies (null: none)
     * @param owner    a node of the window the file dialogs belong to
     */
    InspectorMenus(Inspector inspector, InspectorFiles files, Supplier<ItemRow> selected, Node owner) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.files = Objects.requireNonNull(files, "files");
        this.selected = Objects.requireNonNull(selected, "selected");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    MenuButton copy() {
        MenuButton copy = new MenuButton("Copy");
        copy.setId("inspector-copy");
        copy.getItems().setAll(item("Value", "inspector-copy-value", () -> {
            ItemRow row = selected.get();
            if (row != null) {
                putOnClipboard(row.value());
            }
        }), item("Whole origin as JSON", "inspector-copy-area", () -> inspector.area().ifPresent(area ->
                putOnClipboard(AreaJson.of(area.getAll())))));
        return copy;
    }

    MenuButton file() {
        MenuButton file = new MenuButton("File");
        file.setId("inspector-file");
        file.getItems().setAll(
                item("Export tab\u2019s storage\u2026", "inspector-export", () -> files.export(inspector, owner.getScene().getWindow())),
                item("Import, replacing\u2026", "inspector-import-replace", () -> files.importInto(inspector, true, owner.getScene().getWindow())),
                item("Import, merging\u2026", "inspector-import-merge", () -> files.importInto(inspector, false, owner.getScene().getWindow())));
        return file;
    }

    static Button button(String text, String id, Runnable action) {
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

    private static void putOnClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
