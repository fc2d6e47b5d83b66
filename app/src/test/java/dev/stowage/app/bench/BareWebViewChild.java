package dev.stowage.app.bench;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebView;
import javafx.stage.Stage;

/**
 * Benchmark child, the reference: a bare JavaFX window with one WebView loading args[0]; for the 20-tab
 * figure, 19 more WebViews load the same page off screen (as the shell keeps background tabs off screen).
 */
public final class BareWebViewChild {
    private BareWebViewChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        List<WebView> views = new ArrayList<>();
        Platform.startup(() -> {
            WebView view = new WebView();
            views.add(view);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(view), 1024, 720));
            stage.show();
            view.getEngine().load(url);
        });
        BenchChild.await(() -> allLoaded(views, 1));
        System.out.println("LOADED");
        System.out.flush();
        BenchChild.reportRss("RSS1");
        Platform.runLater(() -> {
            for (int i = 1; i < BenchChild.TABS; i++) {
                WebView view = new WebView();
                views.add(view);
                view.getEngine().load(url);
            }
        });
        BenchChild.await(() -> allLoaded(views, BenchChild.TABS));
        BenchChild.reportRss("RSS20");
        Platform.exit();
    }

    private static boolean allLoaded(List<WebView> views, int count) {
        return views.size() == count && views.stream()
                .allMatch(v -> v.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED);
    }
}
