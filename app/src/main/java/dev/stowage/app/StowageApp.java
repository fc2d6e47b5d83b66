package dev.stowage.app;

import dev.stowage.app.cli.CommandLine;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.cli.UsageException;
import dev.stowage.app.download.AppDownloads;
import dev.stowage.app.inspect.InspectorDock;
import dev.stowage.app.inspect.InspectorFiles;
import dev.stowage.app.page.InjectionSelfTest;
import dev.stowage.app.session.RestoringShell;
import dev.stowage.app.session.SessionKeeper;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.IdleCollection;
import dev.stowage.app.shell.PopupHandler;
import dev.stowage.app.shell.SiteZooms;
import dev.stowage.app.shell.TabEngineInitializer;
import dev.stowage.storage.SessionStorageService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link BrowserWindow} with the profile's saved session (unless
 * {@code --no-restore} or {@code --private}), then a tab per command-line URL, the first selected, or one
 * new-tab page. The command line was validated by {@link Launcher}; it is parsed again here because JavaFX
 * only hands an Application its raw arguments.
 *
 * <p><b>Quitting.</b> Closing the window, Ctrl+Shift+Q and SIGTERM all end the same way: the
 * {@link SessionKeeper} takes the window's last picture, every page unloads, the session and then the
 * cookies are saved, and only then does the toolkit end, and with it the JVM.
 */
public final class StowageApp extends Application {
    private static final System.Logger LOG = System.getLogger(StowageApp.class.getName());
    /** How long SIGTERM waits for the orderly quit (save, unload, stop WebKit) before the JVM goes anyway. */
    private static final long TERMINATE_WAIT_SECONDS = 20;

    /** The process's open windows, FX thread: what Clear browsing data reaches. */
    private static final List<BrowserWindow> OPEN_WINDOWS = new java.util.ArrayList<>();

    private LaunchOptions options;
    private RestoringShell.Loaded loaded;
    private ProfileCookies cookies;
    private ProfileZooms zooms;
    private ProfileSettings settings;
    private final List<String> cookieNotices = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile SessionKeeper keeper;
    private volatile Thread fxThread;

    /** Off the FX thread, before any window: reads the session and the cookies, and takes over SIGTERM. */
    @Override
    public void init() throws UsageException {
        options = new CommandLine().parse(getParameters().getRaw().toArray(String[]::new));
        loaded = RestoringShell.loaded(options); // the launcher started reading it before JavaFX
        cookies = ProfileCookies.install(options.profileDir(), options.privateWindow(), loaded.restores(options),
                cookieNotices::add);
        zooms = ProfileZooms.load(options.profileDir(), options.privateWindow(), cookieNotices::add);
        settings = ProfileSettings.load(options.profileDir(), options.privateWindow(),
                CommandLine.namesClonePolicy(getParameters().getRaw().toArray(String[]::new))
                        ? Optional.of(options.clonePolicy()) : Optional.empty(), cookieNotices::add);
        TerminationSignals.install(this::terminate);
    }

    @Override
    public void start(Stage stage) {
        fxThread = Thread.currentThread();
        IdleCollection.start();
        // The last window's close is not the end: the session is saved first, then the keeper exits.
        Platform.setImplicitExit(false);
        SessionStorageService storage = new SessionStorageService();
        BrowserWindow[] window = new BrowserWindow[1];
        keeper = RestoringShell.open(options, loaded, storage, opts -> {
            // The first window takes the primary stage; more windows (a saved session's, Ctrl+N) their own.
            BrowserWindow made = newWindow(window[0] == null ? stage : new Stage(), opts, storage,
                    PopupHandler.OPEN_IN_NEW_TAB, zooms.siteZooms(), settings.clonePolicy());
            if (window[0] == null) {
                window[0] = made;
            }
            return made;
        }, Platform::runLater, this::exit);
        cookieNotices.forEach(window[0].model()::warn);
        keeper.onPrivateWindow(() -> {
            try {
                PrivateWindows.start(options.withClonePolicy(settings.clonePolicy().get()), List.of());
            } catch (IOException e) {
                window[0].model().warn("Stowage could not open a private window: " + e.getMessage());
            }
        });
        keeper.windows().forEach(w -> w.stage().show());
        selfTest(window[0]);
    }

