package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/**
 * {@link FilteredRows} through random changes of its rows and of its filter: after each, it lists the rows
 * the filter passes, in order, and a copy kept only from its change events matches it.
 */
class FilteredRowsTest {
    @Test
    void followsItsRowsAndItsFilterAndItsChangesSayHow() {
        Random random = new Random(3);
        ObservableList<ItemRow> rows = FXCollections.observableArrayList();
        FilteredRows filtered = new FilteredRows(rows);
        List<String> mirror = new ArrayList<>();
        filtered.addListener((ListChangeListener<ItemRow>) c -> {
            while (c.next()) {
                if (c.wasPermutated() || c.wasUpdated()) {
                    continue; // the rows here are neither sorted nor updated in place
                }
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    assertEquals(mirror.remove(c.getFrom()), c.getRemoved().get(i).toString(), "a removed row named at its place");
                }
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    mirror.add(i, c.getList().get(i).toString());
                }
            }
        });
        List<Predicate<ItemRow>> filters = new ArrayList<>();
        filters.add(null);
        filters.add(row -> row.key().endsWith("1"));
        filters.add(row -> row.value().length() > 2);
        Predicate<ItemRow> filter = null;
        for (int step = 0; step < 2_000; step++) {
            switch (random.nextInt(12)) {
                case 0 -> filtered.setPredicate(filter = filters.get(random.nextInt(filters.size())));
                case 1 -> filtered.refilter();
                case 2, 3 -> {
                    if (!rows.isEmpty()) {
                        int from = random.nextInt(rows.size());
                        rows.remove(from, Math.min(rows.size(), from + 1 + random.nextInt(3)));
                    }
                }
                case 4 -> {
                    if (!rows.isEmpty()) {
                        rows.set(random.nextInt(rows.size()), row(random));
                    }
                }
                default -> rows.add(random.nextInt(rows.size() + 1), row(random));
            }
            Predicate<ItemRow> passes = filter == null ? row -> true : filter;
            List<String> expected = rows.stream().filter(passes).map(ItemRow::toString).toList();
            assertEquals(expected, filtered.stream().map(ItemRow::toString).toList(), "step " + step);
            assertEquals(expected, mirror, "the copy kept from the change events, step " + step);
        }
    }

    private static ItemRow row(Random random) {
        return new ItemRow("k" + random.nextInt(100), "v".repeat(1 + random.nextInt(4)));
    }
}
