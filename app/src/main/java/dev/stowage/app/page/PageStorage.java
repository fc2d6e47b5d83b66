package dev.stowage.app.page;

import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionNamespace;
import dev.stowage.storage.StorageArea;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.web.WebEngine;
import netscape.javascript.JSObject;

/**
 * Gives every document of one {@link WebEngine} (one tab) the shell's own {@code sessionStorage}, backed by
 * the tab's {@link SessionNamespace}.
 *
 * <p><b>Use.</b> {@code PageStorage.attach(engine, tab::namespace)} once, before the engine's first load;
 * {@link #close()} when the tab closes. From then on, whenever any frame (main frame, iframe,
 * {@code about:blank}/{@code srcdoc} frame, after navigation, reload or history traversal) gets a new
 * window object, and before any of its scripts run, the frame gets {@code install.js}: a
 * {@code Storage}-faithful object whose reads are served from a per-document cache and whose writes go
 * synchronously through a {@link DocumentBridge} to the area of the document's origin.
 *
 * <p><b>Who decides what.</b> The namespace comes from the supplier at each document start (so a tab may
 * switch namespaces, for example on restore). The origin comes from Java: the frame's document URL as
 * WebKit's loader knows it, with {@code about:blank}/{@code about:srcdoc} frames taking their parent
 * frame's origin, cross-checked against {@code self.origin} read in the fresh window before any page
 * script ran (so sandboxed frames, which WebKit gives an opaque origin, stay opaque). A mismatch makes
 * the document opaque: reading {@code sessionStorage} throws {@code SecurityError}. {@code file:} pages all
 * share the origin {@code file://} ({@link Origin}'s rule) whatever WebKit says.
 *
 * <p><b>Coherence.</b> A write of one document is pushed synchronously, in order, into the cache of every
 * other document of the same tab and origin, which then get a {@code storage} event as a queued task.
 * Other tabs have other namespaces and never hear of it.
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
    private static final String INSTALL_SCRIPT = readInstallScript();
    // Only syntax, no page-replaceable function: a live page cannot make this lie about being done.
    private static final String GUARD = "('" + MARKER + "' in window) ? null : ('' + self.origin)";

    private final Supplier<SessionNamespace> namespace;
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final Map<Long, DocumentBridge> bridges = new HashMap<>();
    private final Map<Long, Origin> frameOrigins = new HashMap<>();
    private final Map<ChangeSource, Long> framesBySource = new HashMap<>();
    private DocumentStartHook hook;
    private boolean walking;
    private boolean walkAgain;
    private long documentsStarted;

    private PageStorage(Supplier<SessionNamespace> namespace) {
        this.namespace = namespace;
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
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(namespace, "namespace");
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("attach on the FX thread");
        }
        PageStorage storage = new PageStorage(namespace);
        storage.hook = DocumentStartHook.install(engine, storage::onWindowCleared);
        return storage;
    }

    /** Null while every document got the shell's sessionStorage; otherwise what went wrong, last first. */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Documents of this tab currently holding a bridge (at most one per frame). */
    public int liveDocumentCount() {
        return bridges.size();
    }

    /** How many documents were set up since attach, opaque ones included. */
    public long documentsStarted() {
        return documentsStarted;
    }

    /** Detaches from the engine and drops every bridge. Documents already loaded keep their caches. */
    @Override
    public void close() {
        if (hook != null) {
            hook.close();
            hook = null;
        }
        bridges.values().forEach(DocumentBridge::close);
        bridges.clear();
        frameOrigins.clear();
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
                Set<Long> alive = new HashSet<>();
                walk(hook.mainFrame(), null, alive);
                prune(alive);
            } while (walkAgain && hook != null);
        } catch (RuntimeException e) {
            reportFailure("document start failed: " + e, e);
        } finally {
            walking = false;
        }
    }

    private void walk(long frame, Origin parentOrigin, Set<Long> alive) {
        if (hook == null) {
            return;
        }
        alive.add(frame);
        Origin origin = frameOrigins.getOrDefault(frame, Origin.opaque());
        try {
            Object guard = hook.executeScript(frame, GUARD);
            if (guard instanceof String) {
                origin = resolveOrigin(frame, parentOrigin, (String) guard);
                install(frame, origin);
            }
        } catch (RuntimeException e) {
            // One broken frame must not leave its siblings without storage; the shell shows the failure.
            reportFailure("frame " + frame + " (" + safeUrl(frame) + ") got no sessionStorage: " + e, e);
        }
        for (long child : hook.childFrames(frame)) {
            walk(child, origin, alive);
        }
    }

    private Origin resolveOrigin(long frame, Origin parentOrigin, String windowOrigin) {
        String url = hook.frameUrl(frame);
        Origin fromUrl;
        if (url == null || url.isEmpty() || url.startsWith("about:blank") || url.equals("about:srcdoc")) {
            fromUrl = parentOrigin == null ? Origin.opaque() : parentOrigin;
        } else {
            fromUrl = Origin.of(url);
        }
        if (fromUrl.isOpaque()) {
            return fromUrl;
        }
        if (url != null && url.regionMatches(true, 0, "file:", 0, 5)) {
            return fromUrl;
        }
        return fromUrl.serialize().equals(windowOrigin) ? fromUrl : Origin.opaque();
    }

    private void install(long frame, Origin origin) {
        dropBridge(frame);
        frameOrigins.put(frame, origin);
        documentsStarted++;
        JSObject installer = (JSObject) hook.executeScript(frame, INSTALL_SCRIPT);
        if (origin.isOpaque()) {
            installer.call("call", null, null, null, MARKER);
            return;
        }
        DocumentBridge bridge;
        try {
            SessionNamespace ns = Objects.requireNonNull(namespace.get(), "the tab has no namespace");
            StorageArea area = ns.area(origin);
            ChangeSource source = ChangeSource.named("frame " + frame + " " + origin.serialize());
            bridge = new DocumentBridge(area, source, this::writerUrl);
        } catch (RuntimeException e) {
            reportFailure("no storage for " + origin.serialize() + ": " + e, e);
            frameOrigins.put(frame, Origin.opaque());
            installer.call("call", null, null, null, MARKER);
            return;
        }
        Object receiver = installer.call("call", null, bridge, bridge.seedJson(), MARKER);
        bridge.connect((JSObject) receiver);
        bridges.put(frame, bridge);
        framesBySource.put(bridge.source(), frame);
    }

    private String safeUrl(long frame) {
        try {
            return hook.frameUrl(frame);
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private String writerUrl(ChangeSource source) {
        Long frame = framesBySource.get(source);
        if (frame == null || hook == null) {
            return "";
        }
        String url = hook.frameUrl(frame);
        return url == null ? "" : url;
    }

    private void prune(Set<Long> alive) {
        for (Long frame : Set.copyOf(bridges.keySet())) {
            if (!alive.contains(frame)) {
                dropBridge(frame);
            }
        }
        frameOrigins.keySet().retainAll(alive);
    }

    private void dropBridge(long frame) {
        DocumentBridge old = bridges.remove(frame);
        if (old != null) {
            old.close();
            framesBySource.remove(old.source());
        }
    }

    private void reportFailure(String message, Throwable cause) {
        LOG.log(Level.ERROR, "sessionStorage injection: " + message, cause);
        failure.set(message);
    }

    private static String readInstallScript() {
        try (InputStream in = PageStorage.class.getResourceAsStream("install.js")) {
            if (in == null) {
                throw new IllegalStateException("install.js is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
