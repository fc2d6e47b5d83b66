package dev.stowage.app.inspect;

import dev.stowage.storage.SnapshotLease;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageChange;
import dev.stowage.storage.Subscription;
import java.lang.ref.WeakReference;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * The rows of one {@link StorageArea} in storage order, following the area live through its change events:
 * no polling, and no re-reading of the area on a change.
 *
 * <p><b>Staying within a frame.</b> Opening an area of 100k keys or following a burst of 10k writes must not
 * hold the FX thread for more than a frame. The rows are built off the FX thread from an immutable
 * snapshot and handed over a few list changes at a time; changes are queued as they come and applied in
 * one batch per FX task ({@code fxLater}), a removal of many keys in one pass. The rows are a
 * {@link RowTable} (arrays, not an object per key, for the collector's sake), and the list's {@link ItemRow}s
 * views of it made as they are read.
 *
 * <p><b>Threading.</b> FX thread, apart from building the first rows, which runs on {@code background} on a
 * snapshot. {@link #close()} stops following.
 */
public final class AreaRows implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AreaRows.class.getName());
    /** The most key changes one FX task applies (measured: 10k at once took up to 19 ms with 100k rows). */
    static final int CHUNK = 2_000;

    /** About how long one FX task handing the first rows over takes. */
    static final long LOAD_BUDGET_NANOS = 4_000_000;
    /** Warm, 10,000 rows took a task 1-3 ms; 50,000 up to 15 ms while the panel's parts were joining (measured). */
    private static final int MOST_LOADED = 5 * CHUNK;

    private final Rows rows = new Rows();
    /** How many rows the next task handing the first rows over takes. */
    private int loadStep = CHUNK / 2;
    private RowTable table;
    /** How many of the table's rows the list shows: all of them once loaded. */
    private int shown;
    /** The value properties something watches, by key; let go when nothing holds them. */
    private final Map<String, WeakReference<ReadOnlyStringWrapper>> watched = new HashMap<>();
    private int purgeWatchedAt = 64;
    /** Key changes not shown yet, in order: the new value, or null for a removal (a clear lists every key). */
    private final Queue<Map.Entry<String, String>> queued = new ArrayDeque<>();
    private final Consumer<Runnable> fxLater;
    private final Subscription subscription;
    private final Runnable afterBatch;
    private boolean loaded;
    private boolean failed;
    private boolean drainScheduled;
    /** Written on the FX thread; read by the build too, which skips rows nobody will see. */
    private volatile boolean closed;

    /**
     * Starts following {@code area} (FX thread): subscribes first, then snapshots it, so no change is lost
     * between the two.
     *
     * @param background builds the first rows from the snapshot
     * @param fxLater    runs a task on the FX thread later ({@code Platform::runLater})
     * @param afterBatch told on the FX thread after the first rows and after each batch of changes, and once if
     *                   the rows could not be built
     */
    public AreaRows(StorageArea area, Executor background, Consumer<Runnable> fxLater, Runnable afterBatch) {
        Objects.requireNonNull(area, "area");
        this.fxLater = Objects.requireNonNull(fxLater, "fxLater");
        this.afterBatch = Objects.requireNonNull(afterBatch, "afterBatch");
        this.subscription = area.addChangeListener(this::onChange);
        // Leased, and given back as soon as the rows are built: a snapshot kept for good would make the
        // area's next write copy all its items (measured: 25-30 ms of a page's burst into 100k keys).
        SnapshotLease lease = area.leaseSnapshot();
        try {
            CompletableFuture.supplyAsync(() -> closed ? null : RowTable.of(lease.snapshot()), background)
                    .whenComplete((first, failure) -> fxLater.accept(() -> {
                        lease.close();
                        if (first != null) {
                            load(first);
                        } else if (!closed) {
                            LOG.log(System.Logger.Level.WARNING, "the inspector could not build an area's rows", failure);
                            failed = true; // shows no rows, and no longer loads them
                            afterBatch.run();
                        }
                    }));
        } catch (RuntimeException e) { // the executor refused the task: nothing will read the picture
            lease.close();
            throw e;
        }
        // Both the rows and their index by key are built off the FX thread: for 100k keys the index alone
        // took ~10 ms of the FX thread (measured).
    }

    /** The rows, in storage order; FX thread. Empty until the first rows are in. */
    public ObservableList<ItemRow> rows() {
        return rows;
    }

    /** Whether the first picture's rows are still being built or handed to {@link #rows()}; FX thread. */
    public boolean isLoading() {
        return !loaded && !failed;
    }

    /** The row of {@code key}, or null. */
    public ItemRow row(String key) {
        int id = table == null ? -1 : table.idOf(key);
        return id < 0 ? null : new ItemRow(this, key, table.value(id));
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
        queued.clear();
    }

    /** The value of {@code key} now, or {@code fallback} if it is not in the rows. */
    String valueOf(String key, String fallback) {
        int id = table == null ? -1 : table.idOf(key);
        return id < 0 ? fallback : table.value(id);
    }

    /** The property that follows {@code key}'s value, shared by every row of the key that watches it. */
    ReadOnlyStringWrapper watch(String key, String value) {
        ReadOnlyStringWrapper property = watcher(key);
        if (property == null) {
            if (watched.size() >= purgeWatchedAt) {
                watched.values().removeIf(ref -> ref.get() == null);
                purgeWatchedAt = Math.max(64, 2 * watched.size());
            }
            property = new ReadOnlyStringWrapper(null, "value", value);
            watched.put(key, new WeakReference<>(property));
        }
        return property;
    }

    /** The property something watches {@code key}'s value through, or null. */
    private ReadOnlyStringWrapper watcher(String key) {
        WeakReference<ReadOnlyStringWrapper> held = watched.get(key);
        return held == null ? null : held.get();
    }

    /**
     * Hands the first rows over in FX tasks of about {@link #LOAD_BUDGET_NANOS} each, then what changed
     * meanwhile. How many rows a task takes follows how long the last took: the first time in a process the
     * list's code runs interpreted, and a fixed 10,000 rows took one task 41 ms (measured); warm, it took 1-3 ms,
     * which stays the most a task takes.
     */
    private void load(RowTable first) {
        if (closed) {
            return;
        }
        table = first;
        loadMore();
    }

    private void loadMore() {
        if (closed) {
            return;
        }
        int from = shown;
        shown = Math.min(table.size(), from + loadStep);
        long start = System.nanoTime();
        rows.added(from, shown);
        long took = Math.max(1, System.nanoTime() - start);
        loadStep = (int) Math.max(CHUNK / 4, Math.min(Math.min(4L * loadStep, MOST_LOADED),
                loadStep * LOAD_BUDGET_NANOS / took));
        if (shown < table.size()) {
            fxLater.accept(this::loadMore);
            return;
        }
        loaded = true;
        drain(); // what changed while the rows were being built and handed over
    }

    private void onChange(StorageChange change) {
        if (closed || failed) {
            return;
        }
        change.changes().forEach((key, value) -> queued.add(new AbstractMap.SimpleImmutableEntry<>(key, value.newValue())));
        if (loaded && !drainScheduled) {
            drainScheduled = true;
            fxLater.accept(this::drain);
        }
    }

    /**
     * Applies up to {@link #CHUNK} queued key changes: values in place, new keys appended in one go, removed
     * ones in one pass; more wait for the next FX task, so a burst is shown over several short tasks.
     */
    private void drain() {
        drainScheduled = false;
        if (closed) {
            return;
        }
        int before = shown;
        table.ensureRoom(Math.min(CHUNK, queued.size()));
        Map.Entry<String, String> e;
        for (int n = 0; n < CHUNK && (e = queued.poll()) != null; n++) {
            String key = e.getKey();
            String value = e.getValue();
            int id = table.idOf(key);
            if (value == null) {
                table.forget(key); // a write later in this batch adds it again, at the end
            } else {
                if (id >= 0) {
                    table.setValue(id, value);
                } else {
                    table.append(key, value);
                }
                // Added again after a removal too: a row still showing the key shows its new value.
                ReadOnlyStringWrapper property = watcher(key);
                if (property != null) {
                    property.set(value);
                }
            }
        }
        applyRemovalsAndAdditions(before);
        if (!queued.isEmpty()) {
            drainScheduled = true;
            fxLater.accept(this::drain);
        }
        afterBatch.run();
    }

    /** One list change: the shown rows removed, in runs, then the rows appended and still there. */
    private void applyRemovalsAndAdditions(int before) {
        List<List<ItemRow>> runs = new ArrayList<>();
        List<Integer> runStarts = new ArrayList<>();
        int kept = before;
        if (table.hasForgotten()) {
            kept = 0;
            for (int place = 0; place < before; place++) {
                if (!table.isForgotten(table.idAt(place))) {
                    kept++;
                    continue;
                }
                List<ItemRow> run = new ArrayList<>();
                for (int id; place < before && table.isForgotten(id = table.idAt(place)); place++) {
                    run.add(new ItemRow(this, table.key(id), table.value(id)));
                }
                runStarts.add(kept);
                runs.add(run);
                place--;
            }
            table.sweep();
        }
        shown = table.size();
        if (runs.isEmpty() && shown == before) {
            return;
        }
        rows.changed(runStarts, runs, kept, shown);
    }

    /** The rows as a list: views of the table, made as they are read. */
    private final class Rows extends ObservableListBase<ItemRow> {
        @Override
        public ItemRow get(int index) {
            Objects.checkIndex(index, shown);
            int id = table.idAt(index);
            return new ItemRow(AreaRows.this, table.key(id), table.value(id));
        }

        @Override
        public int size() {
            return shown;
        }

        void added(int from, int to) {
            if (from < to) {
                beginChange();
                nextAdd(from, to);
                endChange();
            }
        }

        void changed(List<Integer> runStarts, List<List<ItemRow>> runs, int addedFrom, int addedTo) {
            beginChange();
            for (int i = 0; i < runs.size(); i++) {
                nextRemove(runStarts.get(i), runs.get(i));
            }
            if (addedFrom < addedTo) {
                nextAdd(addedFrom, addedTo);
            }
            endChange();
        }
    }
}
