package dev.stowage.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A namespace's data: {@link StorageKey} -> {@link AreaMap}, in order of first write. The unit of copy-on-write.
 *
 * <p>A clone shares its source's table ({@code holders} + 1): O(1), whatever the data. A snapshot
 * <em>pins</em> the table: while pinned it is never mutated, and neither is any map reachable from it. The
 * first write after either copies the table (O(origins), retaining every map) and then forks the one map
 * it writes (O(1): the fork shares the map's structure, see {@link OrderedItems}). Releasing the last holder of an unpinned table releases its maps, so
 * the other side of a clone can write in place again. Most snapshots pin for good (a saver's, whose
 * reader is on another thread); a leased one ({@link SnapshotLease}) unpins when its reader is done, and
 * a table no snapshot pins any more is written in place again. A table rebuilt from saved data is frozen
 * for good. Touched only by the owner thread.
 */
final class AreaTable {
    final LinkedHashMap<StorageKey, AreaMap> maps;
    private int holders = 1;
    private boolean frozen;
    private int pins;

    AreaTable() {
        this(new LinkedHashMap<>());
    }

    private AreaTable(LinkedHashMap<StorageKey, AreaMap> maps) {
        this.maps = maps;
    }

    /** A frozen table holding copies of {@code contents}, for namespaces rebuilt from saved data. */
    static AreaTable frozenCopyOf(Map<StorageKey, Map<String, String>> contents) {
        AreaTable table = new AreaTable();
        contents.forEach((key, items) -> table.maps.put(key, AreaMap.copyOf(items)));
        table.frozen = true;
        return table;
    }

    AreaTable retain() {
        holders++;
        return this;
    }

    void release() {
        holders--;
        if (holders == 0 && !frozen && pins == 0) {
            maps.values().forEach(AreaMap::release);
        }
    }

    /** Pins the table for a snapshot: nothing reachable from it changes until {@link #unpin()}, if ever. */
    AreaTable pin() {
        pins++;
        return this;
    }

    /** A leased snapshot is done with this table; the last one lets it (or, once forked, its maps) be written again. */
    void unpin() {
        if (pins <= 0) {
            throw new IllegalStateException("not pinned");
        }
        pins--;
        if (pins == 0 && holders == 0 && !frozen) {
            maps.values().forEach(AreaMap::release); // forked away while pinned: its maps' copies may write in place
        }
    }

    boolean isExclusive() {
        return holders == 1 && !frozen && pins == 0;
    }

    AreaTable copy() {
        AreaTable copy = new AreaTable(new LinkedHashMap<>(maps));
        copy.maps.values().forEach(AreaMap::retain);
        return copy;
    }
}
