package dev.stowage.app.download;

import java.nio.file.Path;
import java.util.Objects;
import dev.stowage.app.shell.Bytes;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One download in the panel: its file name, a progress bar while it runs, what it did ("12.0 MB of
 * 50.0 MB, 3.1 MB/s", "Done, 50.0 MB", "Failed: ...", "Cancelled") and its actions: Cancel while it runs,
 * Open and Show in folder once done. Bound to its {@link Download}; FX thread.
 */
final class DownloadRow extends VBox {
    DownloadRow(Download download, FileOpener opener) {
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(opener, "opener");
        getStyleClass().add("download-row");
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(3);

        Label name = new Label();
        name.getStyleClass().add("download-name");
        name.textProperty().bind(Bindings.createStringBinding(() -> download.fileProperty().get().getFileName().toString(),
                download.fileProperty()));
        Label status = new Label();
        status.getStyleClass().add("download-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> describe(download), download.stateProperty(),
                download.receivedProperty(), download.bytesPerSecondProperty(), download.problemProperty()));
        ProgressBar progress = new ProgressBar();
        progress.getStyleClass().add("download-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> download.totalProperty().get() <= 0
                ? ProgressBar.INDETERMINATE_PROGRESS
                : (double) download.receivedProperty().get() / download.totalProperty().get(), download.receivedProperty()));
        progress.visibleProperty().bind(download.stateProperty().isEqualTo(Download.State.IN_PROGRESS));
        progress.managedProperty().bind(progress.visibleProperty());

        Button cancel = button("Cancel", "download-cancel", download::cancel);
        cancel.visibleProperty().bind(download.stateProperty().isEqualTo(Download.State.IN_PROGRESS));
        Button open = button("Open", "download-open", () -> opener.open(download.fileProperty().get()));
        Button show = button("Show in folder", "download-show", () -> {
            Path file = download.fileProperty().get();
            opener.open(file.getParent() == null ? file : file.getParent());
        });
        for (Button done : new Button[] {open, show}) {
            done.visibleProperty().bind(download.stateProperty().isEqualTo(Download.State.COMPLETED));
        }
        for (Button any : new Button[] {cancel, open, show}) {
            any.managedProperty().bind(any.visibleProperty());
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(6, status, gap, cancel, open, show);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(name, progress, bottom);
    }

    private static Button button(String text, String styleClass, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().add(styleClass);
        button.setOnAction(e -> action.run());
        return button;
    }

    static String describe(Download download) {
        long received = download.receivedProperty().get();
        long total = download.totalProperty().get();
        return switch (download.stateProperty().get()) {
            case IN_PROGRESS -> Bytes.of(received) + (total > 0 ? " of " + Bytes.of(total) : "")
                    + ", " + Bytes.of((long) download.bytesPerSecondProperty().get()) + "/s";
            case COMPLETED -> "Done, " + Bytes.of(received);
            case FAILED -> "Failed: " + download.problemProperty().get();
            case CANCELLED -> "Cancelled";
        };
    }
}
