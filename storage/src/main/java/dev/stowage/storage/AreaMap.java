package dev.stowage.storage;

import java.util.Map;

/**
 * The data of one area: its items in insertion order ({@link OrderedItems}, persistent, so a copy is O(1))
 * and their size in bytes.
 *
 * <p>Shared copy-on-write between {@link AreaTable}s: {@code holders} counts the tables that reference
 * this map. A namespace may write in place only while its table is exclusive and this map's only holder
 * is that table; otherwise it copies first. Touched only by the owner thread; once reachable from a
 * pinned table it is not mutated until every snapshot holding it is given back (a plain snapshot never is),
 * which is what makes snapshots safe to read elsewhere.
 */
final class AreaMap {
    /** The map of a key that has no data; never written (writers always get a table-owned map). */
    static final AreaMap EMPTY = new AreaMap();

    final OrderedItems items;
    long bytes;
    private int holders = 1;

    AreaMap() {
        this(new OrderedItems(), 0);
    }

    private AreaMap(OrderedItems items, long bytes) {
        this.items = items;
        this.bytes = bytes;
    }

    static AreaMap copyOf(Map<String, String> contents) {
        AreaMap map = new AreaMap();
        contents.forEach((k, v) -> {
            map.items.put(k, v);
            map.bytes += sizeOf(k, v);
        });
        return map;
    }

    /** The quota cost of one item: 2 bytes per UTF-16 code unit of key plus value. */
    static long sizeOf(String key, String value) {
        return 2L * ((long) key.length() + value.length());
    }

    AreaMap retain() {
        holders++;
        return this;
    }

    void release() {
        holders--;
    }

    boolean isExclusive() {
        return holders == 1;
    }

    /** A copy that shares this map's structure; either side's writes copy only what they touch. O(1). */
    AreaMap copy() {
        return new AreaMap(items.copy(), bytes);
    }
}
