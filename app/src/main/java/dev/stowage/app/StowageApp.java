package dev.stowage.app;

import dev.stowage.app.cli.CommandLine;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.cli.UsageException;
import dev.stowage.app.page.InjectionSelfTest;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.PopupHandler;
import dev.stowage.app.shell.TabEngineInitializer;
import dev.stowage.storage.SessionStorageService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link BrowserWindow} with a tab per command-line URL, the first selected,
 * or one new-tab page. The command line was validated by {@link Launcher}; it is parsed again here because
 * JavaFX only hands an Application its raw arguments.
 */
public final class StowageApp extends Application {
    private static final System.Logger LOG = System.getLogger(StowageApp.class.getName());

    @Override
    public void start(Stage stage) throws UsageException {
        LaunchOptions options = new CommandLine().parse(getParameters().getRaw().toArray(String[]::new));
        BrowserWindow window = openWithSessionStorage(stage, options);
        window.stage().show();
        selfTest(window);
    }

    /**
     * The real shell: {@link #open} with every tab given its own sessionStorage namespace through the page
     * bridge. FX thread only.
     */
    public static BrowserWindow openWithSessionStorage(Stage stage, LaunchOptions options) {
        return openWithSessionStorage(stage, options, new SessionStorageService());
    }

    /** {@link #openWithSessionStorage(Stage, LaunchOptions)} with the tabs' namespaces in {@code storage}. */
    public static BrowserWindow openWithSessionStorage(Stage stage, LaunchOptions options, SessionStorageService storage) {
        return openWithSessionStorage(stage, options, storage, PopupHandler.OPEN_IN_NEW_TAB);
    }

    /** {@link #openWithSessionStorage(Stage, LaunchOptions, SessionStorageService)} with its own popup handler. */
    public static BrowserWindow openWithSessionStorage(Stage stage, LaunchOptions options, SessionStorageService storage,
                                                       PopupHandler popups) {
        // The window does not exist before its tabs' initializer is needed, so the initializer reaches
        // the window's model through a holder filled in right after construction.
        BrowserWindow[] holder = new BrowserWindow[1];
        TabEngineInitializer perTab = new TabStorages(storage, message -> holder[0].model().warn(message));
        BrowserWindow window = new BrowserWindow(stage, webDataDir(options), perTab, popups, options.clonePolicy());
        holder[0] = window;
        openTabs(window, options);
        return window;
    }

    /**
     * Proves, once per start, that pages really get the shell's sessionStorage; if not, the window says so.
     * Runs in the background of the FX thread (it loads a page in a hidden engine).
     */
    private static void selfTest(BrowserWindow window) {
        InjectionSelfTest.run(Duration.ofSeconds(20)).thenAccept(result -> {
            if (!result.passed()) {
                LOG.log(System.Logger.Level.ERROR, "sessionStorage self-test failed: {0}", result.message());
                window.model().warn("Stowage could not install its sessionStorage; pages will not get it. "
                        + result.message());
            }
        });
    }

    /**
     * Builds the window {@code options} ask for on {@code stage} (not yet shown). Shared by the app and its
     * benchmarks so both measure the same start-up. FX thread only.
     */
    public static BrowserWindow open(Stage stage, LaunchOptions options, TabEngineInitializer initializer,
                                     PopupHandler popups) {
        BrowserWindow window = new BrowserWindow(stage, webDataDir(options), initializer, popups, options.clonePolicy());
        openTabs(window, options);
        return window;
    }

    private static void openTabs(BrowserWindow window, LaunchOptions options) {
        if (options.urls().isEmpty()) {
            window.newTab();
        }
        for (int i = 0; i < options.urls().size(); i++) {
            window.openTab(options.urls().get(i), i == 0);
        }
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
