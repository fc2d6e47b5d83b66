package dev.stowage.app.page;

import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.QuotaExceededException;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageChange;
import dev.stowage.storage.Subscription;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import netscape.javascript.JSException;
import netscape.javascript.JSObject;

/**
 * The Java object one document's sessionStorage script writes through: the only Java object a page's
 * realm ever holds.
 *
 * <p><b>What a page can reach.</b> The install script keeps this object in a closure, but WebKit makes
 * every public method of it callable from JavaScript, so the public surface is exactly one method,
 * {@link #apply(String)}: a String argument, an int result, no public fields. The origin and the namespace are fixed by Java
 * at construction (from the frame's document URL and the tab); nothing a page passes can name another
 * origin or tab. Everything the shell needs is package-private, which JavaScript cannot call.
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
    static final int REJECTED = 3;

    private static final System.Logger LOG = System.getLogger(DocumentBridge.class.getName());
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final StorageArea area;
    private final ChangeSource source;
    private final int id;
    private final Predicate<ChangeSource> sameTab;
    private final Consumer<String> problems;
    private final Predicate<DocumentBridge> alive;
    private final PageRequests requests;
    private JSObject receiver;
    private Subscription subscription;

    /**
     * @param area     the area of the document's storage key (origin and the tab's top-level site) in its
     *                 tab's namespace
     * @param source   this document's token
     * @param sameTab  whether a change's source is a document of this tab: those documents update each
     *                 other's caches in JavaScript, so Java pushes only the changes made elsewhere
     * @param problems where to report that a document and Java disagree
     * @param alive    whether the document is still the one in its frame, asked before Java calls into it
     *                 for a change made elsewhere (calling into a window WebKit has torn down crashes it)
     * @param requests where the document's announcements go (the {@code "o"} entry)
     */
    DocumentBridge(StorageArea area, ChangeSource source, int id, Predicate<ChangeSource> sameTab,
                   Consumer<String> problems, Predicate<DocumentBridge> alive, PageRequests requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.area = Objects.requireNonNull(area, "area");
        this.source = Objects.requireNonNull(source, "source");
        this.id = id;
        this.alive = Objects.requireNonNull(alive, "alive");
        this.sameTab = Objects.requireNonNull(sameTab, "sameTab");
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /**
     * Applies the document's batch of writes, in order: a JSON array of {@code "s", key, value},
     * {@code "r", key} and {@code "c"} entries, and the announcement {@code "o", kind, url, target, flags}
     * (see {@link PageRequests#openIntent}) and the history step {@code "h", delta}
     * ({@link PageRequests#historyGo}), which the navigation script sends alone. The script has already decided each write against the
     * quota; the area decides again, and a disagreement is reported as a failure (it would mean the
     * document's cache had drifted from Java).
     *
     * @return {@link #OK}, {@link #QUOTA_EXCEEDED} if some write was refused, {@link #NOT_WRITABLE} if the
     *         namespace no longer takes writes (the tab is closing; the rest of the batch is dropped),
     *         {@link #REJECTED} for a malformed batch
     */
    public int apply(String batch) {
        if (batch == null) {
            return REJECTED;
        }
        List<String> ops;
        try {
            ops = JsonStrings.decodeArray(batch);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            problems.accept("a document sent a malformed batch: " + e.getMessage());
            return REJECTED;
        }
        int status = OK;
        int i = 0;
        // Consecutive sets go in as one multi-key write, one change event: a script's burst of 10k writes
        // was 10k events, each through every listener of the area, the namespace and the service.
        Map<String, String> sets = new LinkedHashMap<>();
        try {
            while (i < ops.size()) {
                String op = ops.get(i++);
                if (!op.equals("s") && !sets.isEmpty()) {
                    status = Math.max(status, setAll(sets));
                }
                switch (op) {
                    case "s" -> {
                        String key = ops.get(i++);
                        String value = ops.get(i++);
                        if (sets.containsKey(key)) {
                            status = Math.max(status, setAll(sets)); // its place in the order is the later one
                        }
                        sets.put(key, value);
                    }
                    case "r" -> area.remove(ops.get(i++), source);
                    case "c" -> area.clear(source);
                    case "o" -> {
                        String kind = ops.get(i++);
                        String url = ops.get(i++);
                        String target = ops.get(i++);
                        requests.openIntent(kind, url, target, ops.get(i++));
                    }
                    case "h" -> {
                        try {
                            requests.historyGo(Integer.parseInt(ops.get(i++)));
                        } catch (NumberFormatException e) {
                            problems.accept("a document sent a malformed history step");
                            return REJECTED;
                        }
                    }
                    default -> {
                        problems.accept("a document sent an unknown write " + op);
                        return REJECTED;
                    }
                }
            }
            if (!sets.isEmpty()) {
                status = Math.max(status, setAll(sets));
            }
        } catch (IndexOutOfBoundsException e) {
            if (!sets.isEmpty()) {
                setAll(sets); // the writes before the cut stand, as each did when written one by one
            }
            problems.accept("a document sent a truncated batch");
            return REJECTED;
        } catch (IllegalStateException e) {
            return NOT_WRITABLE;
        }
        return status;
    }

    StorageArea area() {
        return area;
    }

    ChangeSource source() {
        return source;
    }

    /** The area's items as the install script's seed: a JSON array {@code [key, value, key, value...]}. */
    String seedJson() {
        return JsonStrings.encode(area.getAll());
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

    /** The document's number among the tab's documents; peers know each other by it. */
    int id() {
        return id;
    }

    JSObject receiver() {
        return receiver;
    }

    /** Asks the document to send its pending writes now. */
    void flush() {
        JSObject target = receiver;
        if (target == null) {
            return;
        }
        try {
            target.call("flush");
        } catch (JSException | IllegalStateException e) {
            unreachable("flush", e);
        }
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
        if (target == null || change.source() == source || sameTab.test(change.source()) || !alive.test(this)) {
            return;
        }
        String url = change.source().eventUrl(); // "" for a change the shell made without a URL of its own
        try {
            if (change.cleared()) {
                target.call("change", null, null, null, url, Boolean.TRUE);
                return;
            }
            Map<String, StorageChange.ValueChange> changes = change.changes();
            if (changes.size() == 1) {
                Map.Entry<String, StorageChange.ValueChange> e = changes.entrySet().iterator().next();
                target.call("change", e.getKey(), e.getValue().oldValue(), e.getValue().newValue(), url,
                        Boolean.FALSE);
            } else {
                // One call for the lot, whose events the page groups: a call and a timer per key took 1.3-1.5 s
                // of the FX thread for a 100k-key write into a tab with a live page, 0.65 s so (measured).
                target.call("changes", JsonStrings.encodeChanges(changes), url);
            }
        } catch (JSException | IllegalStateException e) {
            unreachable("push a change to", e);
        }
    }

    /**
     * Writes {@code sets} (then empties it) as the document's script decided them: in one go when they fit,
     * else one by one, so that exactly the writes the area refuses are left out (each refusal means the
     * document's cache drifted from Java).
     */
    private int setAll(Map<String, String> sets) {
        int status = OK;
        try {
            if (sets.size() == 1) {
                Map.Entry<String, String> only = sets.entrySet().iterator().next();
                area.set(only.getKey(), only.getValue(), source);
            } else {
                area.set(sets, source);
            }
        } catch (QuotaExceededException all) {
            for (Map.Entry<String, String> e : sets.entrySet()) {
                try {
                    area.set(e.getKey(), e.getValue(), source);
                } catch (QuotaExceededException e1) {
                    status = QUOTA_EXCEEDED;
                    problems.accept("a document's cache drifted from Java: " + e1.getMessage());
                }
            }
        } finally {
            sets.clear();
        }
        return status;
    }

    /**
     * A call into the document failed. A document being torn down may do that (it gets a fresh seed if it
     * ever loads again); a document still in its frame must not: its cache and Java now disagree, which
     * the shell must show rather than lose writes quietly.
     */
    private void unreachable(String what, RuntimeException e) {
        if (alive.test(this)) {
            problems.accept("could not " + what + " a live document: " + e.getMessage());
        } else {
            LOG.log(Level.DEBUG, "could not " + what + " a document on its way out", e);
        }
    }
}
