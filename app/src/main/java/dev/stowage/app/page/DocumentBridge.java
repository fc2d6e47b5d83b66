package dev.stowage.app.page;

import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.QuotaExceededException;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageChange;
import dev.stowage.storage.Subscription;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import netscape.javascript.JSException;
import netscape.javascript.JSObject;

/**
 * The Java object one document's sessionStorage script writes through: the only Java object a page's
 * realm ever holds.
 *
 * <p><b>What a page can reach.</b> The install script keeps this object in a closure, but WebKit makes
 * every public method of it callable from JavaScript, so the public surface is exactly the three writes
 * below: String arguments, int results, no public fields. The origin and the namespace are fixed by Java
 * at construction (from the frame's document URL and the tab); nothing a page passes can name another
 * origin or tab. Everything the shell needs is package-private, which JavaScript cannot call.
 *
 * <p><b>Results.</b> {@link #OK}; {@link #QUOTA_EXCEEDED} (nothing changed; the script throws a
 * {@code QuotaExceededError}); {@link #NOT_WRITABLE} when the tab's namespace no longer accepts writes
 * (the tab is closing), in which case the write is dropped.
 *
 * <p><b>Lifetime.</b> {@link PageStorage} holds the only strong Java reference while the document lives
 * and {@link #close() closes} it when the frame gets a new document or goes away. A closed bridge still
 * writes (a page's last {@code pagehide} writes count) but no longer receives other documents' changes.
 *
 * <p><b>Threading.</b> FX thread only, like the {@link StorageArea} it writes to.
 */
public final class DocumentBridge {
    static final int OK = 0;
    static final int QUOTA_EXCEEDED = 1;
    static final int NOT_WRITABLE = 2;

    private static final System.Logger LOG = System.getLogger(DocumentBridge.class.getName());
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final StorageArea area;
    private final ChangeSource source;
    private final Function<ChangeSource, String> writerUrl;
    private JSObject receiver;
    private Subscription subscription;

    /**
     * @param area      the area of the document's origin in its tab's namespace
     * @param source    this document's token, so its own writes do not come back to it as events
     * @param writerUrl the URL of the document that made a change, by its token ("" if not one of the tab's)
     */
    DocumentBridge(StorageArea area, ChangeSource source, Function<ChangeSource, String> writerUrl) {
        this.area = Objects.requireNonNull(area, "area");
        this.source = Objects.requireNonNull(source, "source");
        this.writerUrl = Objects.requireNonNull(writerUrl, "writerUrl");
    }

    /** Stores an item; see the class comment for the result. */
    public int set(String key, String value) {
        if (key == null || value == null) {
            return NOT_WRITABLE;
        }
        try {
            area.set(key, value, source);
            return OK;
        } catch (QuotaExceededException e) {
            return QUOTA_EXCEEDED;
        } catch (IllegalStateException e) {
            return NOT_WRITABLE;
        }
    }

    /** Removes an item. */
    public int remove(String key) {
        if (key == null) {
            return NOT_WRITABLE;
        }
        try {
            area.remove(key, source);
            return OK;
        } catch (IllegalStateException e) {
            return NOT_WRITABLE;
        }
    }

    /** Removes every item of the document's origin. */
    public int clear() {
        try {
            area.clear(source);
            return OK;
        } catch (IllegalStateException e) {
            return NOT_WRITABLE;
        }
    }

    StorageArea area() {
        return area;
    }

    ChangeSource source() {
        return source;
    }

    /** The area's items as the install script's seed: a JSON array {@code [key, value, key, value...]}. */
    String seedJson() {
        return JsonSeed.encode(area.getAll());
    }

    /** Starts pushing other documents' changes of the area to the document's {@code receiver}. */
    void connect(JSObject documentReceiver) {
        if (subscription != null) {
            throw new IllegalStateException("already connected");
        }
        this.receiver = Objects.requireNonNull(documentReceiver, "documentReceiver");
        this.subscription = area.addChangeListener(this::onChange);
        OPEN.incrementAndGet();
    }

    /** Stops the pushes and lets go of the document's receiver. Idempotent. */
    void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
            receiver = null;
            OPEN.decrementAndGet();
        }
    }

    /** Bridges connected and not yet closed, in this JVM: the leak check of the tests. */
    static int openCount() {
        return OPEN.get();
    }

    private void onChange(StorageChange change) {
        JSObject target = receiver;
        if (target == null || change.source() == source) {
            return;
        }
        String url = writerUrl.apply(change.source());
        try {
            if (change.cleared()) {
                target.call("change", null, null, null, url, Boolean.TRUE);
                return;
            }
            for (Map.Entry<String, StorageChange.ValueChange> e : change.changes().entrySet()) {
                target.call("change", e.getKey(), e.getValue().oldValue(), e.getValue().newValue(), url,
                        Boolean.FALSE);
            }
        } catch (JSException | IllegalStateException e) {
            // The receiving document is being torn down; it gets a fresh seed if it ever loads again.
            LOG.log(Level.DEBUG, "could not push a change to a document", e);
        }
    }
}
