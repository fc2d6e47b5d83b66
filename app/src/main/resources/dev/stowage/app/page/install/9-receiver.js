// Stowage install script, part 9 of 9: window.sessionStorage, and the receiver the installer returns to
// Java (changes pushed in, flush, peers and acquaintances). Closes the installer opened in part 6 and
// the closure opened in part 1.

    // ---- window.sessionStorage: an own accessor, like WebKit's, answering the same object always ----
    defineProperty(win, 'sessionStorage', {
      __proto__: null, enumerable: true, configurable: true,
      get: masquerade(getOwnPropertyDescriptor({
        get sessionStorage() {
          return storage;
        }
      }, 'sessionStorage').get, nativeSessionStorageGetter())
    });

    // ---- the receiver: Java and the peers push changes here ----------------------------------------
    const EVENTS_PER_TASK = 1000;

    return {
      __proto__: null,
      storage: storage,
      ops: ownOps,
      // The storage object our StorageEvent constructor or initStorageEvent gave this event, if any:
      // another realm's storageArea getter asks when the event is not in its own record.
      areaOf(event) {
        return eventAreas.get(event);
      },
      // This realm's own record of a QuotaExceededError it made: another realm's quota/requested getter asks.
      quotaRecordOf(error) {
        return quotaRecords.get(error);
      },
      forgetEvent(event) {
        eventAreas.delete(event);
      },
      // A starting document of an area with the same items seeds its cache from ours (Java checked that
      // our cache and its area agree): our items as [key, value, key, value...], in order, in an array
      // with no prototype, so no setter a page put on Array.prototype sees them.
      itemList() {
        const list = [];
        setPrototypeOf(list, null);
        let n = 0;
        items.forEach(function (value, key) {
          list[n++] = key;
          list[n++] = value;
        });
        return list;
      },
      // A change made by another document of the tab (called by that document's script) or by the shell
      // (called by Java): the cache changes now, so a read right after the writer's call sees it; the
      // event is a queued task, as browsers do it.
      change(key, oldValue, newValue, url, cleared) {
        peersMayHavePending = true;
        // A change from elsewhere is later than anything still in our log for the same key (or, for a
        // clear, for every key): drop those entries, or sending them would undo it in Java.
        logSupersede(cleared ? null : key);
        applyLocal(key, newValue, cleared);
        const eventKey = cleared ? null : key;
        const eventOld = cleared || oldValue === undefined ? null : oldValue;
        const eventNew = cleared || newValue === undefined ? null : newValue;
        reflectApply(setTimeoutRef, win, [function () {
          fireStorageEvent(eventKey, eventOld, eventNew, url);
        }, 0]);
      },
      // Several changes the shell made at once (an import, a write of many keys), as JSON
      // [key, old, new, key, old, new...] with null for a value that was not or is no more: the cache takes
      // them all now, and their events follow in order, up to EVENTS_PER_TASK of them per task. A task each,
      // as for a single change, took 0.5 s of timers alone for 100k keys (measured); one task for all would
      // be one long task of the page's.
      changes(json, url) {
        const list = jsonParse(json);
        peersMayHavePending = true;
        for (let i = 0; i + 2 < list.length; i += 3) {
          logSupersede(list[i]);
          applyLocal(list[i], list[i + 2], false);
        }
        for (let from = 0; from < list.length; from += 3 * EVENTS_PER_TASK) {
          const to = from + 3 * EVENTS_PER_TASK;
          reflectApply(setTimeoutRef, win, [function () {
            for (let i = from; i + 2 < list.length && i < to; i += 3) {
              fireStorageEvent(list[i], list[i + 1], list[i + 2], url);
            }
          }, 0]);
        }
      },
      // Java needs the area current (another document starts, the tab closes, the shell reads it).
      flush() {
        flush();
      },
      addPeer(id, peer) {
        peers.add(id, peer);
        others = peers.count + acquaintances.count;
      },
      removePeer(id) {
        peers.remove(id);
        others = peers.count + acquaintances.count;
      },
      addAcquaintance(id, other) {
        acquaintances.add(id, other);
        others = peers.count + acquaintances.count;
      },
      removeAcquaintance(id) {
        acquaintances.remove(id);
        others = peers.count + acquaintances.count;
      }
    };
  };
})()
