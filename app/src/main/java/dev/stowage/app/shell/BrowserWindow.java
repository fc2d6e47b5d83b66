package dev.stowage.app.shell;

import dev.stowage.session.TabState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.scene.layout.StackPane;
import javafx.scene.web.WebEngine;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * One browser window: tab strip, navigation bar, progress bar, page area and status line on a
 * {@link Stage}, driven by a {@link WindowModel}.
 *
 * <p>Owns its {@link BrowserTab}s: creates them (running the {@link TabEngineInitializer} before anything
 * loads and installing the {@link PopupHandler}), and closes them by unloading their page first. Closing
 * the last tab closes the window; closing the window unloads every tab, then hides the stage (which lets
 * JavaFX exit when it was the last window). Everything here runs on the JavaFX application thread.
 */
public final class BrowserWindow implements TabActions, PopupHandler.TabOpener {
    private final Stage stage;
    private final WindowModel model = new WindowModel();
    private final WindowTabs tabs;
    private final TabStripView strip;
    /** The other window whose strip shows where the tab dragged off this one would go; or null. */
    private BrowserWindow markedForDrop;
    private final TabEngineInitializer initializer;
    private final FaviconLoader favicons = new FaviconLoader();
    private final StackPane pageArea = new StackPane();
    private final ZoomKeeper zoom;
    private final PanelDock dock = new PanelDock();
    private final NavigationBar navigation;
    private final NewTabRouter newTabs;
    private final ClosedTabs closedTabs;
    private boolean closing;
    private WindowSession session = WindowSession.NONE;
    private final WindowServices services;

    /**
     * Builds the window's scene on {@code stage} (it does not show it).
     *
     * @param webDataDir   where WebView keeps its own data (cookies' and local storage's folder); null for WebView's default
     * @param initializer  runs for every new tab before its first load
     * @param popupHandler decides where pages' popups go
     * @param clonePolicy  which tabs opened from a page copy its tab's storage: the run's, which the menu sets
     * @param closedTabLimit how many closed tabs Ctrl+Shift+T can bring back (each keeps its storage)
     * @param siteZooms    the zoom of each site, shared by the profile's windows
     */
    public BrowserWindow(Stage stage, Path webDataDir, TabEngineInitializer initializer, PopupHandler popupHandler,
                         ObjectProperty<ClonePolicy> clonePolicy, int closedTabLimit, SiteZooms siteZooms) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.newTabs = new NewTabRouter(this, clonePolicy);
        this.closedTabs = new ClosedTabs(closedTabLimit, initializer::releaseKept);
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        TabFactory pages = new TabFactory(webDataDir, initializer, popupHandler, this, newTabs, favicons, () -> session.changed(),
                url -> services().clearSessionStorage(url));
        this.navigation = new NavigationBar(model, () -> withSelected(BrowserTab::back),
                () -> withSelected(BrowserTab::forward), () -> withSelected(BrowserTab::reload),
                () -> withSelected(BrowserTab::stop), this::navigateSelected, url -> services().clearSessionStorage(url));
        this.services = new WindowServices(stage, navigation, pages);
        this.tabs = new WindowTabs(model, pages, initializer, pageArea);
        this.zoom = new ZoomKeeper(model, tabs::live, siteZooms);
        navigation.showZoom(zoom::reset);

