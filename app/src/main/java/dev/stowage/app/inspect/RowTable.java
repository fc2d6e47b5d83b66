package dev.stowage.app.inspect;

import dev.stowage.storage.AreaSnapshot;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Objects;

/**
 * An area's keys and values in storage order, in arrays, with an index from key to row.
 *
 * <p>Each key has an id, its place in the {@code keys}, {@code values} and {@code hashes} arrays, which does
 * not change while the key is in the table; {@code order} lists the ids in storage order. The index is an
 * open addressing table of ids in an {@code int[]}, probed linearly. Removing a key takes it out of the
 * index at once ({@link #forget}) and out of the order in one pass with the others removed with it
 * ({@link #sweep}); its id is then free for a later key.
 *
 * <p><b>Why arrays.</b> The rows of an area of 100k keys outlive the collector's next young pause, which
 * copies what survives it object by object, stopping every thread, the FX thread included. As 100k row
 * objects and 100k map nodes, the first pause after an opening took 27-50 ms; as a few arrays, 9-21 ms
 * ({@code InspectorRowsBenchmark}, docs/BENCHMARKS.md). The arrays are in {@link Pages}, none large enough
 * to be one of the collector's humongous objects, each of which could start a pause as it was allocated.
 * The keys and values are the area's own strings, not copies.
 *
 * <p><b>Costs.</b> A lookup, an append and a forget are a few array reads; a sweep reads the order once.
 * The arrays are made with room for the keys there are (up to the end of their last page, past the first),
 * and grow by pages, copying none (whole arrays took about 10 ms for 100k keys, measured); within its
 * first page an array is copied, doubling. One cost comes in steps, on the FX
 * thread: the index is made with four slots a key, and is made again (every key placed anew, 10-12 ms for
 * 130k keys) when the keys have doubled.
 *
 * <p>Not thread-safe: made on any thread, then used on one.
 */
final class RowTable {
    private String[][] keys;
    private String[][] values;
    /** Each key's hash: placing keys anew reads this array in order, not strings scattered over the heap. */
    private int[][] hashes;
    /** How many ids {@link #keys}, {@link #values} and {@link #hashes} have room for. */
    private int room;
    /** Ids handed out so far; the free ones below are in {@link #free}. */
    private int ids;
    private int[][] free = Pages.ints(Pages.NO_INTS, 16);
    private int freeCount;
    /** Forgotten ids still in the order, until the next {@link #sweep}. */
    private final BitSet forgotten = new BitSet();
    private int[][] order;
    private int size;
    /** Each slot holds an id plus one, or 0 when free; {@link #slotCount} of them, at most half used. */
    private int[][] slots;
    /** A power of two. */
    private int slotCount;
    /** 32 less the number of bits of a slot's number. */
    private int shift;
    private int indexed;
    /**
     * The index instead of {@code slots} once a probe ran past {@link #LONGEST_PROBE} slots: a page can write
     * many keys of one {@code String.hashCode} ("Aa" and "BB" hash alike, and so do their combinations), which
     * would make every probe walk all of them. A {@code HashMap} keeps such keys in a tree. Null until then.
     */
    private HashMap<String, Integer> map;

    /** Far past what chance makes at half load (a few dozen slots at most for 200k keys). */
    static final int LONGEST_PROBE = 128;

    private RowTable(int keyCount) {
        // The arrays grow by pages, copying nothing, so no more room than the last page's rest: what an
        // opening allocates decides how often the collector runs during it (docs/BENCHMARKS.md).
        keys = Pages.strings(Pages.NO_STRINGS, Math.max(16, keyCount));
        values = Pages.strings(Pages.NO_STRINGS, Pages.length(keys));
        hashes = Pages.ints(Pages.NO_INTS, Pages.length(keys));
        order = Pages.ints(Pages.NO_INTS, Pages.length(keys));
        room = Pages.length(keys);
        slots = slots(4 * Math.max(16, keyCount));
    }

    /** A table of {@code snapshot}'s items in storage order. */
    static RowTable of(AreaSnapshot snapshot) {
        RowTable table = new RowTable(snapshot.length());
        snapshot.items().forEach(table::append);
        return table;
    }

    /** How many keys the order lists, forgotten ones included until the sweep. */
    int size() {
        return size;
    }

    /** The id of the key at {@code place} in the order. */
    int idAt(int place) {
        Objects.checkIndex(place, size);
        return Pages.at(order, place);
    }

    String key(int id) {
        return Pages.at(keys, id);
    }

    String value(int id) {
        return Pages.at(values, id);
    }

    void setValue(int id, String value) {
        Pages.put(values, id, Objects.requireNonNull(value, "value"));
    }

    /** Whether a key was forgotten since the last sweep. */
    boolean hasForgotten() {
        return !forgotten.isEmpty();
    }

    /** Whether {@code id} was forgotten and is to go at the next sweep. */
    boolean isForgotten(int id) {
        return forgotten.get(id);
    }

