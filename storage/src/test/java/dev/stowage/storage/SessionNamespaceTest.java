package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SessionNamespaceTest {
    private static final Origin A = Origin.of("https://a.example");
    private static final StorageKey KEY_A = StorageKey.firstParty(Origin.of("https://a.example"));
    private static final Origin B = Origin.of("http://b.example:8080");

    private final SessionStorageService service = new SessionStorageService();
    private final SessionNamespace ns = service.createNamespace();

    @Test
    void givesOneAreaPerOriginWhichHoldsDataFromItsFirstWrite() {
        assertTrue(ns.existingArea(A).isEmpty());
        StorageArea a = ns.area(A);
        assertTrue(a == ns.area(Origin.of("https://A.example:443/other/page")));
        assertEquals(Set.of(), ns.origins());
        a.set("k", "v");
        a.remove("k");
        assertEquals(Set.of(A), ns.origins());
        assertTrue(ns.existingArea(A).orElseThrow() == a);
        assertEquals(ns.id(), a.namespaceId());
    }

    @Test
    void refusesOpaqueOrigins() {
        assertThrows(IllegalArgumentException.class, () -> ns.area(Origin.of("data:text/html,x")));
    }

    @Test
    void countsBytesPerOriginAndInTotal() {
        ns.area(A).set("k", "vv");
        ns.area(B).set("kk", "v");
        assertEquals(6, ns.bytesInUse(A));
        assertEquals(6, ns.bytesInUse(B));
        assertEquals(0, ns.bytesInUse(Origin.of("https://c.example")));
        assertEquals(12, ns.totalBytesInUse());
    }

    @Test
    void namespaceListenersHearEveryAreaOfTheNamespace() {
        RecordingListener l = new RecordingListener();
        ns.addChangeListener(l);
        ns.area(A).set("x", "1");
        ns.area(B).set("y", "2");
        service.createNamespace().area(A).set("z", "3");
        assertEquals(List.of(A, B), l.changes.stream().map(StorageChange::origin).toList());
    }

    @Test
    void snapshotIsAnImmutablePictureOfNonEmptyAreas() {
        ns.area(A).set("k", "1");
        ns.area(B);
        NamespaceSnapshot snap = ns.snapshot();
        ns.area(A).set("k", "2");
        ns.area(A).set("j", "3");
        ns.area(B).set("b", "4");
        assertEquals(ns.id(), snap.namespaceId());
        assertEquals(Set.of(KEY_A), snap.areas().keySet());
        assertEquals(Map.of("k", "1"), snap.areas().get(KEY_A).items());
        assertEquals(4, snap.totalBytesInUse());
        assertThrows(UnsupportedOperationException.class, () -> snap.areas().get(KEY_A).items().put("x", "y"));
        assertEquals("2", ns.area(A).get("k"));
    }

    @Test
    void snapshotsCanBeReadOnAnotherThreadWhileTheOwnerWrites() throws Exception {
        StorageArea area = ns.area(A);
        for (int i = 0; i < 1000; i++) {
            area.set("k" + i, "v" + i);
        }
        NamespaceSnapshot snap = ns.snapshot();
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> reader = pool.submit(() -> {
                long sum = 0;
                for (int round = 0; round < 200; round++) {
                    for (String v : snap.areas().get(KEY_A).items().values()) {
                        sum += v.length();
                    }
                }
                return sum;
            });
            for (int i = 0; i < 1000; i++) {
                area.set("k" + i, "changed");
                area.remove("k" + ((i * 7) % 1000));
            }
            long expectedPerRound = snap.areas().get(KEY_A).items().values().stream().mapToLong(String::length).sum();
            assertEquals(expectedPerRound * 200, reader.get());
        } finally {
            pool.shutdown();
        }
        assertEquals(1000, snap.areas().get(KEY_A).length());
        assertEquals("v999", snap.areas().get(KEY_A).get("k999"));
    }

    @Test
    void snapshotOfPlainDataDropsEmptyAreasAndRefusesOpaqueTopLevelSites() {
        NamespaceSnapshot snap = NamespaceSnapshot.of("id", Map.of(KEY_A, Map.of("k", "v"), StorageKey.firstParty(B), Map.of()));
        assertEquals(Set.of(KEY_A), snap.areas().keySet());
        assertThrows(IllegalArgumentException.class,
                () -> NamespaceSnapshot.of("id", Map.of(new StorageKey(A, Site.of(Origin.opaque())), Map.of("k", "v"))));
        assertThrows(IllegalArgumentException.class, () -> NamespaceSnapshot.of(" ", Map.of()));
    }

    @Test
    void persistedNamespacesAreReadableButNotWritable() {
        ns.area(A).set("k", "v");
        service.deleteNamespace(ns.id(), true);
        assertEquals(SessionNamespace.State.PERSISTED, ns.state());
        assertEquals("v", ns.area(A).get("k"));
        assertThrows(IllegalStateException.class, () -> ns.area(A).set("k", "w"));
        assertThrows(IllegalStateException.class, () -> ns.area(A).remove("k"));
        assertThrows(IllegalStateException.class, () -> ns.area(A).clear());
        assertThrows(IllegalStateException.class, () -> ns.area(B).set("k", "v"));
        assertNull(ns.area(B).get("k"));
        assertNull(ns.existingArea(B).orElse(null));
    }

    @Test
    void theShellMayEditAPersistedNamespaceWhichStaysPersisted() {
        ns.area(A).set("k", "v");
        service.deleteNamespace(ns.id(), true);
        List<StorageChange> seen = new ArrayList<>();
        service.addChangeListener(seen::add);
        ChangeSource inspector = ChangeSource.named("inspector", "stowage://inspector");
        assertTrue(service.edit(ns.id(), edited -> edited.area(A).set("k", "edited", inspector)));
        assertEquals("edited", ns.area(A).get("k"));
        assertEquals(SessionNamespace.State.PERSISTED, ns.state());
        assertEquals(1, seen.size());
        assertEquals("stowage://inspector", seen.get(0).source().eventUrl());
        assertThrows(IllegalStateException.class, () -> ns.area(A).set("k", "w"), "outside edit, still not writable");
        assertThrows(QuotaExceededException.class, () -> service.edit(ns.id(),
                edited -> edited.area(A).set("big", "x".repeat((int) service.quotaBytesPerArea()))));
        assertEquals(SessionNamespace.State.PERSISTED, ns.state(), "persisted again after a failed edit");
        assertFalse(service.edit("no-such-namespace", edited -> { }));
    }
}
