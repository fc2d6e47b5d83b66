package dev.stowage.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: one browser window. The tabbed shell is built in the browser-shell issue. */
public final class StowageApplication extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Stowage");
        stage.setScene(new Scene(new BorderPane(), 1024, 720));
        stage.show();
    }
}
