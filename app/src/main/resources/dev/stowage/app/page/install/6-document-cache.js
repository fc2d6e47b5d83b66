// Stowage install script, part 6 of 9: the installer Java calls per document, and the document's cache,
// write log, peers and writes. A fragment of the one closure that InstallScript builds from install/1-9
// in order (see part 1); the installer function opened here is closed in part 9, so parts 7-9 share
// this document's state (items, count, peers, ...) as closure variables, which keeps the hot paths fast.

  return function install(bridge, seedJson, marker, quotaBytes, donorItems, mainFrame, withoutOpener, packFrom) {
    // The marker tells Java's guard that this window is done; non-configurable so no page can make us
    // install twice into a live document.
    defineProperty(win, marker, {
      __proto__: null, value: true, writable: false, enumerable: false, configurable: false
    });

    installQuotaExceededError();
    // Function.prototype.toString: our replacements print as native code.
    replaceMethod(functionProto, 'toString', {
      toString() {
        const masked = maskedSource.get(this);
        return masked !== undefined ? masked : reflectApply(nativeFunctionToString, this, arguments);
      }
    }.toString);

    if (bridge === null) {
      // Opaque origin: like a browser, every read of window.sessionStorage throws.
      defineProperty(win, 'sessionStorage', {
        __proto__: null, enumerable: true, configurable: true,
        get: masquerade(getOwnPropertyDescriptor({
          get sessionStorage() {
            throw new DOMExceptionRef('The operation is insecure.', 'SecurityError');
          }
        }, 'sessionStorage').get, nativeSessionStorageGetter())
      });
      return null;
    }

    installNavigation(bridge, mainFrame, withoutOpener);

    // ---- the cache: items in insertion order, served to every read --------------------------------
    const items = itemStore(packFrom);
    let count = 0;
    let bytes = 0;

    // The seed: the area's items as [key, value, key, value...], from JSON, or when Java found a live
    // document whose cache holds exactly this area's items, that document's list (see DocumentDirectory's
    // donorFor): the strings themselves are shared, nothing was encoded or parsed.
    const seed = seedJson === null ? donorItems : jsonParse(seedJson);
    items.reserve(seed.length >> 1);
    for (let i = 0; i + 1 < seed.length; i += 2) {
      items.insert(seed[i], seed[i + 1]);
      count++;
      bytes += 2 * (seed[i].length + seed[i + 1].length);
    }

    // Applies one change to this cache only; shared by our own writes and by changes pushed to us.
    function applyLocal(key, newValue, cleared) {
      if (cleared) {
        items.clear();
        count = 0;
        bytes = 0;
        return;
      }
      const old = items.get(key);
      if (old !== undefined) {
        bytes -= 2 * (key.length + old.length);
      }
      if (newValue === null || newValue === undefined) {
        if (old !== undefined) {
          items.delete(key);
          count--;
        }
        return;
      }
      if (old === undefined) {
        items.insert(key, newValue);
        count++;
      } else {
        items.replace(key, newValue);
      }
      bytes += 2 * (key.length + newValue.length);
    }

    // ---- the write log and the peers (other documents of the tab with this origin) ----------------
    // The log holds, per key, the latest write since the last flush, in the order Java must apply them
    // so that its area ends up equal to this cache, keys in the same order. Java's listeners therefore
    // see one change per key per flush, not every intermediate value.
    // Kept as two arrays in the order written, from logStart on, with an index of each key's place: a
    // part of the log (see DEFER_FROM) is then a slice, read with plain indexing, where a Map would have
    // to be walked with an iterator, a built-in call per entry. DEAD marks a place whose write was
    // replaced or superseded.
    const REMOVED = {__proto__: null};
    const DEAD = {__proto__: null};
    let logKeys = nullArray();
    let logValues = nullArray();
    let logStart = 0;
    const logIndex = sealedMap(); // key -> its place in the arrays, for the keys still unsent
    let pendingCount = 0; // live places, = logIndex's size
    let pendingCleared = false;

    function logAppend(key, value) {
      const at = logKeys.length;
      logKeys[at] = key;
      logValues[at] = value;
      logIndex.set(key, at);
      pendingCount++;
    }

    // Forgets the log (all sent, cleared, or superseded by a clear).
    function logReset() {
      logKeys = nullArray();
      logValues = nullArray();
      logStart = 0;
      logIndex.clear();
      pendingCount = 0;
      coalesced = false;
    }
    let flushQueued = false;
    // Peers: the tab's other documents with this origin (same area). A removed iframe may stay on the
    // list until the tab's next document starts; calling it is harmless, its window no longer runs tasks.
    const peers = roster();
    // Acquaintances: documents with this origin in the window's other tabs (Java's DocumentDirectory).
    // Only so that their storage objects and ours work with each other's Storage methods and StorageEvent
    // records, as a popup and its opener can in browsers; other tabs, other areas: no coherence, no events.
    const acquaintances = roster();
    quotaRecordElsewhere = function (error) {
      const fromPeer = quotaRecordIn(peers, error);
      return fromPeer !== undefined ? fromPeer : quotaRecordIn(acquaintances, error);
    };

    function quotaRecordIn(list, error) {
      for (let i = 0; i < list.count; i++) {
        const theirs = list.members[i].quotaRecordOf(error);
        if (theirs !== undefined) {
          return theirs;
        }
      }
      return undefined;
    }
    // peers.count + acquaintances.count: while 0, no other realm's shell storage object exists that a
    // page could hand our methods, so anything but our own object is WebKit's business.
    let others = 0;
    // Set when a peer (or Java) told us about a write: that peer may hold unsent writes, which must reach
    // Java before ours do, or Java would apply two documents' writes out of order. Flushing the peers
    // before our first write after theirs keeps at most one unsent log per area.
    let peersMayHavePending = false;

    function flushPeersFirst() {
      if (peersMayHavePending) {
        peersMayHavePending = false;
        for (let i = 0; i < peers.count; i++) {
          peers.members[i].flush();
        }
      }
    }

    // Sends the whole log, in one bridge call.
    function flush() {
      flushQueued = false;
      send(pendingCount);
    }

    // Sends the log's first `limit` live entries (all when limit >= pendingCount) and a pending clear.
    function send(limit) {
      if (pendingCount === 0 && !pendingCleared) {
        return;
      }
      const batch = nullArray();
      let n = 0;
      if (pendingCleared) {
        batch[n++] = 'c';
      }
      const end = logKeys.length;
      let i = logStart;
      for (let taken = 0; taken < limit && i < end; i++) {
        const value = logValues[i];
        if (value === DEAD) {
          continue;
        }
        const key = logKeys[i];
        if (value === REMOVED) {
          batch[n++] = 'r';
          batch[n++] = key;
        } else {
          batch[n++] = 's';
          batch[n++] = key;
          batch[n++] = value;
        }
        taken++;
        if (limit < pendingCount) {
          logIndex.delete(key);
        }
      }
      if (limit >= pendingCount) {
        logReset();
      } else {
        pendingCount -= limit;
        logStart = i;
      }
      pendingCleared = false;
      bridge.apply(jsonStringify(batch));
    }

    function queueFlush() {
      if (pendingCount >= 50000) {
        flush(); // a long-running writer of many keys: keep the log (and Java's lag) bounded
      } else if (!flushQueued) {
        flushQueued = true;
        reflectApply(queueMicrotaskRef, win, [flushAtCheckpoint]);
      }
    }

    // A log of DEFER_FROM writes or more goes to Java after the page's task, in tasks of its own, CHUNK
    // entries each, instead of at the task's end: Java's part (sending, applying, the change events and
    // what follows them) then neither lengthens the page's task nor makes one long task of its own. For a
    // 10k-write burst it had doubled how long the page held the FX thread (measured). Nothing is lost or
    // reordered meanwhile: Java's own changes supersede the log as they always do (see the receiver's
    // change), every flush() Java or a peer asks for sends all of it at once, and a document on its way
    // out sends it from its first pagehide listener, before the page's (its timers will not run).
    // Sent in parts, the log must not show Java a state the page never had: a part is a state the page
    // had only while the log holds each key once, in the order written. Once a write has replaced an
    // earlier one still in the log (`coalesced`), the rest goes whole.
    const DEFER_FROM = 1000;
    const CHUNK = 2000;
    let taskQueued = false;
    let unloading = false;
    let coalesced = false;

    function flushAtCheckpoint() {
      if (pendingCount >= DEFER_FROM && !unloading) {
        flushQueued = false;
        queueFlushTask();
        return;
      }
      flush();
    }

    function queueFlushTask() {
      if (!taskQueued) {
        taskQueued = true;
        reflectApply(setTimeoutRef, win, [flushTask, 0]);
      }
    }

    function flushTask() {
      taskQueued = false;
      if (coalesced || pendingCount <= CHUNK) {
        flush();
        return;
      }
      send(CHUNK);
      queueFlushTask();
    }

    reflectApply(addEventListener, win, ['pagehide', function () {
      unloading = true;
      flush();
    }, true]);
    reflectApply(addEventListener, win, ['pageshow', function () {
      unloading = false;
    }, true]);

    function logSet(key, value) {
      const at = logIndex.get(key);
      if (at === undefined) {
        logAppend(key, value);
      } else if (logValues[at] === REMOVED) {
        flush(); // removed, then set again: the key moved to the end, Java must see the removal first
        logAppend(key, value);
      } else {
        logValues[at] = value;
        coalesced = true;
      }
      queueFlush();
    }

    function logRemove(key) {
      const at = logIndex.get(key);
      if (at !== undefined) {
        logValues[at] = DEAD; // the removal goes to the end, where a set after it would follow it
        pendingCount--;
        coalesced = true;
      }
      logAppend(key, REMOVED);
      queueFlush();
    }

    function logClear() {
      logReset();
      pendingCleared = true;
      queueFlush();
    }

    // A change from elsewhere replaced whatever the log holds for `key` (null: for every key).
    function logSupersede(key) {
      if (key === null) {
        logReset();
        pendingCleared = false;
        return;
      }
      const at = logIndex.get(key);
      if (at !== undefined) {
        logValues[at] = DEAD;
        logIndex.delete(key);
        pendingCount--;
        coalesced = true; // what is left is no longer the page's writes in order: it goes whole
      }
    }

    function tellPeers(key, oldValue, newValue, cleared) {
      if (peers.count === 0) {
        return;
      }
      const url = reflectApply(documentUrlGetter, documentRef, []);
      for (let i = 0; i < peers.count; i++) {
        peers.members[i].change(key, oldValue, newValue, url, cleared);
      }
    }

    // ---- writes: decided here, then applied everywhere in the tab, then logged for Java -----------
    // 0 when done (or nothing to do); when the write would exceed the quota, nothing changes and the
    // answer is the bytes the area would have needed (always > 0).
    function trySetItem(key, value) {
      const old = items.get(key);
      if (old === value) {
        return 0;
      }
      const after = bytes + 2 * (key.length + value.length) - (old === undefined ? 0 : 2 * (key.length + old.length));
      if (after > quotaBytes && after > bytes) {
        return after;
      }
      flushPeersFirst();
      applyLocal(key, value, false);
      logSet(key, value);
      tellPeers(key, old === undefined ? null : old, value, false);
      return 0;
    }

    function setItemImpl(key, value) {
      const refused = trySetItem(key, value);
      if (refused !== 0) {
        throw quotaExceededError(quotaBytes, refused);
      }
    }

    function removeItemImpl(key) {
      const old = items.get(key);
      if (old === undefined) {
        return;
      }
      flushPeersFirst();
      applyLocal(key, null, false);
      logRemove(key);
      tellPeers(key, old, null, false);
    }

    function clearImpl() {
      if (count === 0) {
        return;
      }
      flushPeersFirst();
      applyLocal(null, null, true);
      logClear();
      tellPeers(null, null, null, true);
    }

