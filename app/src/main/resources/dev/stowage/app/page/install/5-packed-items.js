// Stowage install script, part 5 of 9: the packed form of a large area's items (see part 4 for why).
// A fragment of the one closure that InstallScript builds from install/1-9 in order (see part 1).
//
// - key -> slot in a null-prototype object: its property table holds the keys as atoms, which are not cells;
// - each slot's key and value as (chunk, start, length) in an Int32Array;
// - the text in chunks: a new key or value waits in an open arena (one for keys, one for values) until
//   OPEN_PIECES or OPEN_CHARS of them are joined into one chunk; a long one is a chunk of its own,
//   uncopied. A chunk half of whose pieces or text are dead (replaced or removed) moves its live pieces
//   back to an open arena and goes, so the store stays within about twice its live text;
// - the insertion order as slots in an Int32Array, a removed item leaving a hole until the next key(i).
// A read cuts its item out of its chunk: a new string per read, as WebKit's own Storage makes.

  const OPEN_PIECES = 512;
  const OPEN_CHARS = 32768;
  const OWN_CHUNK_FROM = 4096;
  const NONE = -2; // a released reference
  const IN_OPEN = -1; // (IN_OPEN, index in its part's open arena, length)

  function grown(array, capacity) {
    const bigger = new Int32ArrayRef(capacity);
    reflectApply(typedArraySet, bigger, [array]);
    return bigger;
  }

  // Items in insertion order, room made for `capacity` of them: get/has as a Map's, insert (a new key),
  // replace (a held one), delete, keyAt(i) and forEach(fn(value, key)) in order.
  function packedItems(capacity) {
    const slotOf = create(null);
    let slotCapacity = capacity < 64 ? 64 : capacity;
    let refs = new Int32ArrayRef(6 * slotCapacity); // 6 per slot: the key's chunk, start, length, then the value's
    let posOf = new Int32ArrayRef(slotCapacity); // slot -> its place in order
    let slotsUsed = 0;
    const freeSlots = nullArray();
    let freeCount = 0;
    let orderCapacity = slotCapacity;
    let order = new Int32ArrayRef(orderCapacity);
    let orderLength = 0;
    let holes = 0;

    const chunks = nullArray(); // strings, null where a chunk went
    const chunkPieces = nullArray(); // per chunk an Int32Array: owner, start, owner, start...
    const chunkPieceCount = nullArray();
    const chunkLive = nullArray(); // live pieces per chunk
    const chunkDead = nullArray(); // dead chars per chunk
    let chunkCount = 0;
    const freeChunks = nullArray();
    let freeChunkCount = 0;
    // Keys and values wait, and are joined, apart: values replaced leave key chunks whole.
    const openKeys = openArena();
    const openValues = openArena();
    // The last key looked up, and its slot (-1: none): a write looks its key up two or three times.
    let lastKey = null;
    let lastSlot = -1;

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

    function insert(key, value) {
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
        const slot = lookup(key);
        return slot === -1 ? undefined : text(slot, 1);
      },
      has(key) {
        return lookup(key) !== -1;
      },
      insert: insert,
      replace(key, value) {
        const slot = lookup(key);
        release(slot, 1);
        put(2 * slot + 1, value);
      },
      delete(key) {
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
      keyAt(index) {
        if (holes !== 0) {
          closeHoles();
        }
        return text(order[index], 0);
      },
      forEach(fn) {
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
