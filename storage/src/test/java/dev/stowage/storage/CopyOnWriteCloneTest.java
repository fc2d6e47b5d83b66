package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyOnWriteCloneTest {
    private static final Origin A = Origin.of("https://a.example");
    private static final Origin B = Origin.of("https://b.example");

    private final SessionStorageService service = new SessionStorageService();
    private final SessionNamespace opener = service.createNamespace();

    @Test
    void aCloneStartsWithACopyOfEveryOrigin() {
        opener.area(A).set("a", "1");
        opener.area(B).set("b", "2");
        SessionNamespace clone = service.cloneNamespace(opener.id());
        assertNotEquals(opener.id(), clone.id());
        assertEquals("1", clone.area(A).get("a"));
        assertEquals("2", clone.area(B).get("b"));
        assertEquals(opener.totalBytesInUse(), clone.totalBytesInUse());
    }

    @Test
    void aCloneAndItsSourceShareTheirItemsUntilEitherWrites() {
        opener.area(A).set("k", "v");
        opener.area(B).set("k", "v");
        SessionNamespace clone = service.cloneNamespace(opener.id());
        assertTrue(clone.area(A).sharesItemsWith(opener.area(A)));
        assertTrue(opener.area(A).sharesItemsWith(opener.area(A)));
        assertFalse(clone.area(A).sharesItemsWith(opener.area(B)), "equal items, other maps");
        opener.area(A).set("k", "changed");
        assertFalse(clone.area(A).sharesItemsWith(opener.area(A)), "a write forks the map");
        assertTrue(clone.area(B).sharesItemsWith(opener.area(B)), "the other area still shares");
        clone.area(B).remove("k");
        assertFalse(clone.area(B).sharesItemsWith(opener.area(B)));
    }

    @Test
    void laterWritesOnEitherSideAreNotShared() {
        opener.area(A).set("k", "before");
        SessionNamespace clone = service.cloneNamespace(opener.id());
        opener.area(A).set("k", "opener");
        clone.area(A).set("k", "clone");
        clone.area(A).set("only-clone", "x");
        opener.area(A).remove("k");
        assertNull(opener.area(A).get("k"));
        assertEquals("clone", clone.area(A).get("k"));
        assertNull(opener.area(A).get("only-clone"));
    }

    @Test
    void clearingOneSideLeavesTheOtherIntact() {
        opener.area(A).set("k", "v");
        SessionNamespace clone = service.cloneNamespace(opener.id());
        clone.area(A).clear();
        assertEquals("v", opener.area(A).get("k"));
        opener.area(A).clear();
        opener.area(A).set("n", "1");
        assertEquals(0, clone.area(A).length());
    }

    @Test
    void aCloneOfACloneAndTheSourceStayIndependent() {
        opener.area(A).set("k", "0");
        SessionNamespace c1 = service.cloneNamespace(opener.id());
        SessionNamespace c2 = service.cloneNamespace(c1.id());
        c1.area(A).set("k", "1");
        assertEquals("0", opener.area(A).get("k"));
        assertEquals("0", c2.area(A).get("k"));
        c2.area(A).set("k", "2");
        opener.area(A).set("k", "x");
        assertEquals(List.of("1", "2", "x"),
                List.of(c1.area(A).get("k"), c2.area(A).get("k"), opener.area(A).get("k")));
    }

    @Test
    void destroyingOneSideLeavesTheOtherWritable() {
        opener.area(A).set("k", "v");
        SessionNamespace clone = service.cloneNamespace(opener.id());
        service.deleteNamespace(opener.id(), false);
        clone.area(A).set("k", "w");
        clone.area(A).set("j", "x");
        assertEquals(Map.of("k", "w", "j", "x"), clone.area(A).getAll());
    }

    @Test
    void keyOrderAndQuotaCarryOverToTheClone() {
        SessionStorageService small = new SessionStorageService(20);
        SessionNamespace ns = small.createNamespace();
        ns.area(A).set("b", "1");
        ns.area(A).set("a", "2");
        SessionNamespace clone = small.cloneNamespace(ns.id());
        assertEquals(List.of("b", "a"), clone.area(A).getKeys());
        assertEquals(20, clone.area(A).quotaBytes());
    }

    @Test
    void clonesReportTheirOwnNamespaceInChanges() {
        opener.area(A).set("k", "v");
        SessionNamespace clone = service.cloneNamespace(opener.id());
        RecordingListener l = new RecordingListener();
        service.addChangeListener(l);
        clone.area(A).set("k", "w");
        assertEquals(clone.id(), l.last().namespaceId());
        assertEquals(1, l.changes.size());
    }
}
