package dev.stowage.app.page;

import dev.stowage.storage.Origin;
import dev.stowage.storage.StorageArea;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import netscape.javascript.JSObject;

/**
 * The live documents of a group of tabs (a window's), by origin, so that a page can use another tab's
 * {@code sessionStorage} object as browsers let it: a popup handing {@code opener.sessionStorage} to its
 * own {@code Storage.prototype.getItem}, or to its {@code StorageEvent} constructor.
 *
 * <p>Each document is introduced to the same-origin documents of the group's <em>other</em> tabs as an
 * acquaintance: their install scripts recognise each other's storage objects and event records. Nothing
 * else passes between them: other tabs have other areas, so no cache coherence and no {@code storage}
 * events (documents of the same tab and storage key are peers; {@link PageStorage} links those).
 *
 * <p>Keyed by origin, not storage key, on purpose: whether a page can reach another window's
 * {@code sessionStorage} object is the same-origin policy's call, and a popup's top-level document may
 * legitimately hold its opener's cross-site iframe's object (same origin, another partition). Each object
 * still writes its own owner's area.
 *
 * <p><b>Ownership.</b> Created by whoever creates the tabs and shared by every {@link PageStorage} of the
 * group; each registers its documents when they start and removes them, without calling into them, when
 * they go. <b>Threading.</b> FX thread only.
 */
public final class DocumentDirectory {
    private static final System.Logger LOG = System.getLogger(DocumentDirectory.class.getName());

    private record Entry(int id, PageStorage owner, DocumentBridge bridge, JSObject receiver) {
        StorageArea area() {
            return bridge.area();
        }
    }

    private final Map<Origin, List<Entry>> byOrigin = new HashMap<>();
    private int lastId;

    /** An id for a new document, unique within this directory (the install scripts key their lists by it). */
    int newDocumentId() {
        return ++lastId;
    }

    /**
     * Registers a started document (its bridge and its receiver) and introduces it to the same-origin
     * documents of the other tabs.
     */
    void add(PageStorage owner, DocumentBridge bridge, JSObject receiver) {
        Origin origin = bridge.area().origin();
        int id = bridge.id();
        List<Entry> sameOrigin = byOrigin.computeIfAbsent(origin, o -> new ArrayList<>());
        for (Entry other : sameOrigin) {
            if (other.owner() != owner) {
                call(other.receiver(), "addAcquaintance", id, receiver);
                call(receiver, "addAcquaintance", other.id(), other.receiver());
            }
        }
        sameOrigin.add(new Entry(id, owner, bridge, receiver));
    }

    /**
     * A live document whose cache holds exactly {@code area}'s items, to seed a starting document of that
     * area from: its area shares its copy-on-write map with {@code area} (a popup's copy and its opener's
     * page, before either wrote), checked again after that document's tab sent Java its pending writes
     * (its cache may hold writes Java has not seen yet, its own or its peers'). Seeding from it copies
     * JavaScript strings that both documents' realms share, where a JSON seed of a big area costs tens of
     * milliseconds to encode and parse. Null when there is none.
     */
    JSObject donorFor(StorageArea area) {
        for (Entry entry : byOrigin.getOrDefault(area.origin(), List.of())) {
            // A document whose frame went away may stay listed until its tab's next document starts;
            // calling into it would find nothing.
            if (entry.area().sharesItemsWith(area) && entry.owner().isAlive(entry.bridge())) {
                entry.owner().flush();
                if (entry.area().sharesItemsWith(area)) {
                    return entry.receiver();
                }
            }
        }
        return null;
    }

    /** Forgets a document without calling into it (it may be gone) and tells its acquaintances. */
    void remove(Origin origin, int id) {
        List<Entry> sameOrigin = byOrigin.get(origin);
        if (sameOrigin == null) {
            return;
        }
        PageStorage owner = null;
        for (Iterator<Entry> it = sameOrigin.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.id() == id) {
                owner = entry.owner();
                it.remove();
            }
        }
        if (sameOrigin.isEmpty()) {
            byOrigin.remove(origin);
        }
        if (owner == null) {
            return;
        }
        for (Entry other : sameOrigin) {
            if (other.owner() != owner) {
                call(other.receiver(), "removeAcquaintance", id);
            }
        }
    }

    /** Documents registered now, for tests. */
    int size() {
        return byOrigin.values().stream().mapToInt(List::size).sum();
    }

    private static void call(JSObject receiver, String method, Object... args) {
        try {
            receiver.call(method, args);
        } catch (RuntimeException e) {
            // As with peers: the other document may be in the middle of being torn down; its own tab's
            // next walk takes it off the directory.
            LOG.log(Level.DEBUG, "could not " + method + " a document of another tab", e);
        }
    }
}
