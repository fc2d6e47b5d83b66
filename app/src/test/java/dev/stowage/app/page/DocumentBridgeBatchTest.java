package dev.stowage.app.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stowage.storage.ChangeSource;
import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A document's batch as Java applies it: a run of sets lands as one write (one change event), in the
 * batch's order, around the removals and clears between runs; when a run does not fit the quota, exactly
 * the writes the area refuses one by one are left out. Plain Java: no page, no FX thread.
 */
class DocumentBridgeBatchTest {
    /** A document's bridge to one area of {@code quota} bytes, with the area's events and the problems noted. */
    private static final class Fixture {
        final StorageArea area;
        final List<StorageChange> events = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final DocumentBridge bridge;

        Fixture(long quota) {
            area = new SessionStorageService(quota).createNamespace().area(Origin.of("http://127.0.0.1:1/"));
            area.addChangeListener(events::add);
            bridge = new DocumentBridge(area, ChangeSource.named("doc"), 1, s -> false, problems::add, b -> true,
                    PageRequests.NONE);
        }
    }

    private final Fixture fixture = new Fixture(1024);
    private final StorageArea area = fixture.area;
    private final List<StorageChange> events = fixture.events;
    private final DocumentBridge bridge = fixture.bridge;

    private static String batch(String... ops) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < ops.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(ops[i]).append('"');
        }
        return json.append(']').toString();
    }

    @Test
    void aRunOfSetsIsOneChangeInTheBatchesOrder() {
        assertEquals(DocumentBridge.OK, bridge.apply(batch("s", "a", "1", "s", "b", "2", "s", "c", "3")));
        assertEquals(List.of("a", "b", "c"), area.getKeys());
        assertEquals(1, events.size(), "one event for the run");
        assertEquals(List.of("a", "b", "c"), List.copyOf(events.get(0).changes().keySet()));
    }

    @Test
    void removalsAndClearsBetweenRunsKeepTheirPlace() {
        area.set("old", "x");
        events.clear();
        assertEquals(DocumentBridge.OK, bridge.apply(batch("s", "a", "1", "r", "old", "s", "b", "2", "s", "a", "3",
                "c", "s", "z", "9")));
        assertEquals(Map.of("z", "9"), Map.copyOf(area.getAll()), "the clear came after the first runs");
        assertEquals(5, events.size(), "a run, the removal, a run, the clear, and the last run: " + events);
    }

    @Test
    void aKeySetTwiceInARunTakesItsLaterPlace() {
        assertEquals(DocumentBridge.OK, bridge.apply(batch("s", "a", "1", "s", "b", "2", "s", "a", "3")));
        assertEquals(List.of("a", "b"), area.getKeys(), "a existed first; its second write changes its value only");
        assertEquals("3", area.get("a"));
    }

    @Test
    void aTruncatedBatchKeepsTheWritesBeforeTheCut() {
        assertEquals(DocumentBridge.REJECTED, bridge.apply(batch("s", "a", "1", "s", "b", "2", "s", "c")));
        assertEquals(List.of("a", "b"), area.getKeys());
        assertEquals(List.of("a document sent a truncated batch"), fixture.problems);
    }

    @Test
    void aRunOverTheQuotaLeavesOutExactlyTheWritesThatDoNotFit() {
        Fixture small = new Fixture(40); // 2 bytes per UTF-16 unit: 20 units
        int status = small.bridge.apply(batch("s", "k1", "123456789", "s", "k2", "123456789", "s", "k3", "1"));
        assertEquals(DocumentBridge.QUOTA_EXCEEDED, status);
        assertEquals(List.of("k1", "k3"), small.area.getKeys(), "k2 did not fit after k1; k3 did");
        assertEquals(1, small.problems.size(), "the refusal is reported as drift: " + small.problems);
    }
}