    /** The id of {@code key}, or -1. */
    int idOf(String key) {
        if (map != null) {
            Integer id = map.get(key);
            return id == null ? -1 : id;
        }
        int hash = key.hashCode();
        int mask = slotCount - 1;
        for (int slot = home(hash), probes = 0; ; slot = (slot + 1) & mask, probes++) {
            if (probes > LONGEST_PROBE) {
                useMap();
                return idOf(key);
            }
            int entry = Pages.at(slots, slot);
            if (entry == 0) {
                return -1;
            }
            if (Pages.at(hashes, entry - 1) == hash && Pages.at(keys, entry - 1).equals(key)) {
                return entry - 1;
            }
        }
    }

    /** Adds a key not in the index at the end of the order; returns its id. */
    int append(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureRoom(1);
        int id = freeCount > 0 ? Pages.at(free, --freeCount) : ids++;
        Pages.put(keys, id, key);
        Pages.put(values, id, value);
        Pages.put(hashes, id, key.hashCode());
        Pages.put(order, size++, id);
        if (map == null && 2 * (indexed + 1) > slotCount) {
            slots = slots(4 * (indexed + 1));
            for (int other = 0; other < ids; other++) {
                if (other != id && Pages.at(keys, other) != null && !forgotten.get(other)) {
                    place(other);
                }
            }
        }
        place(id);
        return id;
    }

    /**
     * Makes room for {@code more} keys. A batch asks once before its appends, so that growing is not a
     * branch of the loop of appends, which compiled without it (a recompilation when it was taken).
     */
    void ensureRoom(int more) {
        int needed = (freeCount >= more ? 0 : ids + more - freeCount);
        if (needed > room) {
            keys = Pages.strings(keys, needed);
            values = Pages.strings(values, needed);
            hashes = Pages.ints(hashes, needed);
            room = Pages.length(keys);
        }
        if (size + more > Pages.length(order)) {
            order = Pages.ints(order, size + more);
        }
    }

    /**
     * Takes {@code key} out of the index: {@link #idOf} no longer finds it, and the next {@link #sweep}
     * takes it out of the order. The slots after it in its run move back, so that no probe stops early at
     * the hole.
     */
    void forget(String key) {
        int id = idOf(key);
        if (id < 0) {
            return;
        }
        forgotten.set(id);
        indexed--;
        if (map != null) {
            map.remove(key);
            return;
        }
        int mask = slotCount - 1;
        int hole = home(Pages.at(hashes, id));
        while (Pages.at(slots, hole) != id + 1) {
            hole = (hole + 1) & mask;
        }
        Pages.put(slots, hole, 0);
        for (int slot = (hole + 1) & mask; Pages.at(slots, slot) != 0; slot = (slot + 1) & mask) {
            int entry = Pages.at(slots, slot);
            int home = home(Pages.at(hashes, entry - 1));
            // It may fill the hole unless its home lies cyclically after the hole, up to where it is.
            boolean homeBetween = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
            if (!homeBetween) {
                Pages.put(slots, hole, entry);
                Pages.put(slots, slot, 0);
                hole = slot;
            }
        }
    }

    /** Takes the forgotten keys out of the order, in one pass; the others keep their order. */
    void sweep() {
        if (forgotten.isEmpty()) {
            return;
        }
        int kept = 0;
        for (int place = 0; place < size; place++) {
            int id = Pages.at(order, place);
            if (forgotten.get(id)) {
                Pages.put(keys, id, null);
                Pages.put(values, id, null);
                if (freeCount == Pages.length(free)) {
                    free = Pages.ints(free, freeCount + 1);
                }
                Pages.put(free, freeCount++, id);
            } else {
                Pages.put(order, kept++, id);
            }
        }
        size = kept;
        forgotten.clear();
    }

    private void place(int id) {
        indexed++;
        if (map != null) {
            map.put(Pages.at(keys, id), id);
            return;
        }
        int mask = slotCount - 1;
        int slot = home(Pages.at(hashes, id));
        for (int probes = 0; Pages.at(slots, slot) != 0; probes++) {
            if (probes > LONGEST_PROBE) {
                useMap(); // which indexes this id too
                return;
            }
            slot = (slot + 1) & mask;
        }
        Pages.put(slots, slot, id + 1);
    }

    /** Whether the index is the map ({@link #map}). */
    boolean usesMap() {
        return map != null;
    }

    private void useMap() {
        map = new HashMap<>();
        for (int id = 0; id < ids; id++) {
            String key = Pages.at(keys, id);
            if (key != null && !forgotten.get(id)) {
                map.put(key, id);
            }
        }
        slots = null;
        slotCount = 0;
    }

    /**
     * The home slot of a key's hash. The hashes of keys such as {@code key-1}, {@code key-2}, ... are
     * neighbours, which would pile up into long runs of taken slots; multiplying by the golden ratio
     * (Fibonacci hashing) and keeping the top bits spreads them.
     */
    private int home(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    /** An empty index of at least {@code length} slots, a power of two. */
    private int[][] slots(int length) {
        slotCount = Integer.highestOneBit(Math.max(16, length) - 1) * 2;
        shift = Integer.numberOfLeadingZeros(slotCount) + 1;
        indexed = 0;
        return Pages.ints(Pages.NO_INTS, slotCount);
    }
}
