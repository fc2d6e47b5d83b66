package dev.stowage.app;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Clear browsing data (Ctrl+Shift+Delete), as the browsers' dialog: a choice of what to clear, sessionStorage
 * of all sites and the closed-tab list ticked by default, cookies and WebView's own localStorage not; Return
 * confirms, Esc cancels. It does not wait: the clearing runs when the person confirms. FX thread.
 */
final class ClearDataDialog {
    private ClearDataDialog() {
    }

    /** Shows the dialog over {@code owner}. */
    static Dialog<ButtonType> show(Window owner, BrowsingData data) {
        Objects.requireNonNull(data, "data");
        Map<BrowsingData.Kind, CheckBox> choices = Map.of(
                BrowsingData.Kind.SESSION_STORAGE, choice("sessionStorage of all sites", "clear-session-storage", true),
                BrowsingData.Kind.CLOSED_TABS, choice("Recently closed tabs", "clear-closed-tabs", true),
                BrowsingData.Kind.COOKIES, choice("Cookies", "clear-cookies", false),
                BrowsingData.Kind.WEBVIEW_STORAGE, choice("WebView's localStorage of open pages", "clear-webview-storage", false));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Clear browsing data");
        dialog.getDialogPane().setId("clear-data-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        VBox content = new VBox(8, new Label("Clear from every tab, open or closed, and from the saved session:"));
        for (BrowsingData.Kind kind : BrowsingData.Kind.values()) {
            content.getChildren().add(choices.get(kind));
        }
        dialog.getDialogPane().setContent(content);
        dialog.setResultConverter(button -> button);
        // Return confirms wherever the focus is, a ticked box included (a CheckBox does not pass Return on).
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !(e.getTarget() instanceof Button)) {
                e.consume();
                ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
            }
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                Set<BrowsingData.Kind> kinds = EnumSet.noneOf(BrowsingData.Kind.class);
                choices.forEach((kind, box) -> {
                    if (box.isSelected()) {
                        kinds.add(kind);
                    }
                });
                data.clearStorageData(Optional.empty(), kinds);
            }
        });
        dialog.show();
        return dialog;
    }

    private static CheckBox choice(String text, String id, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }
}
