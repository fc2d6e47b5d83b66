// Stowage install script, part 4 of 9: the item store, where a document's cache keeps its items.
// A fragment of the one closure that InstallScript builds from install/1-9 in order (see part 1).
//
// Why not simply a Map: after every collection of the JVM, JavaFX runs a full, synchronous collection of
// JavaScriptCore's heap on the FX thread (WebPage.collectJSCGarbages, re-armed through the Disposer), and
// its cost grows with the number of cells in the heap more than with their bytes. A Map of 100k items is
// 300k cells (bucket, key, value): 6.9 ms at the median a collection and up to 99, where the same items
// packed (part 5) cost 0.7 and up to 3.0 (PageHeapBenchmark, docs/BENCHMARKS.md). So a store keeps a Map
// while it is small, which is the fastest to read and write, and from `packFrom` items on packs them.

  function nullArray() {
    const array = [];
    setPrototypeOf(array, null);
    return array;
  }

  // A store of string items in insertion order: get/has/delete/clear as a Map's, insert (a new key) and
  // replace (a held one) for set, keyAt(i), and forEach(fn(value, key)) in order. It holds nothing of the
  // page's but the strings it was given.
  function itemStore(packFrom) {
    let map = sealedMap();
    let mapCount = 0;
    let keyList = null; // the Map's keys in order, rebuilt lazily after an insert or a delete
    let packed = null; // the packed form (part 5), once the store holds packFrom items

    // The Map's items move into the packed form, in order.
    function pack(capacity) {
      const items = packedItems(capacity);
      map.forEach(function (value, key) {
        items.insert(key, value);
      });
      packed = items;
      map = sealedMap();
      mapCount = 0;
      keyList = null;
    }

    return {
      __proto__: null,
      get(key) {
        return packed === null ? map.get(key) : packed.get(key);
      },
      has(key) {
        return packed === null ? map.has(key) : packed.has(key);
      },
      // Ready for `count` items (a seed): a store that will hold packFrom or more packs from the start.
      reserve(count) {
        if (packed === null && mapCount === 0 && count >= packFrom) {
          packed = packedItems(count);
        }
      },
      // A key the store does not hold.
      insert(key, value) {
        if (packed === null) {
          if (mapCount < packFrom) {
            map.set(key, value);
            mapCount++;
            keyList = null;
            return;
          }
          pack(2 * mapCount);
        }
        packed.insert(key, value);
      },
      // A key the store holds: it keeps its place.
      replace(key, value) {
        if (packed === null) {
          map.set(key, value);
        } else {
          packed.replace(key, value);
        }
      },
      delete(key) {
        if (packed !== null) {
          packed.delete(key);
        } else if (map.delete(key)) {
          mapCount--;
          keyList = null;
        }
      },
      clear() {
        packed = null;
        map.clear();
        mapCount = 0;
        keyList = null;
      },
      // The key at `index`, which the caller checked is below the count.
      keyAt(index) {
        if (packed !== null) {
          return packed.keyAt(index);
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
        if (packed === null) {
          map.forEach(fn);
        } else {
          packed.forEach(fn);
        }
      }
    };
  }
