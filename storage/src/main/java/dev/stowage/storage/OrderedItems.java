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
 * slots outnumber the items. The index from key to slot is a hash array mapped trie (Bagwell's HAMT, as in
 * Clojure and Scala): 32-way nodes by 5 bits of the key's hash, a collision node for keys of equal hash.
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
    private Object root; // a Leaf, Collision or Node, or null
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

    /** A key and its slot; never changed (a key removed and added again gets a new leaf). */
    private record Leaf(String key, int hash, int slot) {
    }

    /** Leaves whose keys have the same hash. */
    private record Collision(int hash, Leaf[] leaves) {
    }

    /** 32 children by 5 bits of the hash, present ones packed by {@code bitmap}: a Leaf, Collision or Node. */
    private static final class Node {
        final Object owner;
        int bitmap;
        Object[] children;

        Node(Object owner, int bitmap, Object[] children) {
            this.owner = owner;
            this.bitmap = bitmap;
            this.children = children;
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
        Leaf leaf = find(key);
        return leaf == null ? null : valueAt(leaf.slot());
    }

    /** Sets {@code key} to {@code value}, keeping its place if it has one; returns the old value or null. */
    String put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Leaf leaf = find(key);
        if (leaf != null) {
            Chunk chunk = writableChunk(leaf.slot() >>> CHUNK_BITS);
            int i = leaf.slot() & (CHUNK - 1);
            String old = chunk.values[i];
            chunk.values[i] = value;
            return old;
        }
        int slot = append(key, value);
        root = insert(root, 0, new Leaf(key, hash(key), slot));
        size++;
        return null;
    }

    /** Removes {@code key}; returns its value, or null when it had none. */
    String remove(String key) {
        Leaf leaf = find(key);
        if (leaf == null) {
            return null;
        }
        root = delete(root, 0, leaf);
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
        copy.root = root;
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

    private Leaf find(String key) {
        int hash = hash(key);
        Object node = root;
        for (int shift = 0; node != null; shift += 5) {
            if (node instanceof Leaf leaf) {
                return leaf.hash() == hash && leaf.key().equals(key) ? leaf : null;
            }
            if (node instanceof Collision collision) {
                if (collision.hash() != hash) {
                    return null;
                }
                for (Leaf leaf : collision.leaves()) {
                    if (leaf.key().equals(key)) {
                        return leaf;
                    }
                }
                return null;
            }
            Node n = (Node) node;
            int bit = bit(hash, shift);
            if ((n.bitmap & bit) == 0) {
                return null;
            }
            node = n.children[index(n.bitmap, bit)];
        }
        return null;
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

    private Node writable(Node node) {
        return node.owner == edit ? node : new Node(edit, node.bitmap, node.children.clone());
    }

    private Object insert(Object node, int shift, Leaf leaf) {
        if (node == null) {
            return leaf;
        }
        if (!(node instanceof Node n)) {
            int hash = node instanceof Leaf other ? other.hash() : ((Collision) node).hash();
            if (hash == leaf.hash()) {
                Leaf[] leaves = node instanceof Leaf other ? new Leaf[] {other} : ((Collision) node).leaves();
                Leaf[] more = java.util.Arrays.copyOf(leaves, leaves.length + 1);
                more[leaves.length] = leaf;
                return new Collision(hash, more);
            }
            return insert(new Node(edit, bit(hash, shift), new Object[] {node}), shift, leaf);
        }
        Node mine = writable(n);
        int bit = bit(leaf.hash(), shift);
        int at = index(mine.bitmap, bit);
        if ((mine.bitmap & bit) == 0) {
            Object[] children = new Object[mine.children.length + 1];
            System.arraycopy(mine.children, 0, children, 0, at);
            children[at] = leaf;
            System.arraycopy(mine.children, at, children, at + 1, mine.children.length - at);
            mine.children = children;
            mine.bitmap |= bit;
        } else {
            mine.children[at] = insert(mine.children[at], shift + 5, leaf);
        }
        return mine;
    }

    /** {@code node} without {@code leaf} (which it holds); null when nothing is left. */
    private Object delete(Object node, int shift, Leaf leaf) {
        if (node instanceof Leaf) {
            return null;
        }
        if (node instanceof Collision collision) {
            Leaf[] leaves = collision.leaves();
            if (leaves.length == 2) {
                return leaves[0] == leaf ? leaves[1] : leaves[0];
            }
            Leaf[] fewer = new Leaf[leaves.length - 1];
            int n = 0;
            for (Leaf other : leaves) {
                if (other != leaf) {
                    fewer[n++] = other;
                }
            }
            return new Collision(collision.hash(), fewer);
        }
        Node mine = writable((Node) node);
        int bit = bit(leaf.hash(), shift);
        int at = index(mine.bitmap, bit);
        Object child = delete(mine.children[at], shift + 5, leaf);
        if (child != null) {
            mine.children[at] = child;
            return mine;
        }
        if (mine.children.length == 1) {
            return null;
        }
        Object[] children = new Object[mine.children.length - 1];
        System.arraycopy(mine.children, 0, children, 0, at);
        System.arraycopy(mine.children, at + 1, children, at, children.length - at);
        mine.children = children;
        mine.bitmap &= ~bit;
        return mine;
    }

    /** Rebuilds the slots without the empty ones (and the index with the new slots). */
    private void compact() {
        OrderedItems fresh = new OrderedItems();
        forEach(fresh::put);
        edit = fresh.edit;
        chunks = fresh.chunks;
        chunksOwner = fresh.chunksOwner;
        root = fresh.root;
        end = fresh.end;
        size = fresh.size;
    }

    private static int hash(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    private static int bit(int hash, int shift) {
        return 1 << ((hash >>> shift) & 31);
    }

    private static int index(int bitmap, int bit) {
        return Integer.bitCount(bitmap & (bit - 1));
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
            return key instanceof String k && items.find(k) != null;
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
