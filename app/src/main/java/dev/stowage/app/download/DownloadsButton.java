package dev.stowage.app.download;

import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * The toolbar's downloads button: hidden until this run has a download; marked {@code finished} when a
 * download completed since the panel was last opened, as Chrome's toolbar shows it; opens the panel.
 * FX thread.
 */
final class DownloadsButton {
    private DownloadsButton() {
    }

    static Button of(Downloads downloads, Runnable openPanel) {
        Objects.requireNonNull(downloads, "downloads");
        Objects.requireNonNull(openPanel, "openPanel");
        Button button = new Button("\u2B07");
        button.setId("downloads-button");
        button.setAccessibleText("Downloads");
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip("Downloads (Ctrl+J)"));
        button.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(downloads.list()));
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> {
            button.getStyleClass().remove("finished");
            openPanel.run();
        });
        downloads.list().addListener((ListChangeListener<Download>) c -> {
            while (c.next()) {
                for (Download added : c.getAddedSubList()) {
                    added.stateProperty().addListener((obs, old, state) -> {
                        if (state == Download.State.COMPLETED && !button.getStyleClass().contains("finished")) {
                            button.getStyleClass().add("finished");
                            button.getTooltip().setText("Downloaded " + added.fileProperty().get().getFileName());
                        }
                    });
                }
            }
        });
        return button;
    }
}
