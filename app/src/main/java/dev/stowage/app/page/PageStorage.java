package dev.stowage.app.page;

import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.Site;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageKey;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import netscape.javascript.JSObject;

/**
 * Gives every document of one {@link WebEngine} (one tab) the shell's own {@code sessionStorage}, backed by
 * the tab's {@link SessionNamespace}.
 *
 * <p><b>Use.</b> {@code PageStorage.attach(engine, tab::namespace)} once, before the engine's first load;
 * {@link #close()} when the tab closes. From then on, whenever any frame (main frame, iframe,
 * {@code about:blank}/{@code srcdoc} frame, after navigation, reload or history traversal) gets a new
 * window object, and before any of its scripts run, the frame gets the install script ({@code install/}): a
 * {@code Storage}-faithful object whose reads are served from a per-document cache and whose writes reach
 * the area of the document's {@link StorageKey} (its origin and the tab's top-level site) through that
 * document's {@link DocumentBridge}.
 *
 * <p><b>Who decides what.</b> The namespace comes from the supplier at each document start (so a tab may
 * switch namespaces, for example on restore). The origin comes from Java: the frame's document URL as
 * WebKit's loader knows it, cross-checked against {@code self.origin} read by Java in the fresh window
 * before any page script ran (so sandboxed frames, which WebKit gives an opaque origin, stay opaque); a
 * mismatch makes the document opaque: reading {@code sessionStorage} throws {@code SecurityError}.
 * {@code about:blank} and {@code about:srcdoc} documents take the origin WebKit gave them (inherited from
 * their parent, opener or creator), read the same way. {@code file:} pages all share the origin
 * {@code file://} ({@link Origin}'s rule) whatever WebKit says. A page cannot forge any of it: the URL
 * comes from WebKit's loader, and {@code self.origin} is read before the page has run a single line.
 * When WebKit reuses a window (the initial {@code about:blank} document replaced by a same-origin one),
 * the installed sessionStorage stays, as the standard keeps the Window object.
 *
 * <p><b>Partitions.</b> Every frame's top-level site is the {@link Site} of the main frame's current
 * document origin, resolved by the rule above when that document started (before its children); never what
 * a page says. The main frame and same-site frames get their origin's first-party area; a cross-site iframe
 * gets its origin's partition under this site. An opaque main document gives its frames a partition that
 * dies with it. Frames nested in a cross-site frame are keyed the same way (Chromium's ancestor bit is not
 * modelled).
 *
 * <p><b>Coherence.</b> A document's script decides each write itself (its cache holds the whole area, so
 * quota errors are exact and synchronous), applies it at once to the cache of every other document of the
 * same tab and storage key (its peers, which then get a {@code storage} event as a queued task), and sends its
 * writes to Java in order, coalesced per key, one bridge call per script run. Java is therefore current at
 * the end of every script (microtask checkpoint), when a main-frame navigation starts, before any document
 * of the tab starts, and whenever {@link #flush()} is called. A log of 1,000 writes or more is the
 * exception: it reaches Java in tasks of its own after the page's task, 2,000 writes each (each part a
 * state the page had), so that Java's work never lengthens the page's task; a document going away sends it
 * from its first {@code pagehide} listener. Shell code that reads, snapshots or clones
 * the namespace from inside a page's script (a popup handler) must call {@link #flush()} first. Changes
 * that do not come from the tab's documents (the shell's own, such as clearing an origin) are pushed by
 * Java into every live document's cache and supersede that document's unsent writes of the same keys.
 * Other tabs have other namespaces and never hear of a write.
 *
 * <p><b>Failure.</b> {@link #attach} throws {@link InjectionUnavailableException} when WebKit's hook
 * cannot be installed. A document that cannot be set up later is reported through {@link #failureProperty()}
 * (and the log); the shell must show it. Such a document is given a {@code sessionStorage} that throws,
 * never WebKit's own.
 *
 * <p><b>Threading.</b> FX thread only: attach, close and every callback.
 */
