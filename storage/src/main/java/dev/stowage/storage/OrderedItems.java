package dev.stowage.storage;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The items of one area: keys to values in the order the keys were first written, as a persistent map.
 * {@link #copy()} is O(1): the copy and the original share their structure, and each copies only the parts
 * it then writes (O(log n) per write, and a part once copied is written in place again). A
 * {@code LinkedHashMap} had to be copied whole on the first write after a snapshot (measured: 4-28 ms for
 * 100k keys, on the FX thread), and the session saver takes a snapshot at every save.
 *
 * <p><b>Shape.</b> The order is a list of slots, one per key ever added since the last compaction, in
 * chunks of {@value #CHUNK}; a removed key leaves an empty slot, and the list is rebuilt once the empty
 * slots outnumber the items. The index from key to slot is a {@link SlotIndex}, a hash array mapped trie.
 *
 * <p><b>Ownership.</b> Every chunk and node records the edit token of the version that made it; a version
 * writes in place only what carries its own token. {@link #copy()} gives both sides fresh tokens, so
 * neither writes anything they share. A version no one writes any more (a snapshot's) is therefore never
 * changed again and may be read from any thread once published. Written by one thread at a time.
 */
final class OrderedItems {
    private static final int CHUNK_BITS = 6;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private Object edit = new Object();
    private Chunk[] chunks = new Chunk[0];
    private Object chunksOwner = edit;
    private SlotIndex index = new SlotIndex();
    private int end;
    private int size;

    /** Slots [i * CHUNK, (i + 1) * CHUNK): a null key is an empty slot. */
    private static final class Chunk {
        final Object owner;
        final String[] keys;
        final String[] values;

        Chunk(Object owner, String[] keys, String[] values) {
            this.owner = owner;
            this.keys = keys;
            this.values = values;
        }
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The value of {@code key}, or null. */
    String get(String key) {
        SlotIndex.Leaf leaf = index.find(key);
        return leaf == null ? null : valueAt(leaf.slot());
    }

    /** Sets {@code key} to {@code value}, keeping its place if it has one; returns the old value or null. */
    String put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        SlotIndex.Leaf leaf = index.find(key);
        if (leaf != null) {
            Chunk chunk = writableChunk(leaf.slot() >>> CHUNK_BITS);
            int i = leaf.slot() & (CHUNK - 1);
            String old = chunk.values[i];
            chunk.values[i] = value;
            return old;
        }
        int slot = append(key, value);
        index.add(new SlotIndex.Leaf(key, SlotIndex.hash(key), slot), edit);
        size++;
        return null;
    }

    /** Removes {@code key}; returns its value, or null when it had none. */
    String remove(String key) {
        SlotIndex.Leaf leaf = index.find(key);
        if (leaf == null) {
            return null;
        }
        index.remove(leaf, edit);
        Chunk chunk = writableChunk(leaf.slot() >>> CHUNK_BITS);
        int i = leaf.slot() & (CHUNK - 1);
        String old = chunk.values[i];
        chunk.keys[i] = null;
        chunk.values[i] = null;
        size--;
        if (end - size > Math.max(CHUNK, size)) {
            compact();
        }
        return old;
    }

    /** A copy sharing this one's structure; from now on each side copies what it writes. O(1). */
    OrderedItems copy() {
        OrderedItems copy = new OrderedItems();
        copy.chunks = chunks;
        copy.chunksOwner = null;
        copy.index = index.copy();
        copy.end = end;
        copy.size = size;
        edit = new Object(); // what this side made so far is shared now
        return copy;
    }

    /** Every item, in order. */
    void forEach(BiConsumer<String, String> action) {
        for (int slot = 0; slot < end; slot++) {
            Chunk chunk = chunks[slot >>> CHUNK_BITS];
            String key = chunk.keys[slot & (CHUNK - 1)];
            if (key != null) {
                action.accept(key, chunk.values[slot & (CHUNK - 1)]);
            }
        }
    }

    /** The keys in order. The iterator sees this version as it is; it must not be used once this one is written. */
    Iterator<String> keys() {
        return new Slots<>() {
            @Override
            String at(Chunk chunk, int i) {
                return chunk.keys[i];
            }
        };
    }

    /** An unmodifiable view, in order. */
    Map<String, String> asMap() {
        return new View(this);
    }

    private String valueAt(int slot) {
        return chunks[slot >>> CHUNK_BITS].values[slot & (CHUNK - 1)];
    }

    private int append(String key, String value) {
        int slot = end++;
        int c = slot >>> CHUNK_BITS;
        if (c == chunks.length || chunksOwner != edit) {
            Chunk[] grown = new Chunk[c == chunks.length ? Math.max(4, chunks.length * 2) : chunks.length];
            System.arraycopy(chunks, 0, grown, 0, Math.min(chunks.length, grown.length));
            chunks = grown;
            chunksOwner = edit;
        }
        if (chunks[c] == null) {
            chunks[c] = new Chunk(edit, new String[CHUNK], new String[CHUNK]);
        }
        Chunk chunk = writableChunk(c);
        chunk.keys[slot & (CHUNK - 1)] = key;
        chunk.values[slot & (CHUNK - 1)] = value;
        return slot;
    }

    private Chunk writableChunk(int c) {
        Chunk chunk = chunks[c];
        if (chunk.owner == edit) {
            return chunk;
        }
        if (chunksOwner != edit) {
            chunks = chunks.clone();
            chunksOwner = edit;
        }
        Chunk mine = new Chunk(edit, chunk.keys.clone(), chunk.values.clone());
        chunks[c] = mine;
        return mine;
    }

    /** Rebuilds the slots without the empty ones (and the index with the new slots). */
    private void compact() {
        OrderedItems fresh = new OrderedItems();
        forEach(fresh::put);
        edit = fresh.edit;
        chunks = fresh.chunks;
        chunksOwner = fresh.chunksOwner;
        index = fresh.index;
        end = fresh.end;
        size = fresh.size;
    }

    /** Walks the non-empty slots of this version in order. */
    private abstract class Slots<T> implements Iterator<T> {
        private final Chunk[] walked = chunks;
        private final int walkedEnd = end;
        private int slot = -1;

        Slots() {
            advance();
        }

        abstract T at(Chunk chunk, int i);

        private void advance() {
            do {
                slot++;
            } while (slot < walkedEnd && walked[slot >>> CHUNK_BITS].keys[slot & (CHUNK - 1)] == null);
        }

        @Override
        public boolean hasNext() {
            return slot < walkedEnd;
        }

        @Override
        public T next() {
            if (slot >= walkedEnd) {
                throw new NoSuchElementException();
            }
            T item = at(walked[slot >>> CHUNK_BITS], slot & (CHUNK - 1));
            advance();
            return item;
        }
    }

    /** The read-only {@link Map} face of one version. */
    private static final class View extends AbstractMap<String, String> {
        private final OrderedItems items;

        View(OrderedItems items) {
            this.items = items;
        }

        @Override
        public String get(Object key) {
            return key instanceof String k ? items.get(k) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && items.index.find(k) != null;
        }

        @Override
        public int size() {
            return items.size;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            items.forEach(action::accept);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return items.new Slots<>() {
                        @Override
                        Entry<String, String> at(Chunk chunk, int i) {
                            return new SimpleImmutableEntry<>(chunk.keys[i], chunk.values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return items.size;
                }
            };
        }
    }
}
