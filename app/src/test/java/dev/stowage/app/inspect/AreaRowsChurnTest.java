package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.StorageArea;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * {@link AreaRows} against the area it follows, through random churn: after every batch the rows are the
 * area's items in storage order, and a copy kept only from the list's change events matches them, so each
 * change names the right places and the right removed rows. Batches write, rewrite, remove and add again
 * the same keys, so the index's removals ({@link RowTable#forget}), the sweep and the reuse of free ids
 * run often; the keys outgrow the table's first arrays and, in the last batches, its first index.
 */
class AreaRowsChurnTest {
    private final Queue<Runnable> fxTasks = new ArrayDeque<>();
    private final StorageArea area = new SessionStorageService().createNamespace().area(Origin.of("https://a.example"));

    private void runFxTasks() {
        Runnable task;
        while ((task = fxTasks.poll()) != null) {
            task.run();
        }
    }

    @Test
    void rowsAndTheirChangesFollowARandomChurn() {
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            area.set("seed" + i, "s" + i);
        }
        AreaRows rows = new AreaRows(area, Runnable::run, fxTasks::add, () -> { });
        List<String> mirror = new ArrayList<>();
        rows.rows().addListener((ListChangeListener<ItemRow>) c -> {
            while (c.next()) {
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    assertEquals(mirror.remove(c.getFrom()), key(c.getRemoved().get(i)), "a removed row named at its place");
                }
                for (int i = c.getFrom(); i < c.getTo() && c.wasAdded(); i++) {
                    mirror.add(i, key(c.getList().get(i)));
                }
            }
        });
        runFxTasks();
        ReadOnlyStringProperty watched = rows.row("seed5").valueProperty();

        for (int batch = 0; batch < 60; batch++) {
            int writes = 1 + random.nextInt(batch % 10 == 9 ? 6_000 : 600); // some batches take several tasks
            for (int n = 0; n < writes; n++) {
                String key = (random.nextInt(4) == 0 ? "seed" : "k") + random.nextInt(batch < 40 ? 4_000 : 12_000);
                switch (random.nextInt(10)) {
                    case 0, 1, 2 -> area.remove(key);
                    default -> area.set(key, "v" + batch + "." + n);
                }
            }
            if (batch == 30) {
                area.clear();
            }
            runFxTasks();
            Map<String, String> items = area.snapshot().items();
            assertEquals(new ArrayList<>(items.keySet()), rows.rows().stream().map(ItemRow::key).toList(), "batch " + batch);
            assertEquals(new ArrayList<>(items.values()), rows.rows().stream().map(ItemRow::value).toList(), "batch " + batch);
            assertEquals(new ArrayList<>(items.keySet()), mirror, "the copy kept from the change events, batch " + batch);
            items.forEach((key, value) -> assertEquals(value, rows.row(key).value()));
            if (items.containsKey("seed5")) {
                assertEquals(items.get("seed5"), watched.get(), "a watched value follows its key");
            }
        }
        assertNull(rows.row("not-a-key"));
    }

    /** Key {@code n} of 4,096 keys that all have one {@code String.hashCode}: "Aa" and "BB" hash alike. */
    private static String colliding(int n) {
        StringBuilder key = new StringBuilder("c");
        for (int bit = 0; bit < 12; bit++) {
            key.append((n >> bit & 1) == 0 ? "Aa" : "BB");
        }
        return key.toString();
    }

    @Test
    void keysOfOneHashCodeAreIndexedByAMapAndStillFollowed() {
        assertEquals(colliding(0).hashCode(), colliding(4_095).hashCode());
        for (int i = 0; i < 1_000; i++) {
            area.set(colliding(i), "s" + i);
        }
        assertTrue(RowTable.of(area.snapshot()).usesMap(), "a probe past the limit hands the index to a map");
        Map<String, String> few = new LinkedHashMap<>();
        for (int i = 0; i < RowTable.LONGEST_PROBE / 2; i++) {
            few.put(colliding(i), "v");
        }
        StorageArea small = new SessionStorageService().createNamespace().area(Origin.of("https://b.example"));
        small.set(few);
        assertFalse(RowTable.of(small.snapshot()).usesMap(), "a few alike keep the slots");

        AreaRows rows = new AreaRows(area, Runnable::run, fxTasks::add, () -> { });
        runFxTasks();
        Random random = new Random(11);
        for (int batch = 0; batch < 20; batch++) {
            for (int n = 0; n < 300; n++) {
                String key = colliding(random.nextInt(4_096));
                if (random.nextInt(3) == 0) {
                    area.remove(key);
                } else {
                    area.set(key, "v" + batch + "." + n);
                }
            }
            runFxTasks();
            Map<String, String> items = area.snapshot().items();
            assertEquals(new ArrayList<>(items.keySet()), rows.rows().stream().map(ItemRow::key).toList(), "batch " + batch);
            items.forEach((key, value) -> assertEquals(value, rows.row(key).value()));
        }
    }

    @Test
    void rowsOfOneKeyAreEqualAndShareTheirValueProperty() {
        Map<String, String> items = new LinkedHashMap<>();
        items.put("a", "1");
        items.put("b", "2");
        area.set(items);
        AreaRows rows = new AreaRows(area, Runnable::run, fxTasks::add, () -> { });
        runFxTasks();
        ItemRow first = rows.rows().get(0);
        assertEquals(first, rows.row("a"));
        assertEquals(first.hashCode(), rows.row("a").hashCode());
        assertNotEquals(first, rows.rows().get(1));
        assertNotEquals(new ItemRow("a", "1"), new ItemRow("a", "1"), "rows on their own are equal only to themselves");
        ReadOnlyStringProperty property = first.valueProperty();
        area.set("a", "changed");
        runFxTasks();
        assertEquals("changed", property.get());
        assertEquals("changed", rows.row("a").valueProperty().get(), "a later row of the key shares the property");
        assertEquals("changed", first.value());
    }

    private static String key(ItemRow row) {
        return row.key();
    }
}
