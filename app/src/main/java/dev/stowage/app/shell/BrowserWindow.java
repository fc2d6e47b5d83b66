package dev.stowage.app.shell;

import dev.stowage.session.ClosedTabStack;
import dev.stowage.session.TabState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javafx.scene.Scene;
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
    private final Map<TabModel, BrowserTab> tabs = new HashMap<>();
    private final TabEngineInitializer initializer;
    private final PopupHandler popupHandler;
    private final Path webDataDir;
    private final FaviconLoader favicons = new FaviconLoader();
    private final StackPane pages = new StackPane();
    private final NavigationBar navigation;
    private final NewTabRouter newTabs;
    private final ClosedTabs closedTabs;
    private boolean closing;
    private WindowSession session = WindowSession.NONE;

    /**
     * Builds the window's scene on {@code stage} (it does not show it).
     *
     * @param webDataDir   where WebView keeps its own data (cookies' and local storage's folder); null for WebView's default
     * @param initializer  runs for every new tab before its first load
     * @param popupHandler decides where pages' popups go
     * @param clonePolicy  which tabs opened from a page start with a copy of its tab's storage
     */
    public BrowserWindow(Stage stage, Path webDataDir, TabEngineInitializer initializer, PopupHandler popupHandler,
                         ClonePolicy clonePolicy) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.newTabs = new NewTabRouter(this, clonePolicy);
        this.closedTabs = new ClosedTabs(ClosedTabStack.DEFAULT_CAPACITY, initializer::releaseKept);
        this.webDataDir = webDataDir;
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.popupHandler = Objects.requireNonNull(popupHandler, "popupHandler");
        this.navigation = new NavigationBar(model, () -> withSelected(BrowserTab::back),
                () -> withSelected(BrowserTab::forward), () -> withSelected(BrowserTab::reload),
                () -> withSelected(BrowserTab::stop), this::navigateSelected);

        model.selectedProperty().addListener((obs, old, tab) -> {
            showPage(tab);
            BrowserTab selectedTab = tabs.get(tab);
            if (selectedTab != null) {
                selectedTab.loadIfDeferred(); // a restored background tab loads when first selected
            }
        });
        Scene scene = WindowChrome.scene(model, new TabStripView(model, this), navigation, pages);
        WindowShortcuts.of(this, navigation).install(scene);
        stage.setScene(scene);
        stage.setTitle("Stowage");
        model.selectedProperty().addListener((obs, old, tab) -> {
            stage.titleProperty().unbind();
            if (tab != null) {
                stage.titleProperty().bind(tab.labelBinding().concat(" - Stowage"));
            }
        });
        Runnable changed = () -> session.changed();
        model.tabs().addListener((javafx.collections.ListChangeListener<TabModel>) c -> changed.run());
        model.selectedProperty().addListener(o -> changed.run());
        List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty())
                .forEach(p -> p.addListener(o -> changed.run()));
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            e.consume();
            close();
        });
    }

    /** The model this window shows; read it on the FX thread. */
    public WindowModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
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
            tabs.values().forEach(BrowserTab::recordScroll); // once, at quit; too costly for every save
        }
        List<BrowserTab> open = new ArrayList<>();
        for (TabModel tabModel : model.tabs()) {
            BrowserTab tab = tabs.get(tabModel);
            if (tab != null) {
                open.add(tab);
            }
        }
        return WindowRestore.capture(stage, open, model.selectedIndex(), closedTabs.entries(), initializer::namespaceOf);
    }

    /**
     * Opens {@code saved}'s tabs after any open ones, each reattaching its storage namespace (which the
     * storage service must hold, restored and persisted); the selected one loads now, the others when
     * first selected. Its closed tabs join this window's list, and the stage takes its bounds.
     */
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
        for (BrowserTab tab : tabs.values()) {
            initializer.keepForReopen(tab).ifPresent(kept::add);
        }
        return kept;
    }

    /** Lets go of what {@link #keepOpenTabsForSession()} or a closed entry kept under {@code id}. */
    public void releaseKept(String id) {
        initializer.releaseKept(id);
    }

    /** Quits (Ctrl+Shift+Q): the session keeper saves and closes every window. */
    void quit() {
        session.quitRequested(this);
    }

    /** The live tab behind {@code model}, or null once it closed. */
    public BrowserTab tab(TabModel model) {
        return tabs.get(model);
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
        TabModel tabModel = new TabModel(newTabId());
        BrowserTab opener = opening.opener();
        String group = opening.related() ? opener.group() : tabModel.id();
        BrowserTab tab = new BrowserTab(tabModel, opener == null ? null : opener.id(), opening.name(), group,
                opening.withoutOpener(), favicons);
        if (webDataDir != null) {
            tab.engine().setUserDataDirectory(webDataDir.toFile());
        }
        new PageContextMenu(tab, (link, optedOut) -> newTabs.openInBackground(tab, link, optedOut)).install();
        LinkClicks.install(tab, (link, optedOut) -> newTabs.openInBackground(tab, link, optedOut));
        tab.engine().setCreatePopupHandler(features -> popupHandler.createPopup(tab, features, this));
        initializer.initialize(tab.engine(), tab, opening.start());
        tabs.put(tabModel, tab);
        List.of(tabModel.urlProperty(), tabModel.titleProperty(), tabModel.faviconDataProperty(), tab.webView().zoomProperty())
                .forEach(p -> p.addListener(o -> session.changed()));
        model.add(tabModel, opening.index(), opening.select());
        if (opening.url() != null) {
            tab.load(opening.url());
        }
        return tab;
    }

    /**
     * A random 128-bit id in UUID form. Not {@link UUID#randomUUID()}: tab ids are not secrets, and
     * SecureRandom's start-up sits on the way to the first page.
     */
    private static String newTabId() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /**
     * The open tab, other than {@code asking}, that a page named {@code name} when it opened it, among the
     * tabs of {@code asking}'s group (a page may find by name only the tabs related to its own, as in the
     * Standard: a tab opened with noopener, or by the user, starts a group of its own); or null.
     */
    BrowserTab tabNamed(String name, BrowserTab asking) {
        for (TabModel tabModel : model.tabs()) {
            BrowserTab tab = tabs.get(tabModel);
            if (tab != null && tab != asking && tab.isOpen() && tab.group().equals(asking.group())
                    && tab.name().filter(name::equals).isPresent()) {
                return tab;
            }
        }
        return null;
    }

    /** Whether the window is closing: its tabs open no more tabs. */
    boolean isClosing() {
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
        List<BrowserTab> open = new ArrayList<>(tabs.values());
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
        if (!tabs.containsKey(tabModel)) {
            return;
        }
        if (model.tabs().size() == 1) {
            close(); // closing the last tab closes the window, which the session keeps with this tab
            return;
        }
        BrowserTab tab = tabs.remove(tabModel);
        remember(tab, model.tabs().indexOf(tabModel));
        model.remove(tabModel);
        pages.getChildren().remove(tab.webView());
        tab.unload(() -> { });
    }

    private void closed() {
        favicons.close();
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
        BrowserTab browserTab = tabs.get(tab);
        if (browserTab != null) {
            browserTab.reload();
        }
    }

    @Override
    public void duplicate(TabModel tabModel) {
        BrowserTab tab = tabs.get(tabModel);
        if (tab != null) {
            newTabs.duplicate(tab);
        }
    }

    @Override
    public void reopenClosed() {
        closedTabs.pop().ifPresent(this::reopen);
    }

    @Override
    public List<TabState> recentlyClosed() {
        return closedTabs.entries();
    }

    @Override
    public void reopenClosed(TabState closed) {
        closedTabs.take(closed).ifPresent(this::reopen);
    }

    /** Opens a closed tab again where it was, with its kept storage and its history. */
    private void reopen(TabState closed) {
        TabStart start = closed.namespaceId().isEmpty() ? TabStart.FRESH : new TabStart.Reattach(closed.namespaceId());
        BrowserTab tab = openTab(new TabOpening(null, closed.position(), true, null, start, null, false, false));
        tab.setZoom(closed.zoom());
        tab.restoreHistory(closed.history(), closed.historyIndex());
    }

    @Override
    public boolean canReopenClosed() {
        return !closedTabs.isEmpty();
    }

    /** Puts a closing tab on the closed-tab list, its storage kept for reopening. */
    private void remember(BrowserTab tab, int position) {
        tab.recordScroll();
        TabState state = WindowRestore.stateOf(tab, position, "");
        if (!WindowRestore.isBlank(state)) {
            closedTabs.push(state.withNamespace(initializer.keepForReopen(tab).orElse("")));
        }
    }

    private void navigateSelected(String typed, String url) {
        BrowserTab tab = tabs.get(model.selected());
        if (tab != null) {
            tab.loadTyped(typed, url);
            tab.webView().requestFocus();
        }
    }

    void withSelected(java.util.function.Consumer<BrowserTab> action) {
        BrowserTab tab = tabs.get(model.selected());
        if (tab != null) {
            action.accept(tab);
        }
    }

    private void showPage(TabModel tabModel) {
        BrowserTab tab = tabs.get(tabModel);
        if (tab == null) {
            pages.getChildren().clear();
        } else {
            pages.getChildren().setAll(tab.webView());
        }
    }

    void closeSelected() {
        if (model.selected() != null) {
            close(model.selected());
        }
    }

    /** Esc stops a loading page; otherwise it belongs to the page (closing its dialogs) or the focused control. */
    boolean stopIfLoading() {
        TabModel selected = model.selected();
        if (selected == null || !selected.loadingProperty().get()) {
            return false;
        }
        withSelected(BrowserTab::stop);
        return true;
    }
}
