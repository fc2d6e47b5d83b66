package dev.stowage.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedItems} against a {@code LinkedHashMap}, through random puts, re-puts, removals and copies,
 * with both sides of a copy writing: each side must see exactly its own writes, in insertion order.
 */
class OrderedItemsTest {
    /** Keys from a small pool, many with equal hash codes ("Aa" and "BB" hash alike), so collisions happen. */
    private static String key(Random random) {
        StringBuilder key = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            key.append(random.nextBoolean() ? "Aa" : "BB");
        }
        return random.nextInt(3) == 0 ? key.toString() : key.append(random.nextInt(400)).toString();
    }

    private static void assertSame(Map<String, String> expected, OrderedItems actual, String why) {
        assertEquals(expected.size(), actual.size(), why);
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.asMap().entrySet()), why);
        List<String> keys = new ArrayList<>();
        actual.keys().forEachRemaining(keys::add);
        assertEquals(new ArrayList<>(expected.keySet()), keys, why);
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), why + ": " + k));
        assertEquals(expected, actual.asMap(), why);
    }

    @Test
    void randomWritesOnBothSidesOfCopiesMatchALinkedHashMap() {
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            List<OrderedItems> versions = new ArrayList<>(List.of(new OrderedItems()));
            List<LinkedHashMap<String, String>> models = new ArrayList<>(List.of(new LinkedHashMap<>()));
            for (int step = 0; step < 3000; step++) {
                int v = random.nextInt(versions.size());
                OrderedItems items = versions.get(v);
                LinkedHashMap<String, String> model = models.get(v);
                int op = random.nextInt(100);
                String key = key(random);
                String why = "seed " + seed + " step " + step;
                if (op < 55) {
                    String value = "v" + random.nextInt(1000);
                    assertEquals(model.put(key, value), items.put(key, value), why);
                } else if (op < 93) {
                    assertEquals(model.remove(key), items.remove(key), why);
                } else if (op < 97 && versions.size() < 6) {
                    versions.add(items.copy());
                    models.add(new LinkedHashMap<>(model));
                } else {
                    assertSame(model, items, why);
                }
            }
            for (int v = 0; v < versions.size(); v++) {
                assertSame(models.get(v), versions.get(v), "seed " + seed + " version " + v);
            }
        }
    }

    @Test
    void aCopyIsUntouchedByTheWritesOfTheOriginalAndTheOtherWayRound() {
        OrderedItems original = new OrderedItems();
        for (int i = 0; i < 10_000; i++) {
            original.put("k" + i, "v" + i);
        }
        OrderedItems frozen = original.copy();
        for (int i = 0; i < 10_000; i += 3) {
            original.put("k" + i, "changed");
            original.remove("k" + (i + 1));
        }
        original.put("new", "n");
        assertEquals("v0", frozen.get("k0"));
        assertEquals("v1", frozen.get("k1"));
        assertNull(frozen.get("new"));
        assertEquals(10_000, frozen.size());
        assertEquals("changed", original.get("k0"));
        assertNull(original.get("k1"));
        frozen.put("k0", "frozen side");
        assertEquals("changed", original.get("k0"));
    }

    @Test
    void removingMostKeysCompactsAndKeepsTheOrder() {
        OrderedItems items = new OrderedItems();
        LinkedHashMap<String, String> model = new LinkedHashMap<>();
        for (int i = 0; i < 5_000; i++) {
            items.put("k" + i, "v" + i);
            model.put("k" + i, "v" + i);
        }
        for (int i = 0; i < 5_000; i++) {
            if (i % 10 != 0) {
                items.remove("k" + i);
                model.remove("k" + i);
            }
        }
        items.put("k1", "back at the end");
        model.put("k1", "back at the end");
        assertSame(model, items, "after compaction");
    }

    @Test
    void theMapViewIsReadOnlyAndWalksThePictureItWasMadeFrom() {
        OrderedItems items = new OrderedItems();
        items.put("a", "1");
        items.put("b", "2");
        Map<String, String> view = items.copy().asMap();
        assertThrows(UnsupportedOperationException.class, () -> view.put("c", "3"));
        Iterator<Map.Entry<String, String>> walk = view.entrySet().iterator();
        walk.next();
        assertThrows(UnsupportedOperationException.class, walk::remove);
        items.remove("a");
        assertEquals(Map.of("a", "1", "b", "2"), view);
        assertEquals(List.of("a", "b"), new ArrayList<>(view.keySet()));
    }
}
