package dev.stowage.app.testing;


import dev.stowage.app.StowageApp;
import dev.stowage.app.cli.LaunchOptions;
import dev.stowage.app.shell.BrowserTab;
import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.ClonePolicy;
import dev.stowage.app.shell.PopupHandler;
import dev.stowage.app.shell.TabEngineInitializer;
import dev.stowage.app.shell.TabModel;
import dev.stowage.storage.SessionStorageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import dev.stowage.app.session.RestoringShell;
import dev.stowage.app.session.SessionKeeper;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Base of the shell's UI tests: one JavaFX toolkit per JVM (Monocle, headless), a local HTTP server, and a
 * {@link BrowserWindow} opened the way the launcher opens it. All FX threading lives here: tests drive the
 * window through {@link #robot} (real key presses and clicks) and read state through {@link #fx}, which
 * runs on the FX thread because WebEngine and the models may only be touched there.
 */
public abstract class ShellTestBase extends KitTestBase {
    /** The platform shortcut key, as the shell binds it. */
    protected static final KeyCode SHORTCUT =
            System.getProperty("os.name", "").toLowerCase().startsWith("mac") ? KeyCode.META : KeyCode.CONTROL;
    private static final long TIMEOUT_MS = 10_000;

    private static Path profile;

    protected final FxRobot robot = new FxRobot();
    protected BrowserWindow window;

    @BeforeAll
    static void createProfile() throws Exception {
        profile = Files.createTempDirectory("stowage-test-profile");
    }

    @AfterEach
    protected void closeWindow() {
        if (window != null) {
            fx(() -> {
                // Menus left open by a failed test would swallow the next test's clicks.
                for (Window w : List.copyOf(Window.getWindows())) {
                    if (w != window.stage() && !(w instanceof Stage)) {
                        w.hide();
                    }
                }
                window.close();
                return null;
            });
            waitUntil("window closed", () -> !window.stage().isShowing());
        }
    }

    /** Opens the shell as {@code java -jar stowage.jar URL...} would, and waits until every tab has loaded. */
    protected BrowserWindow launch(String... urls) {
        return launch(TabEngineInitializer.NONE, PopupHandler.OPEN_IN_NEW_TAB, urls);
    }

    protected BrowserWindow launch(TabEngineInitializer initializer, PopupHandler popups, String... urls) {
        return launch(stage -> StowageApp.open(stage, new LaunchOptions(profile, false, List.of(urls)), initializer, popups));
    }

    /** Opens the real shell, every tab with its own namespace in {@code storage}, as the app does. */
    protected BrowserWindow launchWithSessionStorage(SessionStorageService storage, String... urls) {
        return launchWithSessionStorage(storage, ClonePolicy.LINKS, urls);
    }

    /** The real shell with storage, whose popups go to {@code popups} instead of the shell's own handler. */
    protected BrowserWindow launchWithSessionStorage(SessionStorageService storage, PopupHandler popups, String... urls) {
        LaunchOptions options = new LaunchOptions(profile, false, List.of(urls));
        return launch(stage -> StowageApp.openWithSessionStorage(stage, options, storage, popups));
    }

    /** {@link #launchWithSessionStorage(SessionStorageService, String...)} as {@code --clone-policy=policy} would. */
    protected BrowserWindow launchWithSessionStorage(SessionStorageService storage, ClonePolicy policy, String... urls) {
        LaunchOptions options = new LaunchOptions(profile, false, List.of(urls)).withClonePolicy(policy);
        return launch(stage -> StowageApp.openWithSessionStorage(stage, options, storage));
    }

    /** The real shell with storage, as {@code --download-dir folder} would. */
    protected BrowserWindow launchDownloadingInto(java.nio.file.Path folder, String... urls) {
        LaunchOptions options = new LaunchOptions(profile, false, List.of(urls)).withDownloadDir(folder);
        return launch(stage -> StowageApp.openWithSessionStorage(stage, options, new SessionStorageService()));
    }

    /**
     * Starts the shell over {@code options}' profile the way the app does: the saved session read (here, off
     * the FX thread), restored unless {@code --no-restore}, and kept from now on. {@code exited} completes
     * once the last window closed and the session was saved, where the app would end the toolkit.
     */
    protected SessionKeeper launchRestoring(LaunchOptions options, SessionStorageService storage,
                                            CompletableFuture<Void> exited) {
        return launchRestoring(options, storage, dev.stowage.app.shell.SiteZooms.inMemory(), exited);
    }

    /** {@link #launchRestoring(LaunchOptions, SessionStorageService, CompletableFuture)} with the profile's zooms. */
    protected SessionKeeper launchRestoring(LaunchOptions options, SessionStorageService storage,
                                            dev.stowage.app.shell.SiteZooms zooms, CompletableFuture<Void> exited) {
        RestoringShell.Loaded loaded = RestoringShell.load(options);
        SessionKeeper[] keeper = new SessionKeeper[1];
        launch(stage -> {
            BrowserWindow[] opened = new BrowserWindow[1];
            keeper[0] = RestoringShell.open(options, loaded, storage, opts -> {
                BrowserWindow made = StowageApp.newWindow(opened[0] == null ? stage : new Stage(), opts, storage,
                        PopupHandler.OPEN_IN_NEW_TAB, zooms);
                if (opened[0] == null) {
                    opened[0] = made;
                }
                return made;
            }, Platform::runLater, () -> exited.complete(null));
            keeper[0].windows().stream().filter(w -> w != opened[0]).forEach(w -> w.stage().show());
            return opened[0];
        });
        return keeper[0];
    }

    private BrowserWindow launch(Function<Stage, BrowserWindow> opener) {
        window = fx(() -> {
            Stage stage = new Stage();
            BrowserWindow w = opener.apply(stage);
            stage.show();
            stage.toFront();
            return w;
        });
        waitForAllLoaded();
        return window;
    }

    /** Closes the window of a {@link #launchRestoring} start and waits for its session's last save and exit. */
    protected void closeAndWaitForExit(java.util.concurrent.CompletableFuture<Void> exited) throws Exception {
        fx(() -> {
            window.close();
            return null;
        });
        exited.get(20, java.util.concurrent.TimeUnit.SECONDS);
        window = null;
    }

    /** Quits every window of {@code keeper} (Ctrl+Shift+Q's way) and waits for the last save and exit. */
    protected void quitAndWait(SessionKeeper keeper, CompletableFuture<Void> exited) throws Exception {
        fx(() -> {
            keeper.quit();
            return null;
        });
        exited.get(20, java.util.concurrent.TimeUnit.SECONDS);
        window = null;
    }

    /** Waits until {@code w}'s selected tab shows {@code url}, loaded. */
    protected static void waitForPage(BrowserWindow w, String url) {
        waitUntil("the page " + url, () -> selectedOf(w) != null && !selectedOf(w).model().loadingProperty().get()
                && url.equals(selectedOf(w).model().urlProperty().get()));
    }

    /** Selects {@code tab} and takes it to {@code url}, waiting until it loaded with its first page behind it. */
    protected void selectAndGoOn(BrowserTab tab, String url) {
        fx(() -> {
            window.model().select(tab.model());
            tab.load(url);
            return null;
        });
        waitUntil("the tab's second page", () -> url.equals(tab.model().urlProperty().get())
                && !tab.model().loadingProperty().get() && tab.model().canGoBackProperty().get());
    }

    /** The selected tab of {@code w}; null while it has none or it is dormant. */
    protected static BrowserTab selectedOf(BrowserWindow w) {
        return fx(() -> w.tab(w.model().selected()));
    }

    /** Runs {@code action} on the FX thread and returns its result; fails the test if it throws or hangs. */
    protected static <T> T fx(Callable<T> action) {
        try {
            // Readers like selected() are also used inside conditions that already run on the FX thread.
            return javafx.application.Platform.isFxApplicationThread() ? action.call()
                    : Fx.call(action, java.time.Duration.ofMillis(TIMEOUT_MS));
        } catch (Exception e) {
            throw new AssertionError("FX action failed", e);
        }
    }

    /** Polls {@code condition} on the FX thread until it holds; fails naming {@code what} after 10 s. */
    protected static void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(what, condition, TIMEOUT_MS);
    }

    /** {@link #waitUntil(String, Callable)} for something slower than 10 s, such as a second JVM's start. */
    protected static void waitUntil(String what, Callable<Boolean> condition, long timeoutMs) {
        Fx.waitUntil(what, condition, java.time.Duration.ofMillis(timeoutMs));
    }

    protected void waitForAllLoaded() {
        // Measured: right after engine.load() returns the worker is already RUNNING, so "not running" here
        // cannot mean "not started yet"; a new-tab page never loads and stays READY. A restored background
        // tab has no page (window.tab is null) until it is selected.
        waitUntil("all tabs loaded", () -> window.model().tabs().stream().allMatch(t -> !t.loadingProperty().get()
                && (window.tab(t) == null || !window.tab(t).engine().getLoadWorker().isRunning())));
    }

    // ---- reading state (FX thread) ----

    protected List<String> tabLabels() {
        return fx(() -> window.model().tabs().stream().map(t -> t.labelBinding().get()).toList());
    }

    protected List<String> tabUrls() {
        return fx(() -> window.model().tabs().stream().map(t -> t.urlProperty().get()).toList());
    }

    protected int selectedIndex() {
        return fx(() -> window.model().selectedIndex());
    }

    protected TabModel selected() {
        return fx(() -> window.model().selected());
    }

    protected BrowserTab selectedTab() {
        return fx(() -> window.tab(window.model().selected()));
    }

    protected String addressText() {
        return fx(() -> addressBar().getText());
    }

    protected Object script(BrowserTab tab, String js) {
        return fx(() -> dev.stowage.app.page.JsHandles.keep(tab.engine().executeScript(js)));
    }

    // ---- nodes ----

    protected TextField addressBar() {
        return lookup("#address-bar");
    }

    /** The header node of the tab at {@code index} in the strip. */
    protected Node tabHeader(int index) {
        TabModel tab = fx(() -> window.model().tabs().get(index));
        return lookup("#tab-" + tab.id());
    }

    @SuppressWarnings("unchecked")
    protected <T extends Node> T lookup(String query) {
        return (T) Objects.requireNonNull(robot.lookup(query).query(), query);
    }

    // ---- acting like a user ----

    /** Presses the platform shortcut key with {@code keys}, like Ctrl+T. */
    protected void shortcut(KeyCode... keys) {
        KeyCode[] all = new KeyCode[keys.length + 1];
        all[0] = SHORTCUT;
        System.arraycopy(keys, 0, all, 1, keys.length);
        robot.push(all);
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void keys(KeyCode... keys) {
        robot.push(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The centre of the element {@code id} of the selected tab's page, in screen coordinates. */
    protected javafx.geometry.Point2D elementOnScreen(String id) {
        return fx(() -> {
            BrowserTab tab = selectedTab();
            netscape.javascript.JSObject r = (netscape.javascript.JSObject) dev.stowage.app.page.JsHandles.keep(
                    tab.engine().executeScript("(function(){var r=document.getElementById('" + id + "').getBoundingClientRect();"
                            + "return {x: r.left + r.width / 2, y: r.top + r.height / 2};})()"));
            double x = ((Number) r.getMember("x")).doubleValue();
            double y = ((Number) r.getMember("y")).doubleValue();
            return tab.webView().localToScreen(x, y);
        });
    }

    /** Clicks into the selected page so the WebView has the keyboard focus. */
    protected void focusPage() {
        robot.clickOn(fx(() -> selectedTab().webView()));
        waitUntil("page focused", () -> selectedTab().webView().isFocused());
    }

    /** Focuses the address bar by clicking it, types {@code text} and presses Enter. */
    protected void typeAddress(String text) {
        robot.doubleClickOn(addressBar());
        shortcut(KeyCode.A);
        robot.write(text);
        keys(KeyCode.ENTER);
    }
}
