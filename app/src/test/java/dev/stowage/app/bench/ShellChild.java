package dev.stowage.app.bench;

import dev.stowage.app.StowageApp;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.PopupHandler;
import dev.stowage.app.shell.TabEngineInitializer;
import java.nio.file.Files;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Benchmark child: the Stowage shell, opened as the app opens it, with 1 and then 20 tabs of the URL in args[0]. */
public final class ShellChild {
    private ShellChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        var profile = Files.createTempDirectory("stowage-bench");
        BrowserWindow[] window = new BrowserWindow[1];
        Platform.startup(() -> {
            Stage stage = new Stage();
            window[0] = StowageApp.open(stage, new LaunchOptions(profile, false, List.of(url)),
                    TabEngineInitializer.NONE, PopupHandler.OPEN_IN_NEW_TAB);
            stage.show();
        });
        BenchChild.await(() -> allLoaded(window[0], 1));
        System.out.println("LOADED");
        System.out.flush();
        BenchChild.reportRss("RSS1");
        Platform.runLater(() -> {
            for (int i = 1; i < BenchChild.TABS; i++) {
                window[0].openTab(url, false);
            }
        });
        BenchChild.await(() -> allLoaded(window[0], BenchChild.TABS));
        BenchChild.reportRss("RSS20");
        Platform.exit();
    }

    private static boolean allLoaded(BrowserWindow window, int tabs) {
        var list = window.model().tabs();
        return list.size() == tabs && list.stream().allMatch(t -> !t.loadingProperty().get()
                && !t.titleProperty().get().isEmpty());
    }
}