    /** The session is saved: save the cookies, then end the toolkit (which ends the JVM). FX thread. */
    private void exit() {
        // Async: saveNow completes on the cookie writer's own thread, and close() waits for that thread to
        // end, so closing there would wait out close()'s 10 s timeout at every quit.
        cookies.saveNow().orTimeout(10, TimeUnit.SECONDS).whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.ERROR, "cookies were not saved at exit", failure);
            }
            cookies.close();
            zooms.close();
            settings.close();
            try {
                AppDownloads.shutdownAll(Duration.ofSeconds(2)); // a cancelled download leaves no .part
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(Platform::exit);
        });
    }

    @Override
    public void stop() {
        stopped.countDown();
    }

    /**
     * SIGTERM, SIGINT or SIGHUP: quit the way the user does, so the session is saved and every page unloaded,
     * and wait until the FX thread has ended, so the JVM does not halt while WebKit still paints or fires
     * timers (which crashed it in libjfxwebkit). Runs on the signal's thread, instead of the JVM's shutdown:
     * the toolkit's own shutdown hook would dispose the graphics pipeline under the FX thread's feet.
     */
    private void terminate() {
        SessionKeeper current = keeper;
        if (current == null) {
            System.exit(TerminationSignals.EXIT_CODE); // not started yet: nothing of WebKit runs
            return;
        }
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            Platform.runLater(current::quit);
            if (!stopped.await(TERMINATE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.ERROR, "the orderly quit did not finish in time");
                return;
            }
            Thread fx = fxThread;
            if (fx != null) {
                fx.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (IllegalStateException toolkitGone) {
            // The toolkit already ended: nothing of WebKit runs any more.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(TerminationSignals.EXIT_CODE);
    }

    /**
     * An empty window whose every tab gets its own sessionStorage namespace in {@code storage} through the
     * page bridge. FX thread only.
     */
    public static BrowserWindow newWindow(Stage stage, LaunchOptions options, SessionStorageService storage,
                                          PopupHandler popups) {
        return newWindow(stage, options, storage, popups, SiteZooms.inMemory());
    }

    /** {@link #newWindow(Stage, LaunchOptions, SessionStorageService, PopupHandler)} with the profile's zooms. */
    public static BrowserWindow newWindow(Stage stage, LaunchOptions options, SessionStorageService storage,
                                          PopupHandler popups, SiteZooms zooms) {
        return newWindow(stage, options, storage, popups, zooms,
                new javafx.beans.property.SimpleObjectProperty<>(options.clonePolicy()));
    }

    /** {@link #newWindow(Stage, LaunchOptions, SessionStorageService, PopupHandler, SiteZooms)} with the run's clone policy. */
    public static BrowserWindow newWindow(Stage stage, LaunchOptions options, SessionStorageService storage,
                                          PopupHandler popups, SiteZooms zooms,
                                          javafx.beans.property.ObjectProperty<dev.stowage.app.shell.ClonePolicy> clonePolicy) {
        // The window does not exist before its tabs' initializer is needed, so the initializer reaches
        // the window's model through a holder filled in right after construction.
        BrowserWindow[] holder = new BrowserWindow[1];
        TabEngineInitializer perTab = new TabStorages(storage, message -> holder[0].model().warn(message));
        holder[0] = new BrowserWindow(stage, webDataDir(options), perTab, popups, clonePolicy,
                options.closedTabs(), zooms);
        holder[0].model().privateWindowProperty().set(options.privateWindow());
        InspectorDock.install(holder[0], storage, InspectorFiles.DIALOGS);
        // Clearing data reaches every open window of the process (they share the storage and the cookies).
        OPEN_WINDOWS.add(holder[0]);
        stage.showingProperty().addListener((obs, was, showing) -> {
            if (!showing) {
                OPEN_WINDOWS.remove(holder[0]);
            }
        });
        holder[0].services().setSiteData(new ProfileSiteData(new BrowsingData(storage, () -> List.copyOf(OPEN_WINDOWS)), holder[0]));
        holder[0].services().setDownloads(AppDownloads.forFolder(options.downloadDir()));
        return holder[0];
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
        BrowserWindow window = newWindow(stage, options, storage, popups);
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
        BrowserWindow window = new BrowserWindow(stage, webDataDir(options), initializer, popups,
                new javafx.beans.property.SimpleObjectProperty<>(options.clonePolicy()), options.closedTabs(),
                SiteZooms.inMemory());
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
