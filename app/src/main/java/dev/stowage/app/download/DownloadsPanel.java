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
    private BorderPane content;

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

    /** Shows the panel over {@code owner}, or brings it forward; the panel belongs to the last window that asked. */
    public void show(Window owner) {
        if (stage == null || stage.getOwner() != owner) {
            if (stage != null) {
                stage.hide();
                stage.getScene().setRoot(new javafx.scene.Group()); // the content moves to the new window's panel
            }
            stage = new Stage();
            stage.initModality(Modality.NONE);
            stage.initOwner(owner);
            stage.setTitle("Downloads - Stowage");
            Scene scene = new Scene(content(), 460, 360);
            owner.getScene().getStylesheets().forEach(scene.getStylesheets()::add);
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    private BorderPane content() {
        if (content == null) {
            Label empty = new Label("No downloads yet");
            empty.setId("downloads-empty");
            empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(rows.getChildren()));
            empty.managedProperty().bind(empty.visibleProperty());
            Label folder = new Label("Saved in " + downloads.directory());
            folder.setId("downloads-folder");
            folder.setPadding(new Insets(6, 8, 6, 8));
            ScrollPane scroll = new ScrollPane(new VBox(empty, rows));
            scroll.setFitToWidth(true);
            content = new BorderPane(scroll, null, null, folder, null);
            content.setId("downloads-panel");
        }
        return content;
    }

    /** Whether the panel is on the screen. */
    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }
}
