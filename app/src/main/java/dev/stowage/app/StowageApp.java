package dev.stowage.app;

import dev.stowage.app.cli.CommandLine;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.cli.UsageException;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.PopupHandler;
import dev.stowage.app.shell.TabEngineInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link BrowserWindow} with a tab per command-line URL, the first selected,
 * or one new-tab page. The command line was validated by {@link Launcher}; it is parsed again here because
 * JavaFX only hands an Application its raw arguments.
 */
public final class StowageApp extends Application {
    @Override
    public void start(Stage stage) throws UsageException {
        LaunchOptions options = new CommandLine().parse(getParameters().getRaw().toArray(String[]::new));
        open(stage, options, TabEngineInitializer.NONE, PopupHandler.OPEN_IN_NEW_TAB).stage().show();
    }

    /**
     * Builds the window {@code options} ask for on {@code stage} (not yet shown). Shared by the app and its
     * benchmarks so both measure the same start-up. FX thread only.
     */
    public static BrowserWindow open(Stage stage, LaunchOptions options, TabEngineInitializer initializer,
                                     PopupHandler popups) {
        BrowserWindow window = new BrowserWindow(stage, webDataDir(options), initializer, popups);
        if (options.urls().isEmpty()) {
            window.newTab();
        }
        for (int i = 0; i < options.urls().size(); i++) {
            window.openTab(options.urls().get(i), i == 0);
        }
        return window;
    }

    private static Path webDataDir(LaunchOptions options) {
        if (!options.privateWindow()) {
            return options.profileDir().resolve("webview");
        }
        try {
            // WebView insists on a folder; a private window gets a throwaway one.
            Path dir = Files.createTempDirectory("stowage-private-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