        model.selectedProperty().addListener((obs, old, tab) -> {
            BrowserTab selectedTab = tab == null ? null : tabs.awake(tab);
            tabs.show(tab);
            if (selectedTab != null) {
                selectedTab.loadIfDeferred(); // a restored background tab loads when first selected
            }
        });
        this.strip = new TabStripView(model, this);
        stage.setScene(WindowChrome.assemble(this, strip, navigation, pageArea, dock, zoom, tabs::live, clonePolicy));
        WindowChrome.follow(stage, model, () -> session.changed());
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            e.consume();
            close();
        });
    }

    /** The panel docked beside the pages (the storage inspector), which F12 and Ctrl+Shift+I show and hide. */
    public PanelDock dock() {
        return dock;
    }

    /** The id of the storage namespace of {@code tabModel}'s tab, open or dormant; empty when it has none. */
    public Optional<String> namespaceIdOf(TabModel tabModel) {
        return tabs.namespaceIdOf(tabModel);
    }

    /** The model this window shows; read it on the FX thread. */
    public WindowModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    /** What the app plugs into this window: clearing site data, downloads. */
    public WindowServices services() {
        return services;
    }

    /** See {@link TabEngineInitializer#flushPages()}. */
    public void flushPages() {
        initializer.flushPages();
    }

    /** Takes off the closed-tab list the entries {@code which} picks, letting their storage go. */
    public void forgetClosed(java.util.function.Predicate<TabState> which) {
        closedTabs.forget(which);
        session.changed();
    }

    /** Makes {@code session} the keeper of this window's session (FX thread). */
    public void setSession(WindowSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * The window as the session keeps it: its tabs in strip order with their history, title, icon, zoom and
     * storage namespace, the selected tab, the closed-tab list and the bounds. Cheap: no I/O, no page call.
     */
    public dev.stowage.session.WindowState captureState() {
        if (closing) {
            tabs.allLive().forEach(BrowserTab::recordScroll); // once, at quit; too costly for every save
        }
        return WindowRestore.capture(stage, tabs.states(), model.selectedIndex(), closedTabs.entries());
    }

    /** Opens {@code saved}'s tabs after any open ones (see {@link WindowRestore}); its namespaces must be restored. */
    public void restore(dev.stowage.session.WindowState saved) {
        WindowRestore.restore(this, saved);
    }

    /** Puts {@code closed} on the closed-tab list as its most recent entry. */
    void rememberClosed(TabState closed) {
        closedTabs.push(closed);
    }

    /**
     * The window is closing for good with the session saved: every open tab's namespace is kept (persisted,
     * not deleted) once its page has unloaded, for the keeper's last save. Returns the ids kept.
     */
    public List<String> keepOpenTabsForSession() {
        List<String> kept = new ArrayList<>();
        for (BrowserTab tab : tabs.allLive()) {
            initializer.keepForReopen(tab).ifPresent(kept::add);
        }
        return kept;
    }

    /** Lets go of what {@link #keepOpenTabsForSession()} or a closed entry kept under {@code id}. */
    public void releaseKept(String id) {
        initializer.releaseKept(id);
    }

    /** Opens another window of this profile (Ctrl+N): the session keeper makes and keeps it. */
    void openNewWindow() {
        session.newWindowRequested(this);
    }

    /** Opens a private window (Ctrl+Shift+N): a process of its own, whose cookies and storage are its own. */
    void openPrivateWindow() {
        session.privateWindowRequested(this);
    }

    /** Quits (Ctrl+Shift+Q): the session keeper saves and closes every window. */
    void quit() {
        session.quitRequested(this);
    }

    /** The live tab behind {@code model}; null once it closed, or while it is dormant ({@link DormantTabs}). */
    public BrowserTab tab(TabModel model) {
        return tabs.live(model);
    }

    /**
     * Adds a restored background tab at {@code index} that shows {@code saved}'s title, address and icon
     * but makes no page until it is first selected (or duplicated, or reloaded); its namespace, if any, must
     * be in the storage service, restored.
     */
    void openDormant(TabState saved, int index) {
        tabs.openDormant(saved, index);
    }

    /** Opens a tab with empty storage at the end of the strip loading {@code url} (none: a new-tab page). */
    public BrowserTab openTab(String url, boolean select) {
        return openTab(TabOpening.fresh(url, model.tabs().size(), select));
    }

    @Override
    public WebEngine openPopup(BrowserTab opener) {
        return newTabs.openPopup(opener);
    }

    /**
     * The one way a tab is made: every other way of opening one (new tab, command line, popup, background
     * link, duplicate) comes here with the reason its storage starts as it does.
     */
    BrowserTab openTab(TabOpening opening) {
        return tabs.open(opening);
    }

    /** Whether the window is closing: its tabs open no more tabs, and it takes none. */
    public boolean isClosing() {
        return closing;
    }

    /** Closes every tab (unloading each page), then the stage. Idempotent. */
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        session.closing(this);
        closedTabs.releaseAll(); // the session keeper took what it saves of them in closing()
        List<BrowserTab> open = tabs.allLive();
        int[] left = {open.size()};
        Runnable oneDone = () -> {
            if (--left[0] <= 0) {
                closed();
            }
        };
        if (open.isEmpty()) {
            oneDone.run();
        }
        for (BrowserTab tab : open) {
            tab.unload(oneDone);
        }
    }

    @Override
    public void select(TabModel tab) {
        model.select(tab);
    }

    @Override
    public void newTab() {
        openTab(null, true);
        navigation.focusAddress();
    }

    @Override
    public void close(TabModel tabModel) {
        // While the window closes, every tab is already unloading; a second unload would race it.
        if (closing) {
            return;
        }
        if (!tabs.contains(tabModel)) {
            return;
        }
        if (model.tabs().size() == 1) {
            close(); // closing the last tab closes the window, which the session keeps with this tab
            return;
        }
        tabs.takeOut(tabModel, closedTabs::remember, state -> { });
    }

    private void closed() {
        favicons.close();
        dock.close();
        stage.hide();
        session.closed(this);
    }

    @Override
    public void closeOthers(TabModel tab) {
        model.tabsOtherThan(tab).forEach(this::close);
    }

    @Override
    public void closeRightOf(TabModel tab) {
        model.tabsRightOf(tab).forEach(this::close);
    }

    @Override
    public void reload(TabModel tab) {
        BrowserTab browserTab = tabs.awake(tab);
        if (browserTab != null && !browserTab.loadIfDeferred()) {
            browserTab.reload();
        }
    }

    @Override
    public void duplicate(TabModel tabModel) {
        BrowserTab tab = tabs.awake(tabModel);
        if (tab != null) {
            newTabs.duplicate(tab);
        }
    }

    @Override
    public void moveToNewWindow(TabModel tabModel) {
        if (closing || model.tabs().size() < 2 || !model.tabs().contains(tabModel)) {
            return;
        }
        // Its pagehide writes land before the other window reads its storage.
        tabs.takeOut(tabModel, state -> session.tabLeaving(this, state), state -> session.moveToNewWindow(this, state));
    }

    @Override
    public void moveTab(TabModel tabModel, int index) {
        int to = Math.max(0, Math.min(index, model.tabs().size() - 1));
        if (!closing && model.tabs().contains(tabModel) && model.tabs().indexOf(tabModel) != to) {
            model.move(tabModel, to);
        }
    }

    /**
     * A tab dragged off the strip: it leaves as a moved tab does. The window's only tab leaves only for
     * another window's strip, and then the window, empty, closes; its closed tabs go to that window's list.
     */
    @Override
    public void dropTab(TabModel tabModel, double screenX, double screenY) {
        if (closing || !model.tabs().contains(tabModel)) {
            return;
        }
        Optional<BrowserWindow> onto = session.windowWithStripAt(this, screenX, screenY);
        boolean onlyTab = model.tabs().size() == 1;
        if (onlyTab && onto.isEmpty()) {
            return; // nothing to come off: a new window would be this one again
        }
        tabs.takeOut(tabModel, state -> session.tabLeaving(this, state),
                state -> session.tabDropped(this, state, screenX, screenY));
        if (onlyTab) {
            List<TabState> closedHere = closedTabs.takeAll();
            for (int i = closedHere.size() - 1; i >= 0; i--) {
                onto.get().rememberClosed(closedHere.get(i)); // their kept storage goes with them
            }
            close();
        }
    }

    @Override
    public void dragOver(TabModel tabModel, double screenX, double screenY) {
        Optional<BrowserWindow> over = Double.isNaN(screenX) ? Optional.empty()
                : session.windowWithStripAt(this, screenX, screenY);
        if (markedForDrop != null && markedForDrop != over.orElse(null)) {
            markedForDrop.strip.markDrop(java.util.OptionalInt.empty());
        }
        markedForDrop = over.orElse(null);
        over.ifPresent(w -> w.strip.markDrop(w.stripIndexAt(screenX, screenY)));
    }

    /** Where in this window's strip a tab let go at ({@code screenX}, {@code screenY}) goes; empty when not over it. */
    public java.util.OptionalInt stripIndexAt(double screenX, double screenY) {
        return strip.dropIndexAt(screenX, screenY);
    }

    /** Opens {@code state} here as a selected tab, its namespace (kept, persisted) taken up again: a moved tab. */
    public void adopt(TabState state) {
        adopt(state, model.tabs().size());
    }

    /** Opens {@code state} at {@code index} in the strip, selected: a tab dragged onto this window's strip. */
    public void adopt(TabState state, int index) {
        WindowRestore.reopen(this, state.withPosition(index));
    }

    @Override
    public void reopenClosed() {
        closedTabs.pop().ifPresent(closed -> WindowRestore.reopen(this, closed));
    }

    @Override
    public List<TabState> recentlyClosed() {
        return closedTabs.entries();
    }

    @Override
    public void reopenClosed(TabState closed) {
        closedTabs.take(closed).ifPresent(entry -> WindowRestore.reopen(this, entry));
    }

    @Override
    public boolean canReopenClosed() {
        return !closedTabs.isEmpty();
    }

    private void navigateSelected(String typed, String url) {
        BrowserTab tab = tabs.live(model.selected());
        if (tab != null) {
            tab.loadTyped(typed, url);
            tab.webView().requestFocus();
        }
    }

    void withSelected(java.util.function.Consumer<BrowserTab> action) {
        BrowserTab tab = tabs.live(model.selected());
        if (tab != null) {
            action.accept(tab);
        }
    }
}
