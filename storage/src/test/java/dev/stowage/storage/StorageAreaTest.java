package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.StorageChange.ValueChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorageAreaTest {
    private static final Origin ORIGIN = Origin.of("https://example.com");

    private SessionStorageService service;
    private StorageArea area;
    private final RecordingListener events = new RecordingListener();

    @BeforeEach
    void setUp() {
        service = new SessionStorageService(100);
        area = service.createNamespace("tab").area(ORIGIN);
        area.addChangeListener(events);
    }

    @Test
    void storesAndReadsItems() {
        area.set("a", "1");
        area.set("b", "2");
        assertEquals("1", area.get("a"));
        assertEquals(2, area.length());
        assertNull(area.get("missing"));
    }

    @Test
    void keysKeepInsertionOrderAndSettingAnExistingKeyKeepsItsPosition() {
        area.set("z", "1");
        area.set("a", "2");
        area.set("m", "3");
        area.set("z", "changed");
        assertEquals(List.of("z", "a", "m"), area.getKeys());
        assertEquals("z", area.key(0));
        assertEquals("a", area.key(1));
        assertEquals("m", area.key(2));
    }

    @Test
    void keyIsNullOutsideTheRange() {
        area.set("a", "1");
        assertNull(area.key(1));
        assertNull(area.key(-1));
        assertNull(area.key(Integer.MAX_VALUE));
    }

    @Test
    void keyFollowsChangesAfterAnIndexedScan() {
        area.set("a", "1");
        area.set("b", "2");
        area.set("c", "3");
        assertEquals("b", area.key(1));
        area.remove("a");
        assertEquals("c", area.key(1));
        assertEquals("b", area.key(0));
        area.set("d", "4");
        assertEquals("d", area.key(2));
    }

    @Test
    void removeAndClearDeleteItems() {
        area.set("a", "1");
        area.set("b", "2");
        area.remove("a");
        assertNull(area.get("a"));
        assertEquals(1, area.length());
        area.clear();
        assertEquals(0, area.length());
        assertEquals(0, area.getBytesInUse());
    }

    @Test
    void countsTwoBytesPerUtf16CodeUnitOfKeyAndValue() {
        area.set("ab", "cde");
        assertEquals(10, area.getBytesInUse());
        area.set("\uD83D\uDE00", "");
        assertEquals(14, area.getBytesInUse());
        area.set("ab", "c");
        assertEquals(10, area.getBytesInUse());
        area.remove("ab");
        assertEquals(4, area.getBytesInUse());
    }

    @Test
    void overQuotaSetThrowsWithQuotaAndRequestedBytesAndChangesNothing() {
        area.set("k", "x".repeat(40));
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> area.set("j", "y".repeat(9)));
        assertEquals(100, e.quotaBytes());
        assertEquals(82 + 20, e.requestedBytes());
        assertNull(area.get("j"));
        assertEquals(82, area.getBytesInUse());
        assertEquals(1, events.changes.size());
    }

    @Test
    void overQuotaReplacementKeepsTheOldValue() {
        area.set("k", "x".repeat(40));
        assertThrows(QuotaExceededException.class, () -> area.set("k", "y".repeat(50)));
        assertEquals("x".repeat(40), area.get("k"));
    }

    @Test
    void aWriteThatFitsExactlyIsAllowed() {
        area.set("k", "x".repeat(49));
        assertEquals(100, area.getBytesInUse());
    }

    @Test
    void reportsKeyOldAndNewValueOfEveryRealChange() {
        ChangeSource me = ChangeSource.named("doc");
        area.set("a", "1", me);
        area.set("a", "2", me);
        area.remove("a", me);
        assertEquals(3, events.changes.size());
        assertEquals(Map.of("a", new ValueChange(null, "1")), events.changes.get(0).changes());
        assertEquals(Map.of("a", new ValueChange("1", "2")), events.changes.get(1).changes());
        assertEquals(Map.of("a", new ValueChange("2", null)), events.changes.get(2).changes());
        StorageChange last = events.last();
        assertSame(me, last.source());
        assertEquals("tab", last.namespaceId());
        assertEquals(ORIGIN, last.origin());
        assertFalse(last.cleared());
    }

    @Test
    void noOpChangesReportNothing() {
        area.clear();
        area.remove("missing");
        area.set("a", "1");
        area.set("a", "1");
        area.set(Map.of("a", "1"));
        area.remove(List.of("x", "y"));
        assertEquals(1, events.changes.size());
    }

    @Test
    void clearReportsOneClearedChangeWithEveryOldValue() {
        area.set("a", "1");
        area.set("b", "2");
        area.clear();
        StorageChange c = events.last();
        assertTrue(c.cleared());
        assertEquals(List.of("a", "b"), List.copyOf(c.changes().keySet()));
        assertEquals(new ValueChange("2", null), c.changes().get("b"));
    }

    @Test
    void batchGetSetRemoveAndBytesInUse() {
        area.set(Map.of("a", "1", "b", "22"));
        assertEquals(Map.of("a", "1"), area.get(List.of("a", "missing")));
        assertEquals(Map.of("a", "1", "b", "22"), area.getAll());
        assertEquals(4, area.getBytesInUse(List.of("a", "a")));
        assertEquals(10, area.getBytesInUse());
        area.remove(List.of("a", "b", "c"));
        assertEquals(0, area.length());
    }

    @Test
    void batchSetReportsOnlyTheKeysThatChangedAsOneEvent() {
        area.set("same", "v");
        area.set("old", "1");
        events.changes.clear();
        area.set(Map.of("same", "v", "old", "2", "new", "3"));
        assertEquals(1, events.changes.size());
        assertEquals(Map.of("old", new ValueChange("1", "2"), "new", new ValueChange(null, "3")),
                events.last().changes());
    }

    @Test
    void batchSetIsAtomicAgainstTheQuota() {
        area.set("a", "x".repeat(20));
        QuotaExceededException e = assertThrows(QuotaExceededException.class,
                () -> area.set(Map.of("b", "y".repeat(10), "c", "z".repeat(20))));
        assertEquals(42 + 22 + 42, e.requestedBytes());
        assertNull(area.get("b"));
        assertNull(area.get("c"));
        assertEquals(1, area.length());
    }

    @Test
    void batchRemoveReportsOneEvent() {
        area.set("a", "1");
        area.set("b", "2");
        events.changes.clear();
        area.remove(List.of("a", "b"));
        assertEquals(1, events.changes.size());
        assertEquals(2, events.last().changes().size());
    }

    @Test
    void emptyStringsLoneSurrogatesAndNulAreOrdinaryKeysAndValues() {
        area.set("", "");
        area.set("\uD800", "\uDFFF");
        area.set("\0", "a\0b");
        area.set("__proto__", "p");
        assertEquals("", area.get(""));
        assertEquals("\uDFFF", area.get("\uD800"));
        assertEquals("a\0b", area.get("\0"));
        assertEquals("p", area.get("__proto__"));
        assertEquals(4, area.length());
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> area.set(null, "v"));
        assertThrows(NullPointerException.class, () -> area.set("k", null));
        assertThrows(NullPointerException.class, () -> area.get((String) null));
        assertThrows(NullPointerException.class, () -> area.remove((String) null));
        assertThrows(NullPointerException.class, () -> area.set("k", "v", null));
    }

    @Test
    void aThrowingListenerNeitherUndoesTheChangeNorSilencesOthers() {
        area.addChangeListener(c -> {
            throw new IllegalStateException("boom");
        });
        RecordingListener after = new RecordingListener();
        area.addChangeListener(after);
        area.set("a", "1");
        assertEquals("1", area.get("a"));
        assertEquals(1, after.changes.size());
    }

    @Test
    void closedSubscriptionsHearNothing() {
        RecordingListener l = new RecordingListener();
        Subscription s = area.addChangeListener(l);
        s.close();
        s.close();
        area.set("a", "1");
        assertTrue(l.changes.isEmpty());
    }

    @Test
    void quotaIsPerArea() {
        SessionNamespace ns = service.namespace("tab").orElseThrow();
        area.set("k", "x".repeat(49));
        StorageArea other = ns.area(Origin.of("https://other.example"));
        other.set("k", "x".repeat(49));
        assertEquals(200, ns.totalBytesInUse());
    }
}
