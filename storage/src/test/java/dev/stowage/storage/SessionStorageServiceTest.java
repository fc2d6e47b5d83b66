package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStorageServiceTest {
    private static final Origin A = Origin.of("https://a.example");
    private static final StorageKey KEY_A = StorageKey.firstParty(Origin.of("https://a.example"));
    private static final Origin B = Origin.of("https://b.example");

    private final SessionStorageService service = new SessionStorageService();

    @Test
    void createsNamespacesWithUniqueIdsAndFindsThemById() {
        SessionNamespace one = service.createNamespace();
        SessionNamespace two = service.createNamespace();
        assertFalse(one.id().equals(two.id()));
        assertSame(one, service.namespace(one.id()).orElseThrow());
        assertEquals(Set.of(one.id(), two.id()), service.namespaceIds());
        assertTrue(service.namespace("nope").isEmpty());
    }

    @Test
    void refusesDuplicateOrBlankIds() {
        service.createNamespace("tab-1");
        assertThrows(IllegalArgumentException.class, () -> service.createNamespace("tab-1"));
        assertThrows(IllegalArgumentException.class, () -> service.createNamespace(""));
        assertThrows(NoSuchElementException.class, () -> service.cloneNamespace("missing"));
    }

    @Test
    void defaultQuotaIsFiveMebibytesAndConfigurable() {
        assertEquals(5L * 1024 * 1024, service.createNamespace().area(A).quotaBytes());
        assertEquals(1234, new SessionStorageService(1234).createNamespace().area(A).quotaBytes());
        assertThrows(IllegalArgumentException.class, () -> new SessionStorageService(-1));
    }

    @Test
    void deleteWithoutPersistDestroysAtOnce() {
        SessionNamespace ns = service.createNamespace();
        ns.area(A).set("k", "v");
        assertTrue(service.deleteNamespace(ns.id(), false));
        assertEquals(SessionNamespace.State.DESTROYED, ns.state());
        assertTrue(service.namespace(ns.id()).isEmpty());
        assertEquals(0, ns.totalBytesInUse());
        assertFalse(service.deleteNamespace(ns.id(), false));
    }

    @Test
    void persistedNamespacesSurviveUntilScavengedUnlessReferenced() {
        SessionNamespace closedKept = service.createNamespace();
        SessionNamespace closedDropped = service.createNamespace();
        SessionNamespace open = service.createNamespace();
        closedKept.area(A).set("k", "kept");
        service.deleteNamespace(closedKept.id(), true);
        service.deleteNamespace(closedDropped.id(), true);

        Set<String> removed = service.scavenge(Set.of(closedKept.id()));

        assertEquals(Set.of(closedDropped.id()), removed);
        assertEquals(SessionNamespace.State.DESTROYED, closedDropped.state());
        assertEquals(SessionNamespace.State.ACTIVE, open.state());
        assertEquals("kept", service.namespace(closedKept.id()).orElseThrow().area(A).get("k"));
    }

    @Test
    void reattachingAPersistedNamespaceMakesItWritableAgain() {
        SessionNamespace ns = service.createNamespace();
        ns.area(A).set("k", "v");
        service.deleteNamespace(ns.id(), true);
        assertSame(ns, service.reattachNamespace(ns.id()));
        ns.area(A).set("k", "w");
        assertEquals("w", ns.area(A).get("k"));
        assertThrows(IllegalStateException.class, () -> service.reattachNamespace(ns.id()));
        assertThrows(NoSuchElementException.class, () -> service.reattachNamespace("missing"));
    }

    @Test
    void restoresANamespaceFromASnapshotAsPersisted() {
        SessionNamespace original = service.createNamespace();
        original.area(A).set("a", "1");
        original.area(A).set("b", "2");
        NamespaceSnapshot saved = original.snapshot();

        SessionStorageService afterRestart = new SessionStorageService();
        SessionNamespace restored = afterRestart.restoreNamespace(saved);
        assertEquals(original.id(), restored.id());
        assertEquals(SessionNamespace.State.PERSISTED, restored.state());
        afterRestart.reattachNamespace(restored.id());
        restored.area(A).set("a", "changed");
        assertEquals(Map.of("a", "changed", "b", "2"), restored.area(A).getAll());
        assertEquals(Map.of("a", "1", "b", "2"), saved.areas().get(KEY_A).items());
        assertThrows(IllegalArgumentException.class, () -> afterRestart.restoreNamespace(saved));
    }

    @Test
    void restoresFromPlainData() {
        NamespaceSnapshot parsed = NamespaceSnapshot.of("tab-7", Map.of(StorageKey.firstParty(B), Map.of("k", "v")));
        SessionNamespace ns = service.restoreNamespace(parsed);
        assertEquals("v", ns.area(B).get("k"));
        assertEquals(4, ns.bytesInUse(B));
    }

    @Test
    void clearOriginClearsThatOriginInEveryNamespaceOnly() {
        SessionNamespace one = service.createNamespace();
        SessionNamespace two = service.createNamespace();
        SessionNamespace closed = service.createNamespace();
        for (SessionNamespace ns : new SessionNamespace[]{one, two, closed}) {
            ns.area(A).set("k", "v");
            ns.area(B).set("k", "v");
        }
        service.deleteNamespace(closed.id(), true);
        RecordingListener l = new RecordingListener();
        service.addChangeListener(l);

        service.clearOrigin(A);

        for (SessionNamespace ns : new SessionNamespace[]{one, two, closed}) {
            assertEquals(0, ns.area(A).length());
            assertEquals("v", ns.area(B).get("k"));
        }
        assertEquals(3, l.changes.size());
        assertTrue(l.changes.stream().allMatch(c -> c.cleared() && c.source() == ChangeSource.NONE));
    }

    @Test
    void clearOriginWithASourceReportsItsChangesAsThatSources() {
        SessionNamespace ns = service.createNamespace();
        ns.area(A).set("k", "v");
        RecordingListener l = new RecordingListener();
        service.addChangeListener(l);
        ChangeSource clearing = ChangeSource.named("clear site data", "stowage://clear-site-data");

        service.clearOrigin(A, clearing);

        assertEquals(1, l.changes.size());
        assertTrue(l.changes.get(0).cleared());
        assertEquals(clearing, l.changes.get(0).source());
        assertEquals("stowage://clear-site-data", l.changes.get(0).source().eventUrl());
    }

    @Test
    void serviceListenersGetNamespaceOriginKeyValuesAndSource() {
        RecordingListener l = new RecordingListener();
        service.addChangeListener(l);
        SessionNamespace ns = service.createNamespace();
        ChangeSource writer = ChangeSource.named("frame-1");
        ns.area(A).set("k", "v", writer);
        StorageChange c = l.last();
        assertEquals(ns.id(), c.namespaceId());
        assertEquals(A, c.origin());
        assertSame(writer, c.source());
        assertEquals(new StorageChange.ValueChange(null, "v"), c.changes().get("k"));
        assertFalse(ChangeSource.named("x") == ChangeSource.named("x"));
    }
}
