package dev.stowage.storage;

/**
 * The index of an {@link OrderedItems}: each key to its slot, as a persistent hash array mapped trie
 * (Bagwell's HAMT, as in Clojure and Scala): 32-way nodes by 5 bits of the key's hash, a collision node for
 * keys of equal hash. Sharing: {@link #copy()} shares the whole trie; a write copies the nodes on its path
 * that do not carry the writer's edit token, and writes in place those that do (see {@link OrderedItems}).
 */
final class SlotIndex {
    private Object root; // a Leaf, Collision or Node, or null

    /** A key and its slot; never changed (a key removed and added again gets a new leaf). */
    record Leaf(String key, int hash, int slot) {
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

    /** An index sharing this one's trie. */
    SlotIndex copy() {
        SlotIndex copy = new SlotIndex();
        copy.root = root;
        return copy;
    }

    /** The leaf of {@code key}, or null. */
    Leaf find(String key) {
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

    /** Adds {@code leaf}, whose key is not in the index; nodes not made under {@code edit} are copied. */
    void add(Leaf leaf, Object edit) {
        root = insert(root, 0, leaf, edit);
    }

    /** Removes {@code leaf}, which is in the index. */
    void remove(Leaf leaf, Object edit) {
        root = delete(root, 0, leaf, edit);
    }

    private static Node writable(Node node, Object edit) {
        return node.owner == edit ? node : new Node(edit, node.bitmap, node.children.clone());
    }

    private static Object insert(Object node, int shift, Leaf leaf, Object edit) {
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
            return insert(new Node(edit, bit(hash, shift), new Object[] {node}), shift, leaf, edit);
        }
        Node mine = writable(n, edit);
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
            mine.children[at] = insert(mine.children[at], shift + 5, leaf, edit);
        }
        return mine;
    }

    /** {@code node} without {@code leaf} (which it holds); null when nothing is left. */
    private static Object delete(Object node, int shift, Leaf leaf, Object edit) {
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
        Node mine = writable((Node) node, edit);
        int bit = bit(leaf.hash(), shift);
        int at = index(mine.bitmap, bit);
        Object child = delete(mine.children[at], shift + 5, leaf, edit);
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

    static int hash(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }

    private static int bit(int hash, int shift) {
        return 1 << ((hash >>> shift) & 31);
    }

    private static int index(int bitmap, int bit) {
        return Integer.bitCount(bitmap & (bit - 1));
    }
}
