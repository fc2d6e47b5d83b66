package dev.stowage.app.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
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
        AtomicInteger changes = new AtomicInteger();
        filtered.addListener((ListChangeListener<ItemRow>) c -> {
            changes.incrementAndGet();
            while (c.next()) {
                if (c.wasPermutated()) {
                    List<String> before = new ArrayList<>(mirror);
                    for (int i = c.getFrom(); i < c.getTo(); i++) {
                        mirror.set(c.getPermutation(i), before.get(i));
                    }
                    continue;
                }
                for (int i = 0; i < c.getRemovedSize(); i++) {
                    assertEquals(mirror.remove(c.getFrom()), c.getRemoved().get(i).toString(), "a removed row named at its place");
                }
                for (int i = c.getFrom(); i < c.getTo() && c.wasAdded(); i++) {
                    mirror.add(i, c.getList().get(i).toString());
                }
            }
        });
        List<Predicate<ItemRow>> filters = new ArrayList<>();
        filters.add(null);
        filters.add(row -> row.key().endsWith("1"));
        filters.add(row -> row.value().length() > 2);
        Predicate<ItemRow> filter = null;
        for (int step = 0; step < 3_000; step++) {
            int changesBefore = changes.get();
            boolean wholeList = false;
            switch (random.nextInt(14)) {
                case 0 -> {
                    boolean none = filter == null;
                    filter = filters.get(random.nextInt(filters.size()));
                    filtered.setPredicate(filter);
                    if (none && filter == null) {
                        assertEquals(changesBefore, changes.get(), "clearing a filter that is not set changes nothing");
                    } else {
                        wholeList = true;
                    }
                }
                case 1 -> {
                    filtered.refilter();
                    wholeList = filter != null;
                }
                case 2 -> {
                    if (!rows.isEmpty()) {
                        int from = random.nextInt(rows.size());
                        rows.remove(from, Math.min(rows.size(), from + 1 + random.nextInt(3)));
                    }
                }
                case 3 -> rows.removeAll(List.copyOf(rows.filtered(row -> row.key().endsWith("7")))); // rows far apart: one change of many parts
                case 4 -> FXCollections.sort(rows, Comparator.comparing(ItemRow::key)); // a permutation
                case 5 -> {
                    if (!rows.isEmpty()) {
                        rows.set(random.nextInt(rows.size()), row(random));
                    }
                }
                default -> rows.add(random.nextInt(rows.size() + 1), row(random));
            }
            if (wholeList && !filtered.isEmpty()) {
                assertEquals(changesBefore + 1, changes.get(), "the whole list replaced in one change, step " + step);
            }
            Predicate<ItemRow> passes = filter == null ? row -> true : filter;
            List<String> expected = rows.stream().filter(passes).map(ItemRow::toString).toList();
            assertEquals(expected, filtered.stream().map(ItemRow::toString).toList(), "step " + step);
            assertEquals(expected, mirror, "the copy kept from the change events, step " + step);
            for (int i = 0; i < filtered.size(); i++) {
                int source = filtered.getSourceIndex(i);
                assertSame(filtered.get(i), rows.get(source), "the row's place in the rows, step " + step);
                assertEquals(i, filtered.getViewIndex(source));
            }
        }
    }

    private static ItemRow row(Random random) {
        return new ItemRow("k" + random.nextInt(100), "v".repeat(1 + random.nextInt(4)));
    }
}
