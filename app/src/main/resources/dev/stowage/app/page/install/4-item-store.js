// Stowage install script, part 4 of 8: the item store, where a document's cache keeps its items.
// A fragment of the one closure that PageStorage builds from install/1-8 in order (see part 1).
//
// Why not simply a Map: after every collection of the JVM, JavaFX runs a full, synchronous collection of
// JavaScriptCore's heap on the FX thread (WebPage.collectJSCGarbages, re-armed through the Disposer), and
// its cost grows with the number of cells in the heap more than with their bytes. A Map of 100k items is
// 300k cells (bucket, key, value): 6.9 ms at the median a collection and up to 99, where the same items
// packed cost 0.7 and up to 3.0 (PageHeapBenchmark, docs/BENCHMARKS.md). So a store keeps a Map while it
// is small, which is the fastest to read and write, and from `packFrom` items on packs them:
// - key -> slot in a null-prototype object: its property table holds the keys as atoms, which are not cells;
// - each slot's key and value as (chunk, start, length) in an Int32Array;
// - the text in chunks: a new key or value waits in an open arena (one for keys, one for values) until
//   OPEN_PIECES or OPEN_CHARS of them are joined into one chunk; a long one is a chunk of its own,
//   uncopied. A chunk half of whose pieces or text are dead (replaced or removed) moves its live pieces
//   back to an open arena and goes, so the store stays within about twice its live text;
// - the insertion order as slots in an Int32Array, a removed item leaving a hole until the next key(i).
// A read of a packed item cuts it out of its chunk: a new string per read, as WebKit's own Storage makes.

  const OPEN_PIECES = 512;
  const OPEN_CHARS = 32768;
  const OWN_CHUNK_FROM = 4096;
  const NONE = -2; // a released reference
  const IN_OPEN = -1; // (IN_OPEN, index in its part's open arena, length)

  function nullArray() {
    const array = [];
    setPrototypeOf(array, null);
    return array;
  }

  function grown(array, capacity) {
    const bigger = new Int32ArrayRef(capacity);
    reflectApply(typedArraySet, bigger, [array]);
    return bigger;
  }

  // A store of string items in insertion order: get/has/delete/clear as a Map's, insert (a new key) and
  // replace (a held one) for set, keyAt(i), and forEach(fn(value, key)) in order. It holds nothing of the page's but the strings it was given.
  function itemStore(packFrom) {
    let map = sealedMap();
    let mapCount = 0;
    let keyList = null; // the Map's keys in order, rebuilt lazily after an insert or a delete
    let packed = false;

    let slotOf = null;
    let refs = null; // 6 per slot: the key's chunk, start, length, then the value's
    let posOf = null; // slot -> its place in order
    let slotCapacity = 0;
    let slotsUsed = 0;
    let freeSlots = null;
    let freeCount = 0;
    let order = null;
    let orderCapacity = 0;
    let orderLength = 0;
    let holes = 0;

    let chunks = null; // strings, null where a chunk went
    let chunkPieces = null; // per chunk an Int32Array: owner, start, owner, start...
    let chunkPieceCount = null;
    let chunkLive = null; // live pieces per chunk
    let chunkDead = null; // dead chars per chunk
    let chunkCount = 0;
    let freeChunks = null;
    let freeChunkCount = 0;
    // Keys and values wait, and are joined, apart: values replaced leave key chunks whole.
    let openKeys = null;
    let openValues = null;
    // The last key looked up, and its slot (-1: none): a write looks its key up two or three times.
    let lastKey = null;
    let lastSlot = -1;

    function startPacked(capacity) {
      packed = true;
      slotOf = create(null);
      slotCapacity = capacity < 64 ? 64 : capacity;
      refs = new Int32ArrayRef(6 * slotCapacity);
      posOf = new Int32ArrayRef(slotCapacity);
      slotsUsed = 0;
      freeSlots = nullArray();
      freeCount = 0;
      orderCapacity = slotCapacity;
      order = new Int32ArrayRef(orderCapacity);
      orderLength = 0;
      holes = 0;
      chunks = nullArray();
      chunkPieces = nullArray();
      chunkPieceCount = nullArray();
      chunkLive = nullArray();
      chunkDead = nullArray();
      chunkCount = 0;
      freeChunks = nullArray();
      freeChunkCount = 0;
      openKeys = openArena();
      openValues = openArena();
      lastKey = null;
    }

    function openArena() {
      // owners: slot * 2 + part (0: key, 1: value)
      return {__proto__: null, pieces: nullArray(), owners: new Int32ArrayRef(OPEN_PIECES), count: 0, chars: 0};
    }

    function lookup(key) {
      if (key !== lastKey) {
        const slot = slotOf[key];
        lastKey = key;
        lastSlot = slot === undefined ? -1 : slot;
      }
      return lastSlot;
    }

    // The Map's items move into the packed form, in order.
    function pack(capacity) {
      const old = map;
      startPacked(capacity);
      old.forEach(function (value, key) {
        packedInsert(key, value);
      });
      map = sealedMap();
      mapCount = 0;
      keyList = null;
    }

    // The slot's key (part 0) or value (part 1).
    function text(slot, part) {
      const base = slot * 6 + part * 3;
      const c = refs[base];
      if (c === IN_OPEN) {
        return (part === 0 ? openKeys : openValues).pieces[refs[base + 1]];
      }
      const chunk = chunks[c];
      const start = refs[base + 1];
      const length = refs[base + 2];
      return length === chunk.length ? chunk : reflectApply(stringSubstring, chunk, [start, start + length]);
    }

    function put(owner, piece) {
      const base = (owner >> 1) * 6 + (owner & 1) * 3;
      const length = piece.length;
      if (length >= OWN_CHUNK_FROM) {
        const c = newChunk(piece, 1);
        chunkPieces[c][0] = owner;
        refs[base] = c;
        refs[base + 1] = 0;
        refs[base + 2] = length;
        return;
      }
      const arena = (owner & 1) === 0 ? openKeys : openValues;
      if (arena.count === OPEN_PIECES || arena.chars + length > OPEN_CHARS) {
        seal(arena);
      }
      const at = arena.count++;
      arena.pieces[at] = piece;
      arena.owners[at] = owner;
      arena.chars += length;
      refs[base] = IN_OPEN;
      refs[base + 1] = at;
      refs[base + 2] = length;
    }

    function newChunk(chunk, pieceCount) {
      const c = freeChunkCount !== 0 ? freeChunks[--freeChunkCount] : chunkCount++;
      chunks[c] = chunk;
      chunkPieces[c] = new Int32ArrayRef(2 * pieceCount);
      chunkPieceCount[c] = pieceCount;
      chunkLive[c] = pieceCount;
      chunkDead[c] = 0;
      return c;
    }

    // The arena's pieces still referenced become one chunk.
    function seal(arena) {
      const open = arena.pieces;
      const openOwners = arena.owners;
      const openCount = arena.count;
      const parts = nullArray();
      const owners = nullArray();
      const starts = nullArray();
      let n = 0;
      let at = 0;
      for (let i = 0; i < openCount; i++) {
        const piece = open[i];
        if (piece !== null) {
          parts[n] = piece;
          owners[n] = openOwners[i];
          starts[n++] = at;
          at += piece.length;
        }
      }
      arena.pieces = nullArray();
      arena.count = 0;
      arena.chars = 0;
      if (n === 0) {
        return;
      }
      if (n === 1) {
        // A lone piece stays open: it may be cut out of a compacted chunk, and a substring keeps its whole
        // base string alive, where a join copies.
        const base = (owners[0] >> 1) * 6 + (owners[0] & 1) * 3;
        arena.pieces[0] = parts[0];
        arena.owners[0] = owners[0];
        arena.count = 1;
        arena.chars = parts[0].length;
        refs[base + 1] = 0;
        return;
      }
      const c = newChunk(reflectApply(arrayJoin, parts, ['']), n);
      const pieces = chunkPieces[c];
      for (let j = 0; j < n; j++) {
        const owner = owners[j];
        const base = (owner >> 1) * 6 + (owner & 1) * 3;
        pieces[2 * j] = owner;
        pieces[2 * j + 1] = starts[j];
        refs[base] = c;
        refs[base + 1] = starts[j];
      }
    }

    // The slot's key (part 0) or value (part 1) is no longer referenced.
    function release(slot, part) {
      const base = slot * 6 + part * 3;
      const c = refs[base];
      refs[base] = NONE;
      if (c === IN_OPEN) {
        (part === 0 ? openKeys : openValues).pieces[refs[base + 1]] = null;
        return;
      }
      const live = --chunkLive[c];
      chunkDead[c] += refs[base + 2];
      if (live === 0) {
        dropChunk(c);
      } else if (2 * live <= chunkPieceCount[c] || 2 * chunkDead[c] > chunks[c].length) {
        compact(c);
      }
    }

    function dropChunk(c) {
      chunks[c] = null;
      chunkPieces[c] = null;
      freeChunks[freeChunkCount++] = c;
    }

    // Chunk c's live pieces go back to the open arenas (cut out of it), and c goes. Its index is freed only after
    // the loop, so no chunk sealed meanwhile takes it while references to c are still being read.
    function compact(c) {
      const chunk = chunks[c];
      const pieces = chunkPieces[c];
      const n = chunkPieceCount[c];
      for (let j = 0; j < n; j++) {
        const owner = pieces[2 * j];
        const start = pieces[2 * j + 1];
        const base = (owner >> 1) * 6 + (owner & 1) * 3;
        if (refs[base] === c && refs[base + 1] === start) {
          put(owner, reflectApply(stringSubstring, chunk, [start, start + refs[base + 2]]));
        }
      }
      dropChunk(c);
    }

    function packedInsert(key, value) {
      // What can fail (an allocation) comes first, and a capacity changes only with its array.
      if (freeCount === 0 && slotsUsed === slotCapacity) {
        const moreRefs = grown(refs, 12 * slotCapacity);
        posOf = grown(posOf, 2 * slotCapacity);
        refs = moreRefs;
        slotCapacity *= 2;
      }
      if (orderLength === orderCapacity) {
        if (2 * holes > orderLength) {
          closeHoles();
        } else {
          order = grown(order, 2 * orderCapacity);
          orderCapacity *= 2;
        }
      }
      const slot = freeCount !== 0 ? freeSlots[--freeCount] : slotsUsed++;
      put(2 * slot, key);
      put(2 * slot + 1, value);
      posOf[slot] = orderLength;
      order[orderLength++] = slot;
      slotOf[key] = slot;
      lastKey = key;
      lastSlot = slot;
    }

    function closeHoles() {
      let n = 0;
      for (let i = 0; i < orderLength; i++) {
        const slot = order[i];
        if (slot !== -1) {
          posOf[slot] = n;
          order[n++] = slot;
        }
      }
      orderLength = n;
      holes = 0;
    }

    return {
      __proto__: null,
      get(key) {
        if (!packed) {
          return map.get(key);
        }
        const slot = lookup(key);
        return slot === -1 ? undefined : text(slot, 1);
      },
      has(key) {
        return packed ? lookup(key) !== -1 : map.has(key);
      },
      // Ready for `count` items (a seed): a store that will hold packFrom or more packs from the start.
      reserve(count) {
        if (!packed && mapCount === 0 && count >= packFrom) {
          startPacked(count);
        }
      },
      // A key the store does not hold.
      insert(key, value) {
        if (!packed) {
          if (mapCount < packFrom) {
            map.set(key, value);
            mapCount++;
            keyList = null;
            return;
          }
          pack(2 * mapCount);
        }
        packedInsert(key, value);
      },
      // A key the store holds: it keeps its place.
      replace(key, value) {
        if (!packed) {
          map.set(key, value);
          return;
        }
        const slot = lookup(key);
        release(slot, 1);
        put(2 * slot + 1, value);
      },
      delete(key) {
        if (!packed) {
          if (map.delete(key)) {
            mapCount--;
            keyList = null;
          }
          return;
        }
        const slot = lookup(key);
        if (slot === -1) {
          return;
        }
        delete slotOf[key];
        lastSlot = -1;
        release(slot, 0);
        release(slot, 1);
        order[posOf[slot]] = -1;
        holes++;
        freeSlots[freeCount++] = slot;
      },
      clear() {
        packed = false;
        slotOf = refs = posOf = freeSlots = order = null;
        chunks = chunkPieces = chunkPieceCount = chunkLive = chunkDead = freeChunks = openKeys = openValues = null;
        lastKey = null;
        map.clear();
        mapCount = 0;
        keyList = null;
      },
      // The key at `index`, which the caller checked is below the count.
      keyAt(index) {
        if (packed) {
          if (holes !== 0) {
            closeHoles();
          }
          return text(order[index], 0);
        }
        if (keyList === null) {
          const list = nullArray();
          let n = 0;
          map.forEach(function (value, key) {
            list[n++] = key;
          });
          keyList = list;
        }
        return keyList[index];
      },
      forEach(fn) {
        if (!packed) {
          map.forEach(fn);
          return;
        }
        // The items first, then the calls: fn may run a page's code (a Proxy on the prototype chain
        // answering `in`), which may read key(i) and so close the holes under a walk of `order`.
        const list = nullArray();
        let n = 0;
        for (let i = 0; i < orderLength; i++) {
          const slot = order[i];
          if (slot !== -1) {
            list[n++] = text(slot, 1);
            list[n++] = text(slot, 0);
          }
        }
        for (let i = 0; i < n; i += 2) {
          fn(list[i], list[i + 1]);
        }
      }
    };
  }
