package dev.stowage.app.download;

import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The downloads panel (Ctrl+J, the main menu, the toolbar's button): a window listing every download of
 * this run, newest first, each a {@link DownloadRow}, with the folder they go to. One per
 * {@link Downloads}; it stays up to date while hidden. FX thread.
 */
public final class DownloadsPanel {
    private final Downloads downloads;
    private final VBox rows = new VBox();
    private final FileOpener opener;
    private Stage stage;

    public DownloadsPanel(Downloads downloads, FileOpener opener) {
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.opener = Objects.requireNonNull(opener, "opener");
        rows.setId("downloads-list");
        downloads.list().forEach(this::addRow);
        downloads.list().addListener((ListChangeListener<Download>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::addRow);
            }
        });
    }

    private void addRow(Download download) {
        rows.getChildren().add(0, new DownloadRow(download, opener)); // newest first, as browsers list them
    }

    /** Shows the panel over {@code owner}, or brings it forward. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initModality(Modality.NONE);
            stage.initOwner(owner);
            stage.setTitle("Downloads - Stowage");
            Label empty = new Label("No downloads yet");
            empty.setId("downloads-empty");
            empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(rows.getChildren()));
            empty.managedProperty().bind(empty.visibleProperty());
            Label folder = new Label("Saved in " + downloads.directory());
            folder.setId("downloads-folder");
            folder.setPadding(new Insets(6, 8, 6, 8));
            ScrollPane scroll = new ScrollPane(new VBox(empty, rows));
            scroll.setFitToWidth(true);
            BorderPane root = new BorderPane(scroll, null, null, folder, null);
            root.setId("downloads-panel");
            Scene scene = new Scene(root, 460, 360);
            owner.getScene().getStylesheets().forEach(scene.getStylesheets()::add);
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    /** Whether the panel is on the screen. */
    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }
}
