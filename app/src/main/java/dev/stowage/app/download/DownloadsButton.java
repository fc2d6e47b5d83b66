package dev.stowage.app.download;

import java.util.List;
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
        // The list and its downloads outlive this window: they hold it only weakly, the button holds the
        // listeners, so a closed window's toolbar can go.
        javafx.beans.value.ChangeListener<Download.State> finished = (obs, old, state) -> {
            if (state == Download.State.COMPLETED && !button.getStyleClass().contains("finished")) {
                button.getStyleClass().add("finished");
                Download done = (Download) ((javafx.beans.property.ReadOnlyProperty<?>) obs).getBean();
                button.getTooltip().setText("Downloaded " + done.fileProperty().get().getFileName());
            }
        };
        ListChangeListener<Download> added = c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(d -> d.stateProperty().addListener(new javafx.beans.value.WeakChangeListener<>(finished)));
            }
        };
        button.getProperties().put(DownloadsButton.class, List.of(finished, added));
        downloads.list().forEach(d -> d.stateProperty().addListener(new javafx.beans.value.WeakChangeListener<>(finished)));
        downloads.list().addListener(new javafx.collections.WeakListChangeListener<>(added));
        return button;
    }
}