public final class PageStorage implements AutoCloseable {
    /** Name of the non-configurable window property that marks a window as done (read only by our guard). */
    static final String MARKER = "__stowageSessionStorage";

    private static final System.Logger LOG = System.getLogger(PageStorage.class.getName());

    private final Supplier<SessionNamespace> namespace;
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final Map<Long, DocumentBridge> bridges = new HashMap<>();
    private final Map<ChangeSource, Long> framesBySource = new HashMap<>();
    private DocumentStartHook hook;
    private FrameTree tree;
    private WebEngine engine;
    private ChangeListener<Worker.State> loadListener;
    private boolean walking;
    private boolean walkAgain;
    private long documentsStarted;
    private final DocumentDirectory directory;
    private final PageRequests requests;
    private int packItemsFrom = InstallScript.PACK_ITEMS_FROM;
    /** The main frame's document's site, set as it starts; opaque until then, never a stale one. */
    private Site topLevelSite = Site.of(Origin.opaque());

    private PageStorage(Supplier<SessionNamespace> namespace, DocumentDirectory directory, PageRequests requests) {
        this.namespace = namespace;
        this.directory = directory;
        this.requests = requests;
    }

    /**
     * Attaches the shell's sessionStorage to every future document of {@code engine}.
     *
     * @param engine    the tab's engine, before its first load
     * @param namespace the tab's current namespace; asked at every document start, on the FX thread
     * @return the handle to {@link #close()} when the tab closes
     * @throws InjectionUnavailableException if WebKit's document-start hook is not available
     * @throws IllegalStateException         if not called on the FX thread
     */
    public static PageStorage attach(WebEngine engine, Supplier<SessionNamespace> namespace) {
        return attach(engine, namespace, new DocumentDirectory());
    }

    /**
     * Like {@link #attach(WebEngine, Supplier)}, for a tab of a group (a window) whose tabs may hand each
     * other their storage objects (a popup and its opener): every tab of the group passes the same
     * {@code directory}.
     *
     * @param directory the group's documents; FX thread only, like this class
     */
    public static PageStorage attach(WebEngine engine, Supplier<SessionNamespace> namespace,
                                     DocumentDirectory directory) {
        return attach(engine, namespace, directory, PageRequests.NONE);
    }

