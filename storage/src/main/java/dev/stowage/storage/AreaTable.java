package dev.stowage.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A namespace's data: {@link StorageKey} -> {@link AreaMap}, in order of first write. The unit of copy-on-write.
 *
 * <p>A clone shares its source's table ({@code holders} + 1): O(1), whatever the data. A snapshot
 * <em>freezes</em> the table: it is never mutated again, and neither is any map reachable from it. The
 * first write after either copies the table (O(origins), retaining every map) and then the one map it
 * writes (O(items of that area)). Releasing the last holder of an unfrozen table releases its maps, so
 * the other side of a clone can write in place again. Touched only by the owner thread.
 */
final class AreaTable {
    final LinkedHashMap<StorageKey, AreaMap> maps;
    private int holders = 1;
    private boolean frozen;

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
        if (holders == 0 && !frozen) {
            maps.values().forEach(AreaMap::release);
        }
    }

    AreaTable freeze() {
        frozen = true;
        return this;
    }

    boolean isExclusive() {
        return holders == 1 && !frozen;
    }

    AreaTable copy() {
        AreaTable copy = new AreaTable(new LinkedHashMap<>(maps));
        copy.maps.values().forEach(AreaMap::retain);
        return copy;
    }
}
