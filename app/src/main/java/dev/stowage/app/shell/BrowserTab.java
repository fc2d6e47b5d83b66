package dev.stowage.app.shell;

import dev.stowage.app.page.FormControlRepaint;
import dev.stowage.session.TabState;
import dev.stowage.session.TabState.HistoryEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.input.MouseEvent;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;

/**
 * One tab's page: its {@link WebView} and {@link WebEngine}, kept in step with its {@link TabModel}.
 *
 * <p>Created and used on the JavaFX application thread only, by {@link BrowserWindow}, which owns it.
 * Translates engine events into model state: location, title, loading progress, history, hovered link,
 * favicon, and failed loads, which it replaces with an error page while the model (and so the address bar)
 * keeps the URL that failed. {@link #unload} runs the page's {@code pagehide}/{@code unload} handlers before
 * the tab goes away.
 */
public final class BrowserTab {
    private final TabModel model;
    private final String openerId;
    /** The target name a page gave this tab when it opened it ({@code window.open(url, name)}), or null. */
    private final String name;
    private final String group;
    private final boolean withoutOpener;
    private final PendingOpenIntent openIntent = new PendingOpenIntent();
    private final WebView webView;
    private final WebEngine engine;
    private final FaviconLoader favicons;
    /** Text the user typed whose load has not succeeded yet; the address bar keeps showing it. */
    private String typedAddress;
    /** The URL the engine was last asked to load, for the error page (WebView does not say which one failed). */
    private String requestedUrl;
    private boolean loadingErrorPage;
    /** Restored and not loaded yet: the page loads when the tab is first selected. */
    private boolean deferred;
    /** The restored entry whose scroll position its first load goes back to, or null. */
    private HistoryEntry scrollOnLoad;
    private final TabEnd end = new TabEnd();
    private final HistoryFollower history;

    BrowserTab(TabModel model, String openerId, String name, String group, boolean withoutOpener,
               FaviconLoader favicons) {
        this.model = Objects.requireNonNull(model, "model");
        this.openerId = openerId;
        this.name = name;
        this.group = Objects.requireNonNull(group, "group");
        this.withoutOpener = withoutOpener;
        this.favicons = Objects.requireNonNull(favicons, "favicons");
        this.webView = new WebView();
        this.engine = webView.getEngine();
        webView.setContextMenuEnabled(false);
        FormControlRepaint.install(webView);
        this.history = new HistoryFollower(engine, this::startLoad, this::updateHistory, this::historyUrl);
        wireEngine();
    }

    /** Stable id of this tab; the storage layer maps it to the tab's sessionStorage namespace. */
    public String id() {
        return model.id();
    }

    /** The id of the tab whose page opened this one as a popup, if it was opened that way. */
    public Optional<String> openerId() {
        return Optional.ofNullable(openerId);
    }

    /** The target name this tab was opened under, if a page named it. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The id of this tab's group: the tabs whose pages may find each other by name (see {@link TabOpening}). */
    String group() {
        return group;
    }

    /**
     * Whether this tab's pages must see {@code window.opener} null though WebKit opened it as a popup (the
     * opener page asked for {@code noopener}, which this WebKit ignores).
     */
    public boolean withoutOpener() {
        return withoutOpener;
    }

    /**
     * Records what this tab's page said about the new tab it is opening, for the popup handler that WebKit
     * calls right after (see {@link PendingOpenIntent} for how long it is kept). FX thread only.
     */
    public void noteOpenIntent(OpenIntent intent) {
        openIntent.note(intent);
    }

    /** The intent noted for the popup being opened now, which it consumes. */
    Optional<OpenIntent> takeOpenIntent() {
        return openIntent.take();
    }

    /** Whether the tab is still open (not closing or closed). */
    boolean isOpen() {
        return !end.started();
    }

    public TabModel model() {
        return model;
    }

    public WebEngine engine() {
        return engine;
    }

    public WebView webView() {
        return webView;
    }

    /**
     * Runs {@code action} on the FX thread once this tab is closed and its page has unloaded, so whatever
     * the page's {@code pagehide}/{@code unload} handlers did has happened. Used to release the tab's storage.
     */
    public void whenClosed(Runnable action) {
        end.whenClosed(action);
    }

    /**
     * Runs {@code action} on the FX thread when this tab starts closing, while its page is still there:
     * used to take the page's last unsent storage writes before the unload.
     */
    public void whenClosing(Runnable action) {
        end.whenClosing(action);
    }

