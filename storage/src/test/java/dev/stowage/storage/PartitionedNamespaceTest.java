package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Areas belong to a storage key: a cross-site frame's partition is not its origin's first-party area. */
class PartitionedNamespaceTest {
    private static final Origin NEWS = Origin.of("http://127.0.0.1:8080");
    private static final Origin TRACKER = Origin.of("http://localhost:8080");
    private static final Origin SHOP = Origin.of("https://shop.com");
    /** The tracker framed by a page of NEWS. */
    private static final StorageKey FRAMED = new StorageKey(TRACKER, Site.of(NEWS));
    /** The tracker framed by a page of SHOP. */
    private static final StorageKey FRAMED_ELSEWHERE = new StorageKey(TRACKER, Site.of(SHOP));
    private static final StorageKey TRACKER_TOP = StorageKey.firstParty(TRACKER);

    private final SessionStorageService service = new SessionStorageService(100);
    private final SessionNamespace ns = service.createNamespace();

    @Test
    void aFramesWritesAreNotSeenByItsOriginsTopLevelPagesNorInOtherPartitions() {
        ns.area(FRAMED).set("id", "tracked");
        assertNull(ns.area(TRACKER).get("id"), "the first-party shorthand is not the frame's partition");
        assertNull(ns.area(TRACKER_TOP).get("id"));
        assertNull(ns.area(FRAMED_ELSEWHERE).get("id"));
        assertEquals("tracked", ns.area(new StorageKey(TRACKER, Site.of(Origin.of("http://127.0.0.1:9999")))).get("id"),
                "another page of the same top-level site (ports do not count) shares the partition");
        assertTrue(ns.existingArea(TRACKER).isEmpty());
        assertEquals(Set.of(FRAMED), ns.keys());
        assertEquals(Set.of(TRACKER), ns.origins());
        assertEquals(18, ns.bytesInUse(FRAMED));
        assertEquals(0, ns.bytesInUse(TRACKER));
    }

    @Test
    void theShorthandIsTheFirstPartyKeysVeryArea() {
        assertSame(ns.area(TRACKER_TOP), ns.area(TRACKER));
        assertSame(ns.area(StorageKey.firstParty(Origin.of("https://www.shop.com"))),
                ns.area(new StorageKey(Origin.of("https://www.shop.com"), Site.of(SHOP))),
                "a same-site frame uses its origin's first-party area");
        assertEquals(FRAMED, ns.area(FRAMED).storageKey());
        assertEquals(TRACKER, ns.area(FRAMED).origin());
    }

    @Test
    void theQuotaIsPerKey() {
        ns.area(TRACKER).set("k", "x".repeat(48)); // 98 of 100 bytes
        ns.area(FRAMED).set("k", "x".repeat(48));
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> ns.area(FRAMED).set("j", "y"));
        assertTrue(e.getMessage().contains("under"), e.getMessage());
        ns.area(FRAMED_ELSEWHERE).set("k", "x".repeat(48));
        assertEquals(3 * 98, ns.totalBytesInUse());
    }

    @Test
    void changesNameTheirPartition() {
        RecordingListener all = new RecordingListener();
        service.addChangeListener(all);
        RecordingListener topOnly = new RecordingListener();
        ns.area(TRACKER).addChangeListener(topOnly);
        ns.area(FRAMED).set("k", "v");
        ns.area(TRACKER).set("k", "w");
        assertEquals(List.of(FRAMED, TRACKER_TOP), all.changes.stream().map(StorageChange::storageKey).toList());
        assertEquals(List.of(TRACKER, TRACKER), all.changes.stream().map(StorageChange::origin).toList());
        assertEquals(1, topOnly.changes.size(), "an area hears its own key's changes only");
    }

    @Test
    void clearOriginClearsEveryPartitionOfTheOriginInEveryNamespaceAndNothingElse() {
        SessionNamespace other = service.createNamespace();
        ns.area(FRAMED).set("a", "1");
        ns.area(TRACKER).set("b", "2");
        ns.area(NEWS).set("c", "3");
        other.area(FRAMED_ELSEWHERE).set("d", "4");
        other.area(new StorageKey(NEWS, Site.of(TRACKER))).set("e", "5");
        service.deleteNamespace(other.id(), true);
        RecordingListener l = new RecordingListener();
        service.addChangeListener(l);
        service.clearOrigin(TRACKER);
        assertEquals(List.of(FRAMED, TRACKER_TOP, FRAMED_ELSEWHERE),
                l.changes.stream().map(StorageChange::storageKey).toList());
        assertTrue(l.changes.stream().allMatch(StorageChange::cleared));
        assertEquals(0, ns.area(FRAMED).length() + ns.area(TRACKER).length() + other.area(FRAMED_ELSEWHERE).length());
        assertEquals("3", ns.area(NEWS).get("c"));
        assertEquals("5", other.area(new StorageKey(NEWS, Site.of(TRACKER))).get("e"),
                "NEWS framed under the tracker's site is NEWS's data, not the tracker's");
    }

    @Test
    void clonesCopyEveryPartitionAndThenGoTheirOwnWay() {
        ns.area(FRAMED).set("k", "framed");
        ns.area(TRACKER).set("k", "top");
        SessionNamespace clone = service.cloneNamespace(ns.id());
        assertEquals(List.copyOf(ns.keys()), List.copyOf(clone.keys()));
        assertEquals("framed", clone.area(FRAMED).get("k"));
        clone.area(FRAMED).set("k", "clone");
        assertEquals("framed", ns.area(FRAMED).get("k"));
        assertEquals("top", clone.area(TRACKER).get("k"));
    }

    @Test
    void snapshotsAndRestoreKeepPartitionsApart() {
        ns.area(FRAMED).set("k", "framed");
        ns.area(TRACKER).set("k", "top");
        NamespaceSnapshot snap = ns.snapshot();
        assertEquals(List.of(FRAMED, TRACKER_TOP), List.copyOf(snap.areas().keySet()));
        assertEquals(FRAMED, snap.areas().get(FRAMED).storageKey());
        assertEquals("framed", snap.areas().get(FRAMED).get("k"));

        SessionStorageService afterRestart = new SessionStorageService(100);
        SessionNamespace restored = afterRestart.restoreNamespace(snap);
        assertEquals("framed", restored.area(FRAMED).get("k"));
        assertEquals("top", restored.area(TRACKER).get("k"));

        // The text form a session file would use reads back into the same partitions.
        NamespaceSnapshot parsed = NamespaceSnapshot.of("parsed", Map.of(
                StorageKey.fromSerialized(FRAMED.serialize()), Map.of("k", "framed"),
                StorageKey.fromSerialized(TRACKER_TOP.serialize()), Map.of("k", "top")));
        SessionNamespace fromFile = afterRestart.restoreNamespace(parsed);
        assertEquals("framed", fromFile.area(FRAMED).get("k"));
        assertEquals("top", fromFile.area(TRACKER).get("k"));
    }

    @Test
    void framesUnderAnOpaqueTopLevelDocumentShareOnlyWithEachOther() {
        Origin opaqueTop = Origin.opaque();
        StorageKey underIt = new StorageKey(TRACKER, Site.of(opaqueTop));
        ns.area(underIt).set("k", "v");
        assertEquals("v", ns.area(new StorageKey(TRACKER, Site.of(opaqueTop))).get("k"));
        assertNull(ns.area(new StorageKey(TRACKER, Site.of(Origin.opaque()))).get("k"));
        assertNull(ns.area(TRACKER).get("k"));
        assertTrue(ns.snapshot().areas().containsKey(underIt), "in memory, a snapshot still pictures it");
    }
}
