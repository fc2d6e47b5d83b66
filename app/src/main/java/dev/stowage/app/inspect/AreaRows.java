package dev.stowage.app.inspect;

import dev.stowage.storage.AreaSnapshot;
import dev.stowage.storage.SnapshotLease;
import dev.stowage.storage.StorageArea;
import dev.stowage.storage.StorageChange;
import dev.stowage.storage.Subscription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of one {@link StorageArea} in storage order, following the area live through its change events:
 * no polling, and no re-reading of the area on a change.
 *
 * <p><b>Staying within a frame.</b> Opening an area of 100k keys or following a burst of 10k writes must not
 * hold the FX thread for more than a frame. The rows are built off the FX thread from an immutable
 * snapshot and handed over in one list change; changes are queued as they come and applied in one batch
 * per FX task ({@code fxLater}), a removal of many keys in one pass.
 *
 * <p><b>Threading.</b> FX thread, apart from building the first rows, which runs on {@code background} on a
 * snapshot. {@link #close()} stops following.
 */
public final class AreaRows implements AutoCloseable {
    /** The most key changes one FX task applies (measured: 10k at once took up to 19 ms with 100k rows). */
    static final int CHUNK = 2_000;

    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList();
    private Map<String, ItemRow> byKey = new HashMap<>();
    /** Key changes not shown yet, in order: the new value, or null for a removal (a clear lists every key). */
    private final Queue<Map.Entry<String, String>> queued = new ArrayDeque<>();
    private final Consumer<Runnable> fxLater;
    private final Subscription subscription;
    private final Runnable afterBatch;
    private boolean loaded;
    private boolean drainScheduled;
    private boolean closed;

    /**
     * Starts following {@code area} (FX thread): subscribes first, then snapshots it, so no change is lost
     * between the two.
     *
     * @param background builds the first rows from the snapshot
     * @param fxLater    runs a task on the FX thread later ({@code Platform::runLater})
     * @param afterBatch told on the FX thread after the first rows and after each batch of changes
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
            CompletableFuture.supplyAsync(() -> rowsOf(lease.snapshot()), background)
                    .whenComplete((first, failure) -> fxLater.accept(() -> {
                        lease.close();
                        if (first != null) {
                            load(first);
                        }
                    }));
        } catch (RuntimeException e) { // the executor refused the task: nothing will read the picture
            lease.close();
            throw e;
        }
        // Both the rows and their index by key are built off the FX thread: for 100k keys the index alone
        // took ~10 ms of the FX thread (measured).
    }

    /** The rows, in storage order; FX thread. Empty until {@link #isLoaded()}. */
    public ObservableList<ItemRow> rows() {
        return rows;
    }

    /** The row of {@code key}, or null. */
    public ItemRow row(String key) {
        return byKey.get(key);
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
        queued.clear();
    }

    /** The first rows and their index by key. */
    private record First(List<ItemRow> rows, Map<String, ItemRow> byKey) {
    }

    private static First rowsOf(AreaSnapshot snapshot) {
        List<ItemRow> first = new ArrayList<>(snapshot.length());
        Map<String, ItemRow> index = new HashMap<>(Math.max(16, snapshot.length() * 4 / 3 + 1));
        snapshot.items().forEach((key, value) -> {
            ItemRow row = new ItemRow(key, value);
            first.add(row);
            index.put(key, row);
        });
        return new First(first, index);
    }

    /** Hands the first rows over {@link #CHUNK} x 5 at a time, one FX task each, then what changed meanwhile. */
    private void load(First first) {
        if (closed) {
            return;
        }
        byKey = first.byKey();
        loadFrom(first.rows(), 0);
    }

    private void loadFrom(List<ItemRow> first, int from) {
        if (closed) {
            return;
        }
        int to = Math.min(first.size(), from + 5 * CHUNK);
        rows.addAll(first.subList(from, to));
        if (to < first.size()) {
            fxLater.accept(() -> loadFrom(first, to));
            return;
        }
        loaded = true;
        drain(); // what changed while the rows were being built and handed over
    }

    private void onChange(StorageChange change) {
        if (closed) {
            return;
        }
        change.changes().forEach((key, value) -> queued.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key,
                value.newValue())));
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
        List<ItemRow> added = new ArrayList<>();
        Set<ItemRow> removed = new HashSet<>();
        Map.Entry<String, String> e;
        for (int n = 0; n < CHUNK && (e = queued.poll()) != null; n++) {
            String key = e.getKey();
            String value = e.getValue();
            ItemRow row = byKey.get(key);
            if (value == null) {
                if (row != null) {
                    byKey.remove(key);
                    if (!added.remove(row)) {
                        removed.add(row);
                    }
                }
            } else if (row != null) {
                row.setValue(value);
            } else {
                ItemRow fresh = new ItemRow(key, value);
                byKey.put(key, fresh);
                added.add(fresh);
            }
        }
        if (!removed.isEmpty()) {
            rows.removeIf(removed::contains);
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        if (!queued.isEmpty()) {
            drainScheduled = true;
            fxLater.accept(this::drain);
        }
        afterBatch.run();
    }
}
