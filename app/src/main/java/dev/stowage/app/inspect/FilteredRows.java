package dev.stowage.app.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.TransformationList;

/**
 * The rows through the filter: with no filter, the rows themselves, their changes passed on as they come;
 * with one, a {@link FilteredList} of them.
 *
 * <p><b>Why not always a {@code FilteredList}.</b> Without a predicate it still reads and tests each row a
 * change adds, and keeps an index of every row: opening an area of 100k keys made a row view per key only
 * to pass it, and a growing {@code int[]} of them (about 4 MB of the 10 MB an opening allocated), on the FX
 * thread. An opening's allocation decides how often the JVM collects during it, and each collection brings
 * a full collection of the page's JavaScript heap on the FX thread (docs/BENCHMARKS.md). Most openings have
 * no filter.
 *
 * <p>Setting the predicate, and {@link #refilter()}, replace the whole list in one change, as
 * {@link FilteredList#setPredicate} does; clearing a filter that is not set changes nothing. FX thread.
 */
final class FilteredRows extends TransformationList<ItemRow, ItemRow> {
    /** The rows through the filter, or null when there is none. */
    private FilteredList<ItemRow> filtered;
    private Predicate<ItemRow> predicate;
    private final ListChangeListener<ItemRow> passOn = this::passOn;
    private final ObservableList<ItemRow> rows;

    FilteredRows(ObservableList<ItemRow> rows) {
        super(Objects.requireNonNull(rows, "rows"));
        this.rows = rows;
    }

    /** Shows only the rows {@code predicate} passes; null shows every row. */
    void setPredicate(Predicate<ItemRow> predicate) {
        if (predicate == null && this.predicate == null) {
            return; // every row already
        }
        this.predicate = predicate;
        if (predicate != null && filtered != null) {
            refilter();
            return;
        }
        // Between every row and a filter: one list for the other, in one change.
        List<ItemRow> before = new ArrayList<>(shown()); // as FilteredList.setPredicate does
        if (filtered != null) {
            // Let go of; it stays on the rows, through a weak listener, until the collector takes it.
            filtered.removeListener(passOn);
        }
        filtered = predicate == null ? null : new FilteredList<>(rows, predicate);
        if (filtered != null) {
            filtered.addListener(passOn);
        }
        if (before.isEmpty() && size() == 0) {
            return;
        }
        beginChange();
        nextReplace(0, size(), before);
        endChange();
    }

    /**
     * Tests every row against the filter again (a changed value may pass or fail it now): one change that
     * replaces the whole list, from the same {@code FilteredList}. Nothing to do without a filter.
     */
    void refilter() {
        if (filtered != null) {
            Predicate<ItemRow> again = predicate::test; // a new predicate is what makes a FilteredList test again
            filtered.setPredicate(again);
        }
    }

    private List<? extends ItemRow> shown() {
        return filtered == null ? rows : filtered;
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends ItemRow> change) {
        if (filtered == null) {
            passOn(change);
        } // else the filtered list has its own listener on the rows, and this one passes its changes on
    }

    private void passOn(ListChangeListener.Change<? extends ItemRow> change) {
        beginChange();
        while (change.next()) {
            int from = change.getFrom();
            if (change.wasPermutated()) {
                int[] permutation = new int[change.getTo() - from];
                for (int i = from; i < change.getTo(); i++) {
                    permutation[i - from] = change.getPermutation(i);
                }
                nextPermutation(from, change.getTo(), permutation);
            } else if (change.wasUpdated()) {
                for (int i = from; i < change.getTo(); i++) {
                    nextUpdate(i);
                }
            } else {
                if (change.wasRemoved()) {
                    nextRemove(from, change.getRemoved());
                }
                if (change.wasAdded()) {
                    nextAdd(from, change.getTo());
                }
            }
        }
        endChange();
    }

    @Override
    public ItemRow get(int index) {
        return filtered == null ? rows.get(index) : filtered.get(index);
    }

    @Override
    public int size() {
        return filtered == null ? rows.size() : filtered.size();
    }

    @Override
    public int getSourceIndex(int index) {
        return filtered == null ? index : filtered.getSourceIndex(index);
    }

    @Override
    public int getViewIndex(int index) {
        return filtered == null ? index : filtered.getViewIndex(index);
    }
}
