package dev.stowage.app.shell;

import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The parts of a {@link BrowserWindow} around its pages: tab strip, navigation bar, warning bar, load
 * progress and the hovered-link bubble, bound to the window's model. FX thread only.
 */
final class WindowChrome {
    private WindowChrome() {
    }

    /**
     * Keeps {@code stage}'s title on the selected tab's label, and tells {@code changed} when the tabs, the
     * selection or the stage's bounds change (what the session keeps of a window).
     */
    static void follow(Stage stage, WindowModel model, Runnable changed) {
        stage.setTitle("Stowage");
        model.selectedProperty().addListener((obs, old, tab) -> {
            stage.titleProperty().unbind();
            if (tab != null) {
                stage.titleProperty().bind(tab.labelBinding().concat(javafx.beans.binding.Bindings
                        .when(model.privateWindowProperty()).then(" - Stowage (Private)").otherwise(" - Stowage")));
            }
        });
        model.tabs().addListener((ListChangeListener<TabModel>) c -> changed.run());
        model.selectedProperty().addListener(o -> changed.run());
        List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())
                .forEach(p -> p.addListener(o -> changed.run()));
    }

    /** {@code window}'s scene with its find bar, its main menu, its keys and Ctrl+wheel zoom. */
    static Scene assemble(BrowserWindow window, TabStripView strip, NavigationBar navigation, StackPane pages, PanelDock dock, ZoomKeeper zoom,
                          java.util.function.Function<TabModel, BrowserTab> tabOf,
                          javafx.beans.property.ObjectProperty<ClonePolicy> clonePolicy) {
        WindowModel model = window.model();
        FindBar find = new FindBar(() -> model.selected() == null ? null : tabOf.apply(model.selected()));
        Scene scene = scene(model, strip, navigation, pages, dock, find);
        MainMenu menu = MainMenu.of(window, zoom, clonePolicy);
        navigation.addAtEnd(privateBadge(model));
        navigation.addAtEnd(menu.node());
        WindowShortcuts.of(window, navigation, zoom, find)
                .on(Shortcuts.alt(javafx.scene.input.KeyCode.F), menu::open).install(scene);
        ZoomKeeper.followWheel(scene, zoom);
        return scene;
    }

    /** "Private" in the toolbar of a private window, as Chrome's incognito and Firefox's private windows mark theirs. */
    private static Label privateBadge(WindowModel model) {
        Label badge = new Label("Private");
        badge.setId("private-badge");
        badge.getStyleClass().add("private-badge");
        badge.visibleProperty().bind(model.privateWindowProperty());
        badge.managedProperty().bind(badge.visibleProperty());
        return badge;
    }

    private static Scene scene(WindowModel model, TabStripView strip, NavigationBar navigation, StackPane pages,
                               PanelDock dock, FindBar find) {
        ProgressBar progress = new ProgressBar();
        progress.setId("load-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefHeight(3);
        progress.setMaxHeight(3);
        progress.setStyle("-fx-accent: #3b82f6; -fx-background-insets: 0; -fx-padding: 0;");
        progress.setVisible(false);
        // A bubble over the page's bottom-left corner, as in Chrome: a status row would take space from
        // every page for a line that is empty most of the time.
        Label status = new Label();
        status.setId("status-line");
        status.setPadding(new Insets(2, 8, 2, 8));
        status.setMouseTransparent(true);
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        StackPane.setAlignment(status, Pos.BOTTOM_LEFT);
        model.selectedProperty().addListener((obs, old, tab) -> {
            find.close(); // find is per page: another tab's matches are not this one's
            progress.progressProperty().unbind();
            progress.visibleProperty().unbind();
            status.textProperty().unbind();
            if (tab != null) {
                progress.progressProperty().bind(tab.progressProperty());
                progress.visibleProperty().bind(tab.loadingProperty());
                status.textProperty().bind(tab.hoveredLinkProperty());
            }
        });

        strip.setPadding(new Insets(4, 4, 0, 4));
        Label warning = new Label();
        warning.setId("window-warning");
        warning.getStyleClass().add("window-warning");
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setWrapText(true);
        warning.textProperty().bind(model.warningProperty());
        warning.visibleProperty().bind(model.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        VBox top = new VBox(strip, navigation, warning, progress);
        dock.setPages(new StackPane(pages, status, find));
        BorderPane root = new BorderPane(dock.node(), top, null, null, null);
        Scene scene = new Scene(root, 1024, 720);
        scene.getStylesheets().add(Objects.requireNonNull(
                BrowserWindow.class.getResource("shell.css"), "shell.css").toExternalForm());
        return scene;
    }
}
