package dev.stowage.app.inspect;

import dev.stowage.storage.AreaSnapshot;
import java.util.Arrays;
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
 * ({@code InspectorRowsBenchmark}, docs/BENCHMARKS.md). The keys and values are the area's own strings,
 * not copies.
 *
 * <p><b>Costs.</b> A lookup, an append and a forget are a few array reads; a sweep reads the order once.
 * Two costs come in steps, on the FX thread: the arrays are made with room for half as many keys again,
 * and grow (about 10 ms for 100k keys, measured) when that is used up; the index is made with four slots a
 * key, and is made again (every key placed anew, 10-12 ms for 130k keys) when the keys have doubled.
 *
 * <p>Not thread-safe: made on any thread, then used on one.
 */
final class RowTable {
    private String[] keys;
    private String[] values;
    /** Each key's hash: placing keys anew reads this array in order, not strings scattered over the heap. */
    private int[] hashes;
    /** Ids handed out so far; the free ones below are in {@link #free}. */
    private int ids;
    private int[] free = new int[16];
    private int freeCount;
    /** Forgotten ids still in the order, until the next {@link #sweep}. */
    private final BitSet forgotten = new BitSet();
    private int[] order;
    private int size;
    /** Each slot holds an id plus one, or 0 when free; the length is a power of two, at most half used. */
    private int[] slots;
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
        // Room for half as many keys again: growing the arrays on the FX thread later took 10-11 ms for
        // 100k keys (new memory, and every reference copied through the collector's barriers; measured).
        int length = Math.max(16, keyCount + keyCount / 2);
        keys = new String[length];
        values = new String[length];
        hashes = new int[length];
        order = new int[length];
        slots = slots(4 * Math.max(16, keyCount));
    }

    /** A table of {@code snapshot}'s items in storage order, with room for half as many again. */
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
        return order[place];
    }

    String key(int id) {
        return keys[id];
    }

    String value(int id) {
        return values[id];
    }

    void setValue(int id, String value) {
        values[id] = Objects.requireNonNull(value, "value");
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
        int mask = slots.length - 1;
        for (int slot = home(hash), probes = 0; ; slot = (slot + 1) & mask, probes++) {
            if (probes > LONGEST_PROBE) {
                useMap();
                return idOf(key);
            }
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[entry - 1] == hash && keys[entry - 1].equals(key)) {
                return entry - 1;
            }
        }
    }

    /** Adds a key not in the index at the end of the order; returns its id. */
    int append(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ensureRoom(1);
        int id = freeCount > 0 ? free[--freeCount] : ids++;
        keys[id] = key;
        values[id] = value;
        hashes[id] = key.hashCode();
        order[size++] = id;
        if (map == null && 2 * (indexed + 1) > slots.length) {
            slots = slots(4 * (indexed + 1));
            for (int other = 0; other < ids; other++) {
                if (other != id && keys[other] != null && !forgotten.get(other)) {
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
        if (needed > keys.length) {
            int length = Math.max(needed, keys.length * 2);
            keys = Arrays.copyOf(keys, length);
            values = Arrays.copyOf(values, length);
            hashes = Arrays.copyOf(hashes, length);
        }
        if (size + more > order.length) {
            order = Arrays.copyOf(order, Math.max(size + more, order.length * 2));
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
        int mask = slots.length - 1;
        int hole = home(hashes[id]);
        while (slots[hole] != id + 1) {
            hole = (hole + 1) & mask;
        }
        slots[hole] = 0;
        for (int slot = (hole + 1) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int home = home(hashes[slots[slot] - 1]);
            // It may fill the hole unless its home lies cyclically after the hole, up to where it is.
            boolean homeBetween = hole <= slot ? hole < home && home <= slot : hole < home || home <= slot;
            if (!homeBetween) {
                slots[hole] = slots[slot];
                slots[slot] = 0;
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
            int id = order[place];
            if (forgotten.get(id)) {
                keys[id] = null;
                values[id] = null;
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, freeCount * 2);
                }
                free[freeCount++] = id;
            } else {
                order[kept++] = id;
            }
        }
        size = kept;
        forgotten.clear();
    }

    private void place(int id) {
        indexed++;
        if (map != null) {
            map.put(keys[id], id);
            return;
        }
        int mask = slots.length - 1;
        int slot = home(hashes[id]);
        for (int probes = 0; slots[slot] != 0; probes++) {
            if (probes > LONGEST_PROBE) {
                useMap(); // which indexes this id too
                return;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = id + 1;
    }

    /** Whether the index is the map ({@link #map}). */
    boolean usesMap() {
        return map != null;
    }

    private void useMap() {
        map = new HashMap<>();
        for (int id = 0; id < ids; id++) {
            if (keys[id] != null && !forgotten.get(id)) {
                map.put(keys[id], id);
            }
        }
        slots = null;
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
    private int[] slots(int length) {
        int slotCount = Integer.highestOneBit(Math.max(16, length) - 1) * 2;
        shift = Integer.numberOfLeadingZeros(slotCount) + 1;
        indexed = 0;
        return new int[slotCount];
    }
}
