package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.stowage.storage.Origin;
import dev.stowage.storage.SessionStorageService;
import dev.stowage.storage.StorageArea;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RowTable} against a {@code LinkedHashMap} as {@link AreaRows} drives it (batches of appends, new
 * values and forgets, a sweep after each), from a few keys to several of its {@link Pages} and back down:
 * growing from a part of a page to many, and ids freed and used again past the first page.
 */
class RowTableTest {
    @Test
    void aTableGrowingOverManyPagesKeepsTheAreasOrderAndFindsEveryKey() {
        StorageArea area = new SessionStorageService(64L << 20).createNamespace().area(Origin.of("https://a.example"));
        Map<String, String> model = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            area.set("seed" + i, "s" + i);
            model.put("seed" + i, "s" + i);
        }
        RowTable table = RowTable.of(area.snapshot());
        Random random = new Random(5);
        for (int batch = 0; batch < 120; batch++) {
            int writes = 1 + random.nextInt(2_000);
            table.ensureRoom(writes);
            int keySpace = batch < 80 ? 60_000 : 20_000; // up past three pages, then mostly removals
            for (int n = 0; n < writes; n++) {
                String key = "k" + random.nextInt(keySpace);
                boolean remove = batch < 80 ? random.nextInt(8) == 0 : random.nextInt(3) > 0;
                if (remove) {
                    table.forget(key);
                    model.remove(key);
                } else {
                    String value = "v" + batch + "." + n;
                    int id = table.idOf(key);
                    if (id >= 0) {
                        table.setValue(id, value);
                    } else {
                        table.append(key, value);
                    }
                    model.put(key, value);
                }
            }
            table.sweep();
            assertEquals(model.size(), table.size(), "batch " + batch);
            List<String> keys = new ArrayList<>();
            for (int place = 0; place < table.size(); place++) {
                int id = table.idAt(place);
                keys.add(table.key(id));
                assertEquals(model.get(table.key(id)), table.value(id), "batch " + batch);
            }
            assertEquals(new ArrayList<>(model.keySet()), keys, "storage order, batch " + batch);
            for (String key : model.keySet()) {
                assertEquals(key, table.key(table.idOf(key)));
            }
            assertEquals(-1, table.idOf("never" + batch));
        }
        assertFalse(table.usesMap(), "keys of many hash codes need no map");
    }
}