    /** Loads {@code url} as if a link led there. */
    public void load(String url) {
        typedAddress = null;
        history.forgetPending();
        startLoad(url);
    }

    /** Loads {@code url}, resolved from {@code typed}; the address bar keeps {@code typed} until the page loads. */
    void loadTyped(String typed, String url) {
        typedAddress = typed;
        model.addressProperty().set(typed);
        history.forgetPending();
        startLoad(url);
    }

    private void startLoad(String url) {
        deferred = false;
        requestedUrl = Objects.requireNonNull(url, "url");
        model.errorProperty().set(null);
        loadingErrorPage = false;
        engine.load(url);
    }

    /** Reloads the page, or retries the URL that failed when the tab shows an error page. */
    public void reload() {
        TabModel.LoadError error = model.errorProperty().get();
        if (error != null) {
            startLoad(error.url());
        } else if (engine.getLocation() != null && !engine.getLocation().isEmpty()) {
            engine.reload();
        }
    }

    public void stop() {
        history.forgetPending();
        engine.getLoadWorker().cancel();
    }

    public void back() {
        go(-1);
    }

    public void forward() {
        go(1);
    }

    /** Goes {@code offset} entries through the shell's history (negative: back); nothing if there is none. */
    public void go(int offset) {
        if (!history.canGo(offset)) {
            return;
        }
        model.errorProperty().set(null);
        typedAddress = null;
        loadingErrorPage = false;
        history.go(offset);
    }

    /**
     * The page's own {@code history.back()}, {@code forward()} or {@code go(delta)} of the main frame,
     * routed here so that it reaches the shell's history (a duplicate's entries that WebKit never saw).
     * Asynchronous, like the page's own call; {@code go(0)} reloads.
     */
    public void goFromPage(int delta) {
        Platform.runLater(() -> {
            if (end.started()) {
                return;
            }
            if (delta == 0) {
                reload();
            } else {
                go(delta);
            }
        });
    }

    /** The shell's history of this tab: its entries, oldest first, and the current index. */
    public List<HistoryEntry> historyEntries() {
        return history.history().entries();
    }

    public int historyIndex() {
        return history.history().index();
    }

    /**
     * Starts this tab with {@code entries}, showing {@code current} (loaded now) with the others reachable
     * by Back and Forward, and by the page's {@code history.back()}: Duplicate tab, and later reopen and
     * restore (Electron's {@code navigationHistory.restore}). Call before the tab loads anything.
     */
    public void restoreHistory(List<HistoryEntry> entries, int current) {
        typedAddress = null;
        scrollOnLoad = entries.get(current);
        history.restore(entries, current, true);
    }

    /** Records where the page is scrolled in its history entry (the tab is closing or the app quitting). */
    void recordScroll() {
        String location = engine.getLocation();
        if (deferred || end.started() || location == null || location.isEmpty() || location.startsWith("about:")) {
            return;
        }
        int[] at = PageScroll.read(engine);
        history.history().scrollCurrent(at[0], at[1]);
    }

    /**
     * Gives a {@link DormantTabs dormant} tab, which shows {@code state}'s title, URL and icon already, its
     * history without loading it: it loads its current entry with {@link #loadIfDeferred()}, when it is
     * selected. Call before the tab loads anything.
     */
    void restoreDeferred(TabState state) {
        typedAddress = null;
        history.restore(state.history(), state.historyIndex(), false);
        scrollOnLoad = state.current();
        deferred = true;
    }

    /** Loads a {@link #restoreDeferred deferred} tab's page, and says whether it did; nothing for any other tab. */
    boolean loadIfDeferred() {
        if (!deferred || end.started()) {
            return false;
        }
        deferred = false;
        history.loadCurrent();
        return true;
    }

    /** The page's zoom factor (1 for 100%). */
    public double zoom() {
        return webView.getZoom();
    }

    /** Sets the page's zoom factor (the session's range: 0.25 to 5). */
    public void setZoom(double zoom) {
        webView.setZoom(Math.max(0.25, Math.min(5, zoom)));
        model.zoomProperty().set(webView.getZoom());
    }

    /** An error page is about:blank to WebKit; its history entry is the URL that failed. */
    private String historyUrl(String engineUrl) {
        TabModel.LoadError error = model.errorProperty().get();
        return error != null && (engineUrl == null || engineUrl.startsWith("about:")) ? error.url() : engineUrl;
    }

