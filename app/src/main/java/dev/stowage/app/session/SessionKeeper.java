package dev.stowage.app.session;

import dev.stowage.app.shell.BrowserWindow;
import dev.stowage.app.shell.WindowSession;
import dev.stowage.session.SessionSnapshot;
import dev.stowage.session.SessionState;
import dev.stowage.session.TabState;
import dev.stowage.session.WindowState;
import dev.stowage.session.file.ProfileSession;
import dev.stowage.session.file.SessionWriter;
import dev.stowage.storage.NamespaceSnapshot;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a profile's session on the disk while the app runs, and saves it one last time when the last
 * window closes: the windows' {@link WindowState}s and the storage of every namespace they refer to.
 *
 * <p><b>When.</b> Every change a saved session holds (tabs, selection, a page's URL or title, the window's
 * bounds, any storage write through the service's change events) marks the session dirty; a
 * {@link SessionWriter} saves about {@link #SETTLE} after changes settle and at least every {@link #CAP}
 * while they go on, so a killed process loses about a second.
 *
 * <p><b>What each save rewrites.</b> Only the namespaces written to since their last successful save, or
 * never saved: the others' files stay. A failed save (a full disk) puts its namespaces back among the
 * dirty ones, and the next save carries them again.
 *
 * <p><b>Quitting.</b> When a window starts closing, the keeper takes its picture while it is whole, takes
 * the storage of its closed tabs (which the window is about to let go), and keeps its open tabs'
 * namespaces past their unload; once every page has unloaded ({@code pagehide} writes included) it saves
 * that picture, then calls {@code exit}. Changes after that are ignored.
 *
 * <p>A keeper without a {@link ProfileSession} (a private run, or a newer Stowage's session found) never
 * writes; it only exits when the windows have closed.
 *
 * <p><b>Threading.</b> FX thread, except what the writer does on its own thread with immutable snapshots.
 */
public final class SessionKeeper implements WindowSession, dev.stowage.app.shell.ClosedWindows {
    /** How long changes must settle before a save. */
    public static final Duration SETTLE = Duration.ofMillis(500);
    /** The longest a change waits for its save while changes go on. */
    public static final Duration CAP = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(SessionKeeper.class.getName());

    private final SessionStorageService service;
    private final ProfileSession files;
    private final Executor fx;
    private final Runnable exit;
    private final SessionWriter<SessionSnapshot> writer;
    private final Subscription storageChanges;
    private final List<BrowserWindow> windows = new ArrayList<>();
    private final Map<BrowserWindow, WindowState> lastPictures = new IdentityHashMap<>();
    private final Map<String, NamespaceSnapshot> closedEntryStorage = new LinkedHashMap<>();
    private final Map<BrowserWindow, List<String>> keptForSave = new IdentityHashMap<>();
    private final java.util.function.Supplier<BrowserWindow> windowMaker;
    private boolean quitting;
    private final ClosedWindowList closedWindowList = new ClosedWindowList();
    private final WindowStack stack = new WindowStack();
    /** Tabs between windows, their pages unloading, and where a window of their own would stand. */
    private final Map<TabState, WindowState.Bounds> inFlight = new IdentityHashMap<>();
    /** Windows whose pages have all unloaded: the last save waits for every kept window to be here. */
    private final Set<BrowserWindow> closedWindows = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private Runnable privateWindow = () -> { };
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> onDisk = new HashSet<>();
    private boolean finished;

    /**
     * @param files    the profile's session files, or null to save nothing
     * @param saved    the namespaces whose storage the loaded session already holds on the disk
     * @param fx       runs a task on the FX thread ({@code Platform::runLater})
     * @param problems told (on any thread) when a save failed
     * @param exit     runs on the FX thread once the last window has closed and its session is saved
     * @param windowMaker makes an empty window of the profile (not shown) for Ctrl+N; null: no new windows
     */
    public SessionKeeper(SessionStorageService service, ProfileSession files, Set<String> saved, Executor fx,
                         Consumer<String> problems, Runnable exit, java.util.function.Supplier<BrowserWindow> windowMaker) {
        this.windowMaker = windowMaker;
        this.service = Objects.requireNonNull(service, "service");
        this.files = files;
        this.fx = Objects.requireNonNull(fx, "fx");
        this.exit = Objects.requireNonNull(exit, "exit");
        Objects.requireNonNull(problems, "problems");
        onDisk.addAll(saved);
        if (files == null) {
            writer = null;
            storageChanges = null;
        } else {
            writer = new SessionWriter<>(this::snapshot, this::write, fx, SETTLE, CAP, problems);
            storageChanges = service.addChangeListener(change -> {
                dirty.add(change.namespaceId());
                changed();
            });
        }
    }

    /** Keeps {@code window}'s session from now on. */
    public void attach(BrowserWindow window) {
        windows.add(Objects.requireNonNull(window, "window"));
        stack.add(window);
        window.setSession(this);
        window.services().setClosedWindows(this);
        window.model().tabs().addListener((javafx.collections.ListChangeListener<dev.stowage.app.shell.TabModel>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    closedWindowList.tabClosed(window);
                }
            }
        });
        changed();
    }

    /** The windows this keeper keeps, in the order they opened. */
    public List<BrowserWindow> windows() {
        return List.copyOf(windows);
    }

    /**
     * Ctrl+N: a new window with a new tab, a little below and right of {@code from}, kept like the others.
     * Nothing once the app is quitting.
     */
    @Override
    public void newWindowRequested(BrowserWindow from) {
        if (windowMaker == null || quitting || finished) {
            return;
        }
        BrowserWindow made = windowMaker.get();
        made.newTab();
        WindowPlacement.besideLike(made, from);
        attach(made);
        made.stage().show();
    }

    /** A tab moved out of {@code from}: a new window takes it, a little below and right of {@code from}. */
    @Override
    public void moveToNewWindow(BrowserWindow from, TabState tab) {
        if (quitting || finished) {
            return; // the last save keeps it, in a window of its own (tabLeaving)
        }
        inFlight.remove(tab);
        if (windowMaker == null) {
            from.adopt(tab);
            return;
        }
        BrowserWindow made = windowMaker.get();
        made.adopt(tab);
        WindowPlacement.besideLike(made, from);
        attach(made);
        made.stage().show();
    }

    /** The window whose strip the user sees at the screen point, not {@code from}: see {@link WindowStack}. */
    @Override
    public Optional<BrowserWindow> windowWithStripAt(BrowserWindow from, double screenX, double screenY) {
        return stack.stripAt(from, screenX, screenY);
    }

    /** A tab dragged off {@code from}'s strip: the window whose strip is under the pointer takes it, else a new one there. */
    @Override
    public void tabDropped(BrowserWindow from, TabState tab, double screenX, double screenY) {
        if (quitting || finished) {
            return; // the last save keeps it, in a window of its own (tabLeaving)
        }
        inFlight.remove(tab);
        Optional<BrowserWindow> onto = windowWithStripAt(from, screenX, screenY);
        if (onto.isPresent()) {
            BrowserWindow target = onto.get();
            target.adopt(tab, target.stripIndexAt(screenX, screenY).orElse(target.model().tabs().size()));
            target.stage().toFront();
            return;
        }
        if (windowMaker == null) {
            from.adopt(tab);
            return;
        }
        BrowserWindow made = windowMaker.get();
        made.adopt(tab);
        WindowPlacement.placeLike(made, from, screenX - 60, screenY - 20); // its tab under the pointer
        attach(made);
        made.stage().show();
    }

    /** Until a window takes {@code tab} up, saves keep it in a window of its own: a crash or quit meanwhile loses nothing. */
    @Override
    public void tabLeaving(BrowserWindow from, TabState tab) {
        inFlight.put(tab, WindowPlacement.beside(from));
        closedWindowList.tabMovedOut(from); // for Ctrl+Shift+T's pick, moving a tab out is not closing it
        changed();
    }

    /** Makes {@code opener} what Ctrl+Shift+N runs: the app starts a private window's process. */
    public void onPrivateWindow(Runnable opener) {
        this.privateWindow = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public void privateWindowRequested(BrowserWindow from) {
        if (!quitting && !finished) {
            privateWindow.run();
        }
    }

    /** Whether this keeper writes to the disk at all. */
    public boolean saves() {
        return writer != null;
    }

    @Override
    public void changed() {
        if (writer != null && !finished) {
            writer.changed();
        }
    }

    /** Closes every window, which saves the session and then exits (Ctrl+Shift+Q, SIGTERM). */
    public void quit() {
        quitting = true; // every window's picture stays in the last save, not only the last one's
        List.copyOf(windows).forEach(BrowserWindow::close);
    }

    @Override
    public void quitRequested(BrowserWindow window) {
        quit();
    }

    @Override
    public void closing(BrowserWindow window) {
        if (finished) {
            return;
        }
        if (window.model().tabs().isEmpty()) {
            keptForSave.put(window, List.of()); // its only tab was dragged to another window: nothing stays
            return;
        }
        WindowState picture = window.captureState();
        lastPictures.put(window, picture);
        for (TabState closed : picture.closed()) {
            String id = closed.namespaceId();
            if (!id.isEmpty() && needsSaving(id)) {
                // The window lets go of its closed tabs' storage right after this; no page can write it.
                service.namespace(id).ifPresent(ns -> closedEntryStorage.put(id, ns.snapshot()));
            }
        }
        keptForSave.put(window, window.keepOpenTabsForSession());
    }

    @Override
    public void closed(BrowserWindow window) {
        if (finished) {
            return;
        }
        closedWindows.add(window);
        if (closedWindows.size() < windows.size()) {
            if (!quitting) {
                leave(window); // the user closed one window; the others go on
            }
            // Quitting: the save waits for every window's pages to unload (their pagehide writes included).
            return;
        }
        CompletableFuture<Void> saved = writer == null ? CompletableFuture.completedFuture(null) : writer.saveNow();
        finished = true;
        if (storageChanges != null) {
            storageChanges.close();
        }
        saved.orTimeout(15, TimeUnit.SECONDS).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.ERROR, "the last save of the session failed", failure);
            }
            if (writer != null) {
                CompletableFuture.runAsync(writer::close); // not here: this is the writer's own thread
            }
            fx.execute(() -> {
                keptForSave.forEach((w, ids) -> ids.forEach(w::releaseKept));
                closedWindowList.releaseAll();
                exit.run();
            });
        });
    }

    /**
     * {@code window} closed while others stay open: it leaves the session for the closed-window list, with
     * its open tabs' storage kept; an emptied window (its only tab dragged away) leaves nothing.
     */
    private void leave(BrowserWindow window) {
        WindowState picture = lastPictures.remove(window);
        windows.remove(window);
        stack.remove(window);
        closedWindows.remove(window);
        if (picture != null) {
            picture.closed().forEach(closed -> closedEntryStorage.remove(closed.namespaceId()));
        }
        List<String> kept = keptForSave.remove(window);
        if (picture != null && kept != null) {
            closedWindowList.add(window, picture, kept);
        } else {
            closedWindowList.forget(window);
            if (kept != null) {
                kept.forEach(window::releaseKept);
            }
        }
        changed();
    }

    @Override
    public List<String> titles() {
        return closedWindowList.titles();
    }

    @Override
    public void reopen(int index) {
        if (windowMaker == null || quitting || finished) {
            return;
        }
        closedWindowList.take(index).ifPresent(closed -> {
            BrowserWindow made = windowMaker.get();
            made.restore(closed.picture()); // its namespaces are in the service, persisted, as a restored session's
            attach(made);
            made.stage().show();
        });
    }

    @Override
    public void reopenLast(BrowserWindow window) {
        if (!closedWindowList.isEmpty() && windowMaker != null
                && (!window.canReopenClosed() || closedWindowList.windowClosedLast(window))) {
            reopen(0);
        } else {
            window.reopenClosed();
        }
    }

    private boolean needsSaving(String id) {
        return dirty.contains(id) || !onDisk.contains(id);
    }

    /** The session as it is now; FX thread. Cheap: pictures and copy-on-write storage snapshots. */
    SessionSnapshot snapshot() {
        List<WindowState> states = new ArrayList<>();
        for (BrowserWindow window : windows) {
            WindowState picture = lastPictures.get(window);
            if (picture == null && window.model().tabs().isEmpty()) {
                continue; // emptied by a drag, closing: it has nothing to save
            }
            states.add(picture != null ? picture : window.captureState());
        }
        if (!inFlight.isEmpty()) {
            List<TabState> moving = new ArrayList<>();
            inFlight.keySet().forEach(tab -> moving.add(tab.withPosition(moving.size())));
            states.add(new WindowState(moving, 0, List.of(), inFlight.values().iterator().next()));
        }
        SessionState state = new SessionState(states);
        Map<String, NamespaceSnapshot> fresh = new LinkedHashMap<>();
        for (String id : state.referencedNamespaces()) {
            if (!needsSaving(id)) {
                continue;
            }
            NamespaceSnapshot taken = closedEntryStorage.get(id);
            if (taken == null) {
                Optional<SessionNamespace> live = service.namespace(id);
                taken = live.map(SessionNamespace::snapshot).orElse(null);
            }
            if (taken != null) {
                fresh.put(id, taken);
            }
        }
        dirty.removeAll(fresh.keySet());
        return new SessionSnapshot(state, fresh);
    }

    /** The writer's thread. */
    private void write(SessionSnapshot snapshot) throws IOException {
        Set<String> carried = snapshot.fresh().keySet();
        try {
            files.save(snapshot);
        } catch (IOException | RuntimeException e) {
            fx.execute(() -> dirty.addAll(carried));
            throw e;
        }
        fx.execute(() -> onDisk.addAll(carried));
    }
}