    /**
     * Like {@link #attach(WebEngine, Supplier, DocumentDirectory)}, with the tab's documents' announcements
     * (a popup about to open) going to {@code requests}.
     */
    public static PageStorage attach(WebEngine engine, Supplier<SessionNamespace> namespace,
                                     DocumentDirectory directory, PageRequests requests) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(directory, "directory");
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("attach on the FX thread");
        }
        PageStorage storage = new PageStorage(namespace, directory, requests);
        storage.hook = DocumentStartHook.install(engine, storage::onWindowCleared);
        storage.tree = new FrameTree(storage.hook);
        // A navigation is about to replace the main frame's documents. Scripts that ran outside the
        // event loop (WebEngine.executeScript does not reach a microtask checkpoint) may still hold
        // writes; by the time the new window is cleared the old one can no longer be called.
        storage.loadListener = (o, old, now) -> {
            if (now == Worker.State.SCHEDULED || now == Worker.State.RUNNING) {
                storage.flush();
            }
        };
        engine.getLoadWorker().stateProperty().addListener(storage.loadListener);
        storage.engine = engine;
        return storage;
    }

    /** Null while every document got the shell's sessionStorage; otherwise what went wrong, last first. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /**
     * From how many items the caches of documents started from now on pack them (see the install script's
     * parts 4 and 5); tests lower it so that small pages exercise the packed form. FX thread.
     */
    void packItemsFrom(int items) {
        packItemsFrom = items;
    }

    /** Documents of this tab currently holding a bridge (at most one per frame). */
    public int liveDocumentCount() {
        return bridges.size();
    }

    /** How many documents were set up since attach, opaque ones included. */
    public long documentsStarted() {
        return documentsStarted;
    }

    /**
     * Makes the tab's namespace current: every document sends the writes its script made since the
     * script's last microtask checkpoint. Documents do this by themselves at the end of each script and
     * before another document of the tab starts; shell code that reads, snapshots or clones the tab's
     * namespace in the middle of a page's script (a popup handler is the case that matters: it runs inside
     * {@code window.open} or a link click) must call this first. Cheap when nothing is pending.
     */
    public void flush() {
        if (hook == null || bridges.isEmpty()) {
            return;
        }
        for (FrameTree.Frame state : tree.survey()) {
            DocumentBridge bridge = bridges.get(state.id());
            if (bridge != null && !state.fresh()) {
                bridge.flush(); // its window still carries our marker: the document we know, alive
            }
        }
    }

    /** Detaches from the engine and drops every bridge. Documents already loaded keep their caches. */
    @Override
    public void close() {
        flush();
        if (hook != null) {
            hook.close();
            hook = null;
            engine.getLoadWorker().stateProperty().removeListener(loadListener);
        }
        bridges.values().forEach(bridge -> {
            directory.remove(bridge.area().origin(), bridge.id());
            bridge.close();
        });
        bridges.clear();
        framesBySource.clear();
    }

    private void onWindowCleared() {
        // The callback does not say which frame; installing re-enters it (a frame's window may be created
        // lazily by our own guard), so one walk at a time, repeated until nothing new turned up.
        if (walking) {
            walkAgain = true;
            return;
        }
        walking = true;
        try {
            do {
                walkAgain = false;
                walk();
            } while (walkAgain && hook != null);
        } catch (RuntimeException e) {
            reportFailure("document start failed: " + e, e);
        } finally {
            walking = false;
        }
    }

    // Two passes, because a document that was replaced must never be called again (calling into a
    // window WebKit has torn down crashes it): first learn which frames hold our live documents, then
    // let go of the others without a single call into them, then set up the new ones.
    private void walk() {
        List<FrameTree.Frame> frames = tree.survey();
        Set<Long> live = new HashSet<>();
        for (FrameTree.Frame state : frames) {
            if (!state.fresh()) {
                live.add(state.id());
                DocumentBridge bridge = bridges.get(state.id());
                if (bridge != null) {
                    bridge.flush(); // a starting document's seed must hold everything written so far
                }
            }
        }
        for (Long frame : Set.copyOf(bridges.keySet())) {
            if (!live.contains(frame)) {
                dropBridge(frame);
            }
        }
        long mainFrame = frames.get(0).id(); // the survey starts at the main frame
        for (FrameTree.Frame state : frames) {
            if (state.fresh()) {
                try {
                    if (state.id() == mainFrame) {
                        topLevelSite = Site.of(Origin.opaque()); // until resolved: never the previous page's
                    }
                    Origin origin = tree.resolveOrigin(state.id(), state.freshWindowOrigin());
                    if (state.id() == mainFrame) {
                        topLevelSite = Site.of(origin);
                    }
                    install(state.id(), origin);
                } catch (RuntimeException e) {
                    // One broken frame must not leave its siblings without storage; the shell shows it,
                    // and the frame must not quietly keep WebKit's own sessionStorage either.
                    reportFailure("frame " + state.id() + " (" + tree.safeUrl(state.id()) + ") got no sessionStorage: "
                            + e, e);
                    tree.blockNative(state.id());
                }
            }
        }
    }

    private void install(long frame, Origin origin) {
        dropBridge(frame);
        documentsStarted++;
        JSObject installer = (JSObject) hook.executeScript(frame, InstallScript.SOURCE);
        if (origin.isOpaque()) {
            JsHandles.keep(installer.call("call", null, null, null, MARKER));
            return;
        }
        DocumentBridge bridge;
        try {
            SessionNamespace ns = Objects.requireNonNull(namespace.get(), "the tab has no namespace");
            StorageArea area = ns.area(new StorageKey(origin, topLevelSite));
            ChangeSource source = ChangeSource.named("frame " + frame + " " + origin.serialize());
            bridge = new DocumentBridge(area, source, directory.newDocumentId(), framesBySource::containsKey,
                    problem -> reportFailure(problem, null), this::isAlive, requests);
        } catch (RuntimeException e) {
            reportFailure("no storage for " + origin.serialize() + ": " + e, e);
            JsHandles.keep(installer.call("call", null, null, null, MARKER));
            return;
        }
        // A live document holding exactly this area's items (a popup's opener, a same-area frame) hands
        // over its list, sharing the strings; otherwise, or if it cannot answer, the area goes over as JSON.
        Object donorItems = null;
        JSObject donor = bridge.area().length() == 0 ? null : directory.donorFor(bridge.area());
        if (donor != null) {
            try {
                donorItems = JsHandles.keep(donor.call("itemList"));
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "a donor document could not list its items", e);
            }
        }
        // A cheap check that the list is what Java expects: a donor that lost its realm answers undefined.
        boolean donated = donorItems instanceof JSObject list
                && list.getMember("length") instanceof Number n && n.intValue() == 2 * bridge.area().length();
        boolean main = frame == hook.mainFrame();
        // Kept for good, as every handle taken out of a page (JsHandles says why): a receiver whose
        // protection a stale handle's disposer took away stops hearing from Java.
        JSObject receiver = (JSObject) JsHandles.keep(installer.call("call", null, bridge,
                donated ? null : bridge.seedJson(), MARKER, (double) bridge.area().quotaBytes(),
                donated ? donorItems : null, main, main && requests.withoutOpener(), (double) packItemsFrom));
        bridge.connect(receiver);
        List<DocumentBridge> others = List.copyOf(bridges.values());
        bridges.put(frame, bridge);
        framesBySource.put(bridge.source(), frame);
        // Same tab, same area: the documents keep each other's caches current without a trip to Java.
        for (DocumentBridge other : others) {
            if (other.area() == bridge.area() && other.receiver() != null) {
                try {
                    other.receiver().call("addPeer", bridge.id(), receiver);
                    receiver.call("addPeer", other.id(), other.receiver());
                } catch (RuntimeException e) {
                    // Measured about once in a thousand navigations: the other document is being torn
                    // down right now; the walk its replacement triggers lets go of it.
                    LOG.log(Level.DEBUG, "could not link a document with a peer", e);
                }
            }
        }
        // Other tabs, same origin: they may hand each other their storage objects (a popup and its opener).
        directory.add(this, bridge, receiver);
    }

    /** Lets go of a frame's document without calling into it: it may be gone already. */
    private void dropBridge(long frame) {
        DocumentBridge old = bridges.remove(frame);
        if (old == null) {
            return;
        }
        old.close();
        framesBySource.remove(old.source());
        directory.remove(old.area().origin(), old.id());
        for (DocumentBridge other : bridges.values()) {
            if (other.area() == old.area() && other.receiver() != null) {
                try {
                    other.receiver().call("removePeer", old.id());
                } catch (RuntimeException e) {
                    LOG.log(Level.DEBUG, "could not unlink a document", e);
                }
            }
        }
    }

    /** Whether {@code bridge}'s document is still in its frame: the frame exists and its window is ours. */
    boolean isAlive(DocumentBridge bridge) {
        if (hook == null) {
            return false;
        }
        for (FrameTree.Frame state : tree.survey()) {
            if (!state.fresh() && bridges.get(state.id()) == bridge) {
                return true;
            }
        }
        return false;
    }

    private void reportFailure(String message, Throwable cause) {
        LOG.log(Level.ERROR, "sessionStorage injection: " + message, cause);
        failure.set(message);
    }
}