    /** The URL a duplicate or a reopened tab should load: the failed URL on an error page, else the location. */
    public String currentUrl() {
        TabModel.LoadError error = model.errorProperty().get();
        return error != null ? error.url() : model.urlProperty().get();
    }

    /**
     * Unloads the page the way closing a tab does in a browser, so its {@code pagehide} and {@code unload}
     * handlers run (pages save state there), then calls {@code whenDone} on the FX thread. Loading
     * {@code about:blank} is what makes WebKit unload the document; the WebView is no use afterwards.
     */
    void unload(Runnable whenDone) {
        end.start(engine, whenDone);
    }

    private void wireEngine() {
        engine.locationProperty().addListener((obs, old, location) -> onLocation(location));
        engine.titleProperty().addListener((obs, old, title) -> {
            if (!end.started() && !loadingErrorPage && model.errorProperty().get() == null) {
                model.titleProperty().set(title == null ? "" : title);
            }
        });
        Worker<Void> worker = engine.getLoadWorker();
        worker.progressProperty().addListener((obs, old, p) -> model.progressProperty().set(Math.max(0, p.doubleValue())));
        worker.stateProperty().addListener((obs, old, state) -> onState(state));
        engine.setOnStatusChanged(e -> model.hoveredLinkProperty().set(e.getData() == null ? "" : e.getData()));
        // WebKit here does not report hovered links as status changes (measured), so ask the page.
        webView.addEventHandler(MouseEvent.MOUSE_MOVED, e -> model.hoveredLinkProperty().set(PageLinks.urlAt(this, e.getX(), e.getY())));
        webView.addEventHandler(MouseEvent.MOUSE_EXITED, e -> model.hoveredLinkProperty().set(""));
    }

    private void onLocation(String location) {
        if (end.started() || loadingErrorPage || location == null || location.isEmpty()) {
            return;
        }
        model.urlProperty().set(location);
        requestedUrl = location;
        if (typedAddress == null) {
            model.addressProperty().set(location);
        }
    }

    private void onState(Worker.State state) {
        if (end.started()) {
            return;
        }
        switch (state) {
            case SCHEDULED, RUNNING -> {
                if (!loadingErrorPage) {
                    model.loadingProperty().set(true);
                }
            }
            case SUCCEEDED -> {
                model.loadingProperty().set(false);
                if (loadingErrorPage) {
                    loadingErrorPage = false;
                    return;
                }
                typedAddress = null;
                String location = engine.getLocation();
                PageScroll.backTo(engine, scrollOnLoad, location);
                scrollOnLoad = null;
                model.addressProperty().set(location);
                model.urlProperty().set(location);
                model.faviconProperty().set(null);
                model.faviconDataProperty().set("");
                loadFavicon(location);
            }
            case FAILED -> {
                model.loadingProperty().set(false);
                if (loadingErrorPage) {
                    loadingErrorPage = false;
                    return;
                }
                showError(worker().getException());
            }
            case CANCELLED -> {
                // Showing the error page cancels the failed load first; that must not end error-page mode.
                if (!loadingErrorPage) {
                    model.loadingProperty().set(false);
                }
            }
            default -> { }
        }
    }

    private Worker<Void> worker() {
        return engine.getLoadWorker();
    }

    private void showError(Throwable exception) {
        String failed = requestedUrl != null ? requestedUrl : engine.getLocation();
        String reason = exception == null || exception.getMessage() == null
                ? "The page could not be loaded." : exception.getMessage();
        model.errorProperty().set(new TabModel.LoadError(failed, reason));
        model.urlProperty().set(failed);
        model.addressProperty().set(typedAddress != null ? typedAddress : failed);
        model.titleProperty().set("");
        model.faviconProperty().set(null);
        loadingErrorPage = true;
        // loadContent makes the document about:blank; the model keeps the failed URL regardless.
        engine.loadContent(ErrorPage.html(failed, reason));
    }

    private void updateHistory() {
        model.canGoBackProperty().set(history.history().canGoBack());
        model.canGoForwardProperty().set(history.history().canGoForward());
    }

    private void loadFavicon(String location) {
        favicons.loadFor(engine.getDocument(), location, (image, dataUrl) -> {
            if (!end.started() && location.equals(model.urlProperty().get())) {
                model.faviconProperty().set(image);
                model.faviconDataProperty().set(dataUrl);
            }
        });
    }
}
