package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Leased snapshots: the picture holds still while leased, and once given back the area writes in place
 * again, unless another picture still holds its data.
 */
class SnapshotLeaseTest {
    private static final Origin A = Origin.of("https://a.example");
    private static final Origin B = Origin.of("https://b.example");

    private final SessionNamespace ns = new SessionStorageService().createNamespace();
    private final StorageArea a = ns.area(A);

    @Test
    void theLeasedPictureHoldsStillWhileTheAreaIsWritten() {
        a.set("k", "before");
        try (SnapshotLease lease = a.leaseSnapshot()) {
            a.set("k", "after");
            a.set("new", "x");
            assertEquals(Map.of("k", "before"), lease.snapshot().items());
        }
        assertEquals("after", a.get("k"));
    }

    @Test
    void givenBackTheAreaWritesInPlaceAgain() {
        a.set("k", "v");
        SnapshotLease lease = a.leaseSnapshot();
        assertFalse(ns.writesInPlace(a.storageKey()), "while leased, a write would copy");
        lease.close();
        assertTrue(ns.writesInPlace(a.storageKey()));
        lease.close(); // twice: nothing more
        assertTrue(ns.writesInPlace(a.storageKey()));
    }

    @Test
    void aPlainSnapshotStillHoldsTheDataForGood() {
        a.set("k", "v");
        AreaSnapshot kept = a.snapshot();
        a.leaseSnapshot().close();
        assertFalse(ns.writesInPlace(a.storageKey()), "the saver's picture still holds it");
        a.set("k", "changed");
        assertEquals("v", kept.get("k"));
    }

    @Test
    void givenBackAfterAnotherAreaForkedTheTableTheAreaWritesInPlaceAgain() {
        a.set("k", "v");
        ns.area(B).set("b", "1");
        SnapshotLease lease = a.leaseSnapshot();
        ns.area(B).set("b", "2"); // forks the table; a's map is now held by both tables
        assertFalse(ns.writesInPlace(a.storageKey()));
        lease.close();
        assertTrue(ns.writesInPlace(a.storageKey()), "the old table let go of its maps");
    }
}
