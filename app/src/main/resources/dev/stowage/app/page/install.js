// Stowage: the shell's own sessionStorage for one document.
//
// Java (PageStorage) evaluates this file in a frame whose window object was just created, before any
// script of the document ran. Its completion value is the installer function; Java calls it once with
// the document's bridge (or null for an opaque origin), the area's items as a JSON seed, the name of
// the marker that tells Java the window is done and the area's quota. The installer returns the
// document's receiver: Java pushes changes made elsewhere through it, asks it to flush, and introduces
// it to the other documents of the same tab and origin (its peers).
//
// Rules this file lives by, because the page runs in the same realm right after us:
// - Every built-in is captured here, while the realm is pristine; nothing below looks up a global or a
//   prototype method at call time. Containers get their methods as own properties, objects we create
//   have a null prototype, descriptors and dictionaries are written with `__proto__: null`.
// - The bridge is reachable only through this closure; it is never put on `window`.
// - Reads are served from the cache. A write is decided here, exactly and synchronously (the cache holds
//   the whole area, so the quota arithmetic is Java's: 2 bytes per UTF-16 unit of key plus value), applied
//   to this cache and to every peer's cache at once (they also get their storage event queued), and
//   logged; the log goes to Java as one bridge call at the end of the current script (a microtask), or
//   earlier when Java asks (flush), for example before another document of the tab starts.
(function () {
  'use strict';

  // ---- captured built-ins -------------------------------------------------------------------------
  const win = window;
  const ObjectRef = Object;
  const defineProperty = ObjectRef.defineProperty;
  const getOwnPropertyDescriptor = ObjectRef.getOwnPropertyDescriptor;
  const create = ObjectRef.create;
  const setPrototypeOf = ObjectRef.setPrototypeOf;
  const getPrototypeOf = ObjectRef.getPrototypeOf;
  const hasOwnProperty = ObjectRef.prototype.hasOwnProperty;
  const ReflectRef = Reflect;
  const reflectApply = ReflectRef.apply;
  const reflectConstruct = ReflectRef.construct;
  const reflectGet = ReflectRef.get;
  const reflectSet = ReflectRef.set;
  const reflectDeleteProperty = ReflectRef.deleteProperty;
  const reflectDefineProperty = ReflectRef.defineProperty;
  const reflectGetOwnPropertyDescriptor = ReflectRef.getOwnPropertyDescriptor;
  const reflectOwnKeys = ReflectRef.ownKeys;
  const ProxyRef = Proxy;
  const MapRef = Map;
  const WeakMapRef = WeakMap;
  const mapProto = MapRef.prototype;
  const weakMapProto = WeakMapRef.prototype;
  const TypeErrorRef = TypeError;
  const RangeErrorRef = RangeError;
  const NativeQuotaExceededError = win.QuotaExceededError; // undefined in JavaFX 21's WebKit
  const stringReplace = String.prototype.replace;
  const toStringTag = Symbol.toStringTag;
  const DOMExceptionRef = DOMException;
  const StorageRef = win.Storage;
  const storageProto = StorageRef.prototype;
  const StorageEventRef = win.StorageEvent;
  const storageEventProto = StorageEventRef.prototype;
  const jsonParse = JSON.parse;
  const jsonStringify = JSON.stringify;
  const queueMicrotaskRef = win.queueMicrotask;
  const documentRef = win.document;
  const documentUrlGetter = getOwnPropertyDescriptor(win.Document.prototype, 'URL').get;
  const setTimeoutRef = win.setTimeout;
  const dispatchEventRef = win.EventTarget.prototype.dispatchEvent;
  const eventPhaseGetter = getOwnPropertyDescriptor(win.Event.prototype, 'eventPhase').get;
  const functionProto = Function.prototype;
  const nativeFunctionToString = functionProto.toString;
  const functionCall = functionProto.call;
  const localStorageDescriptor = getOwnPropertyDescriptor(win, 'localStorage');
  const nativeLocalStorageGetter = localStorageDescriptor && localStorageDescriptor.get ? localStorageDescriptor.get : null;

  function hasOwn(object, key) {
    return reflectApply(hasOwnProperty, object, [key]);
  }

  // A Map whose methods are its own properties, so a page that rewrites Map.prototype later cannot
  // reach into our containers.
  function sealedMap() {
    const map = new MapRef();
    map.get = mapProto.get;
    map.set = mapProto.set;
    map.has = mapProto.has;
    map.delete = mapProto.delete;
    map.clear = mapProto.clear;
    map.forEach = mapProto.forEach;
    return map;
  }

  function sealedWeakMap() {
    const map = new WeakMapRef();
    map.get = weakMapProto.get;
    map.set = weakMapProto.set;
    map.delete = weakMapProto.delete;
    return map;
  }

  // Functions we put where the page can see them print like the native ones they replace.
  const maskedSource = sealedWeakMap();
  function masquerade(ours, original) {
    maskedSource.set(ours, reflectApply(nativeFunctionToString, original, []));
    return ours;
  }

  function masqueradeAs(ours, source) {
    maskedSource.set(ours, source);
    return ours;
  }

  function replaceMethod(proto, name, ours) {
    const original = getOwnPropertyDescriptor(proto, name);
    defineProperty(proto, name, {
      __proto__: null, value: masquerade(ours, original.value),
      writable: original.writable, enumerable: original.enumerable, configurable: original.configurable
    });
    return original.value;
  }

  function replaceGetter(proto, name, ours) {
    const original = getOwnPropertyDescriptor(proto, name);
    defineProperty(proto, name, {
      __proto__: null, get: masquerade(ours, original.get), set: original.set,
      enumerable: original.enumerable, configurable: original.configurable
    });
    return original.get;
  }

  function nativeSessionStorageGetter() {
    const d = getOwnPropertyDescriptor(win, 'sessionStorage');
    return d && d.get ? d.get : dispatchEventRef;
  }

  // Other documents' receivers by Java's document id. Java adds one when a document starts and removes it
  // by id (never by calling the gone document) when it is replaced or removed.
  function roster() {
    const ids = [];
    setPrototypeOf(ids, null);
    const members = [];
    setPrototypeOf(members, null);
    return {
      __proto__: null,
      members: members,
      count: 0,
      add(id, member) {
        ids[this.count] = id;
        members[this.count++] = member;
      },
      remove(id) {
        for (let i = 0; i < this.count; i++) {
          if (ids[i] === id) {
            const last = --this.count;
            ids[i] = ids[last];
            members[i] = members[last];
            ids.length = last;
            members.length = last;
            return;
          }
        }
      },
      // The member whose sessionStorage `object` is, or null.
      ownerOf(object) {
        for (let i = 0; i < this.count; i++) {
          if (members[i].storage === object) {
            return members[i];
          }
        }
        return null;
      }
    };
  }

  function notEnoughArguments() {
    return new TypeErrorRef('Not enough arguments');
  }

  // ---- QuotaExceededError: the WebIDL DOMException-derived interface (2025) -----------------------
  // This WebKit throws a plain DOMException named QuotaExceededError and has no such global. Each realm
  // gets its own interface object, made here: a constructor whose instances are real DOMExceptions (name
  // 'QuotaExceededError', code 22) with QuotaExceededError.prototype -> DOMException.prototype, and the
  // `quota` and `requested` attributes. An engine that has the interface keeps its own.
  const QUOTA_MESSAGE = 'The quota has been exceeded.';
  const quotaRecords = sealedWeakMap(); // error -> {quota, requested}, for this realm's errors
  let QuotaExceededErrorShim = null;

  function toDouble(value, member) {
    const n = +value; // WebIDL double: ToNumber (a BigInt or a Symbol throws TypeError), then finite only
    if (n !== n || n === 1 / 0 || n === -1 / 0) {
      throw new TypeErrorRef(`Failed to read the '${member}' property from 'QuotaExceededErrorOptions': `
          + 'The provided double value is non-finite.');
    }
    return n;
  }

  // What the shell's Storage throws: `quota` the area's quota and `requested` the bytes the area would
  // hold after the refused write, both in the quota's arithmetic (2 bytes per UTF-16 unit of key + value).
  function quotaExceededError(quota, requested) {
    if (QuotaExceededErrorShim === null) {
      return new NativeQuotaExceededError(QUOTA_MESSAGE, {__proto__: null, quota: quota, requested: requested});
    }
    const error = reflectConstruct(DOMExceptionRef, [QUOTA_MESSAGE, 'QuotaExceededError'], QuotaExceededErrorShim);
    quotaRecords.set(error, {__proto__: null, quota: quota, requested: requested});
    return error;
  }

  function installQuotaExceededError() {
    if (typeof NativeQuotaExceededError === 'function') {
      return;
    }
    const domExceptionProto = DOMExceptionRef.prototype;
    const nativeCtorSource = reflectApply(nativeFunctionToString, DOMExceptionRef, []);
    // WebKit prints an attribute getter as `function <attribute>() { [native code] }`; take its exact
    // layout from a getter it has, with our attribute's name.
    const getterSource = reflectApply(nativeFunctionToString, getOwnPropertyDescriptor(domExceptionProto, 'name').get, []);
    const ctor = {
      QuotaExceededError: function QuotaExceededError(message, options) {
        if (new.target === undefined) {
          throw new TypeErrorRef("Constructor requires 'new' operator");
        }
        // WebIDL order: the message (DOMString), then the dictionary's members in lexicographic order,
        // each read and converted before the next; then the constructor steps' range checks.
        const text = message === undefined ? '' : `${message}`;
        let quota = null;
        let requested = null;
        if (options !== undefined && options !== null) {
          if (typeof options !== 'object' && typeof options !== 'function') {
            throw new TypeErrorRef("Failed to construct 'QuotaExceededError': The provided value is not of type"
                + " 'QuotaExceededErrorOptions'.");
          }
          const q = options.quota;
          if (q !== undefined) {
            quota = toDouble(q, 'quota');
          }
          const r = options.requested;
          if (r !== undefined) {
            requested = toDouble(r, 'requested');
          }
        }
        if (quota !== null && quota < 0) {
          throw new RangeErrorRef("Failed to construct 'QuotaExceededError': quota must be at least 0.");
        }
        if (requested !== null && requested < 0) {
          throw new RangeErrorRef("Failed to construct 'QuotaExceededError': requested must be at least 0.");
        }
        if (quota !== null && requested !== null && requested < quota) {
          throw new RangeErrorRef("Failed to construct 'QuotaExceededError': requested must be at least quota.");
        }
        const error = reflectConstruct(DOMExceptionRef, [text, 'QuotaExceededError'], new.target);
        quotaRecords.set(error, {__proto__: null, quota: quota, requested: requested});
        return error;
      }
    }.QuotaExceededError;
    const attributes = {
      get quota() {
        const record = quotaRecords.get(this);
        if (record === undefined) {
          throw new TypeErrorRef('The QuotaExceededError.quota getter can only be used on instances of QuotaExceededError');
        }
        return record.quota;
      },
      get requested() {
        const record = quotaRecords.get(this);
        if (record === undefined) {
          throw new TypeErrorRef('The QuotaExceededError.requested getter can only be used on instances of QuotaExceededError');
        }
        return record.requested;
      }
    };
    const proto = create(domExceptionProto);
    for (const name of ['quota', 'requested']) {
      const getter = getOwnPropertyDescriptor(attributes, name).get;
      masqueradeAs(getter, reflectApply(stringReplace, getterSource, ['name', name]));
      defineProperty(proto, name, {__proto__: null, get: getter, set: undefined, enumerable: true, configurable: true});
    }
    defineProperty(proto, 'constructor', {__proto__: null, value: ctor, writable: true, enumerable: false, configurable: true});
    defineProperty(proto, toStringTag, {
      __proto__: null, value: 'QuotaExceededError', writable: false, enumerable: false, configurable: true
    });
    // The interface object: [[Prototype]] DOMException, length 0 (both arguments optional), a fixed prototype.
    setPrototypeOf(ctor, DOMExceptionRef);
    defineProperty(ctor, 'length', {__proto__: null, value: 0, writable: false, enumerable: false, configurable: true});
    defineProperty(ctor, 'prototype', {__proto__: null, value: proto, writable: false, enumerable: false, configurable: false});
    masqueradeAs(ctor, reflectApply(stringReplace, nativeCtorSource, ['DOMException', 'QuotaExceededError']));
    defineProperty(win, 'QuotaExceededError', {
      __proto__: null, value: ctor, writable: true, enumerable: false, configurable: true
    });
    QuotaExceededErrorShim = ctor;
  }

  return function install(bridge, seedJson, marker, quotaBytes) {
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

    // ---- the cache: items in insertion order, served to every read --------------------------------
    const items = sealedMap();
    let count = 0;
    let bytes = 0;
    let keyList = null; // items' keys in order, rebuilt lazily after an insert or a delete

    const seed = jsonParse(seedJson);
    for (let i = 0; i + 1 < seed.length; i += 2) {
      items.set(seed[i], seed[i + 1]);
      count++;
      bytes += 2 * (seed[i].length + seed[i + 1].length);
    }

    function keyAt(index) {
      if (keyList === null) {
        const list = [];
        setPrototypeOf(list, null);
        let n = 0;
        items.forEach(function (value, key) {
          list[n++] = key;
        });
        keyList = list;
      }
      return keyList[index];
    }

    // Applies one change to this cache only; shared by our own writes and by changes pushed to us.
    function applyLocal(key, newValue, cleared) {
      if (cleared) {
        items.clear();
        count = 0;
        bytes = 0;
        keyList = null;
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
          keyList = null;
        }
        return;
      }
      if (old === undefined) {
        count++;
        keyList = null;
      }
      items.set(key, newValue);
      bytes += 2 * (key.length + newValue.length);
    }

    // ---- the write log and the peers (other documents of the tab with this origin) ----------------
    // The log holds, per key, the latest write since the last flush, in the order Java must apply them
    // so that its area ends up equal to this cache, keys in the same order. Java's listeners therefore
    // see one change per key per flush, not every intermediate value.
    const REMOVED = {__proto__: null};
    const pending = sealedMap();
    let pendingCount = 0;
    let pendingCleared = false;
    let flushQueued = false;
    // Peers: the tab's other documents with this origin (same area). A removed iframe may stay on the
    // list until the tab's next document starts; calling it is harmless, its window no longer runs tasks.
    const peers = roster();
    // Acquaintances: documents with this origin in the window's other tabs (Java's DocumentDirectory).
    // Only so that their storage objects and ours work with each other's Storage methods and StorageEvent
    // records, as a popup and its opener can in browsers; other tabs, other areas: no coherence, no events.
    const acquaintances = roster();
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

    function flush() {
      flushQueued = false;
      if (pendingCount === 0 && !pendingCleared) {
        return;
      }
      const batch = [];
      setPrototypeOf(batch, null);
      let n = 0;
      if (pendingCleared) {
        batch[n++] = 'c';
      }
      pending.forEach(function (value, key) {
        if (value === REMOVED) {
          batch[n++] = 'r';
          batch[n++] = key;
        } else {
          batch[n++] = 's';
          batch[n++] = key;
          batch[n++] = value;
        }
      });
      pending.clear();
      pendingCount = 0;
      pendingCleared = false;
      bridge.apply(jsonStringify(batch));
    }

    function queueFlush() {
      if (pendingCount >= 50000) {
        flush(); // a long-running writer of many keys: keep the log (and Java's lag) bounded
      } else if (!flushQueued) {
        flushQueued = true;
        reflectApply(queueMicrotaskRef, win, [flush]);
      }
    }

    function logSet(key, value) {
      const previous = pending.get(key);
      if (previous === REMOVED) {
        flush(); // removed, then set again: the key moved to the end, Java must see the removal first
      } else if (previous === undefined) {
        pendingCount++;
      }
      pending.set(key, value);
      queueFlush();
    }

    function logRemove(key) {
      if (pending.has(key)) {
        pending.delete(key);
      } else {
        pendingCount++;
      }
      pending.set(key, REMOVED);
      queueFlush();
    }

    function logClear() {
      pending.clear();
      pendingCount = 0;
      pendingCleared = true;
      queueFlush();
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

    // ---- the Storage object: a Proxy with the legacy-platform-object named property rules ----------
    // The target holds no string-named own properties, ever: `p in target` is true exactly when the
    // prototype chain has p, which is when a named item p is hidden (WebIDL visibility).
    const target = create(storageProto);
    let storage = null;

    function visibleItem(p) {
      return typeof p === 'string' && !(p in target) && items.has(p);
    }

    const handler = {
      __proto__: null,
      get(t, p, receiver) {
        if (typeof p === 'string' && !(p in t)) {
          return items.get(p);
        }
        return reflectGet(t, p, receiver);
      },
      set(t, p, value, receiver) {
        if (typeof p === 'string' && receiver === storage) {
          setItemImpl(p, `${value}`);
          return true;
        }
        return reflectSet(t, p, value, receiver);
      },
      has(t, p) {
        return (p in t) || (typeof p === 'string' && items.has(p));
      },
      deleteProperty(t, p) {
        if (visibleItem(p)) {
          removeItemImpl(p);
          return true;
        }
        return reflectDeleteProperty(t, p);
      },
      ownKeys(t) {
        const keys = [];
        setPrototypeOf(keys, null);
        let n = 0;
        items.forEach(function (value, key) {
          if (!(key in t)) {
            keys[n++] = key;
          }
        });
        const own = reflectOwnKeys(t);
        for (let i = 0; i < own.length; i++) {
          keys[n++] = own[i];
        }
        return keys;
      },
      getOwnPropertyDescriptor(t, p) {
        if (visibleItem(p)) {
          return {__proto__: null, value: items.get(p), writable: true, enumerable: true, configurable: true};
        }
        return reflectGetOwnPropertyDescriptor(t, p);
      },
      defineProperty(t, p, desc) {
        if (typeof p === 'string') {
          if (hasOwn(desc, 'get') || hasOwn(desc, 'set')) {
            return false;
          }
          setItemImpl(p, `${hasOwn(desc, 'value') ? desc.value : undefined}`);
          return true;
        }
        return reflectDefineProperty(t, p, desc);
      },
      preventExtensions() {
        return false; // WebIDL: a legacy platform object cannot be made non-extensible
      }
    };
    storage = new ProxyRef(target, handler);

    // ---- Storage.prototype: ours for our object, the native one for every other (localStorage) ------
    // The receiver of the document whose sessionStorage `object` is: a peer (another document of this tab
    // and origin, an iframe's or the parent's) or an acquaintance (same origin, another tab); or null.
    // A page may call one realm's Storage.prototype method on another realm's storage object, as it can
    // in browsers.
    function ownerOf(object) {
      const peer = peers.ownerOf(object);
      return peer !== null ? peer : acquaintances.ownerOf(object);
    }

    // `this` is not our sessionStorage: a native Storage such as localStorage (WebKit's method serves
    // it), a peer's or an acquaintance's, or anything else. WebKit's method goes first, so localStorage
    // calls in this page pay no search: it checks `this` before it converts an argument, so it refuses a
    // shell object with no side effect, and only then do we look for the object's owner.
    function foreignCall(self, name, nativeFn, argc, a, b) {
      let result;
      try {
        if (argc === 0) {
          result = reflectApply(nativeFn, self, []);
        } else {
          result = reflectApply(nativeFn, self, argc === 1 ? [a] : [a, b]);
        }
      } catch (e) {
        return notNative(self, e, name, argc, a, b);
      }
      if (local === null && !localLooked) {
        findLocalStorage();
      }
      return result;
    }

    // This window's localStorage, once a page has used a WebKit Storage through our methods: from then on
    // the methods call WebKit's directly for it. Not looked up before: reading window.localStorage makes
    // WebKit open the origin's local storage, which a document that never uses it should not pay for.
    let local = null;
    let localLooked = false;
    function findLocalStorage() {
      localLooked = true;
      try {
        const found = reflectApply(nativeLocalStorageGetter, win, []);
        local = typeof found === 'object' && found !== null ? found : null;
      } catch (e) {
        local = null; // an opaque origin, or storage disabled
      }
    }

    // WebKit's method refused `self` with `error`: a peer's or an acquaintance's object gets this realm's
    // method (peerCall); anything else gets WebKit's error.
    function notNative(self, error, name, argc, a, b) {
      const owner = peers.count !== 0 || acquaintances.count !== 0 ? ownerOf(self) : null;
      if (owner === null) {
        throw error;
      }
      return peerCall(owner.ops, name, argc, a, b);
    }

    // localStorage (any object but ours while no other realm's shell object exists, or this window's
    // localStorage once found) goes straight to WebKit's method as `nativeFn.call(this, ...)` with the
    // argument count the page used: the one form JavaScriptCore turns into a direct call of the host
    // function, and no try/catch in the method (JavaScriptCore then stops inlining it, which cost
    // sessionStorage a third of its speed). Everything else takes foreignCall. The `call` used is
    // Function.prototype.call pinned as an own, fixed property of each native function, which no page can
    // reach once our methods replace them, so a page that rewrites Function.prototype.call cannot see or
    // change these calls. Measured variants: docs/BENCHMARKS.md.
    function pinCall(nativeFn) {
      defineProperty(nativeFn, 'call', {
        __proto__: null, value: functionCall, writable: false, enumerable: false, configurable: false
      });
      return nativeFn;
    }

    // A method of this realm on a peer's or an acquaintance's object: the argument checks, the conversions and any error
    // are this realm's, as the called function's are in a browser; the peer's area does the rest.
    function peerCall(ops, name, argc, a, b) {
      if (name === 'length') {
        return ops.length();
      }
      if (name === 'clear') {
        ops.clear();
        return undefined;
      }
      if (argc < (name === 'setItem' ? 2 : 1)) {
        throw notEnoughArguments();
      }
      if (name === 'key') {
        return ops.key(a >>> 0);
      }
      const key = `${a}`;
      if (name === 'getItem') {
        return ops.get(key);
      }
      if (name === 'removeItem') {
        ops.remove(key);
        return undefined;
      }
      const refused = ops.set(key, `${b}`);
      if (refused !== 0) {
        throw quotaExceededError(ops.quota, refused); // this realm's error, the owner's numbers
      }
      return undefined;
    }

    // No method mentions `arguments` beyond its length: JavaScriptCore runs a function that passes its
    // arguments object on (even in a branch never taken) about a quarter slower, and these are the hot
    // paths of every page. The native methods get exactly the arguments the page passed (up to the ones
    // they declare), so their own TypeErrors and conversions stay theirs.
    const methods = {
      key(index) {
        if (this !== storage) {
          if ((others === 0 || this === local) && arguments.length === 1) {
            return nativeKey.call(this, index);
          }
          return foreignCall(this, 'key', nativeKey, arguments.length, index);
        }
        if (index === undefined && arguments.length < 1) {
          throw notEnoughArguments();
        }
        const i = index >>> 0; // WebIDL unsigned long: -1 -> 4294967295, n + 2^32 -> n
        return i < count ? keyAt(i) : null;
      },
      getItem(key) {
        if (this !== storage) {
          if ((others === 0 || this === local) && arguments.length === 1) {
            return nativeGetItem.call(this, key);
          }
          return foreignCall(this, 'getItem', nativeGetItem, arguments.length, key);
        }
        if (key === undefined && arguments.length < 1) {
          throw notEnoughArguments();
        }
        const value = items.get(typeof key === 'string' ? key : `${key}`);
        return value === undefined ? null : value;
      },
      setItem(key, value) {
        if (this !== storage) {
          if ((others === 0 || this === local) && arguments.length === 2) {
            return nativeSetItem.call(this, key, value);
          }
          return foreignCall(this, 'setItem', nativeSetItem, arguments.length, key, value);
        }
        if (value === undefined && arguments.length < 2) {
          throw notEnoughArguments();
        }
        setItemImpl(typeof key === 'string' ? key : `${key}`, typeof value === 'string' ? value : `${value}`);
      },
      removeItem(key) {
        if (this !== storage) {
          if ((others === 0 || this === local) && arguments.length === 1) {
            return nativeRemoveItem.call(this, key);
          }
          return foreignCall(this, 'removeItem', nativeRemoveItem, arguments.length, key);
        }
        if (key === undefined && arguments.length < 1) {
          throw notEnoughArguments();
        }
        removeItemImpl(typeof key === 'string' ? key : `${key}`);
      },
      clear() {
        if (this !== storage) {
          if (others === 0 || this === local) {
            return nativeClear.call(this);
          }
          return foreignCall(this, 'clear', nativeClear, 0);
        }
        clearImpl();
      },
      get length() {
        if (this !== storage) {
          if (others === 0 || this === local) {
            return nativeLength.call(this);
          }
          return foreignCall(this, 'length', nativeLength, 0);
        }
        return count;
      }
    };
    const nativeKey = pinCall(replaceMethod(storageProto, 'key', methods.key));
    const nativeGetItem = pinCall(replaceMethod(storageProto, 'getItem', methods.getItem));
    const nativeSetItem = pinCall(replaceMethod(storageProto, 'setItem', methods.setItem));
    const nativeRemoveItem = pinCall(replaceMethod(storageProto, 'removeItem', methods.removeItem));
    const nativeClear = pinCall(replaceMethod(storageProto, 'clear', methods.clear));
    const nativeLength = pinCall(replaceGetter(storageProto, 'length', getOwnPropertyDescriptor(methods, 'length').get));
    // What a peer's methods use when a page hands them our object (see peerCall): converted arguments
    // in, no exceptions out.
    const ownOps = {
      __proto__: null,
      length() {
        return count;
      },
      key(index) {
        return index < count ? keyAt(index) : null;
      },
      get(key) {
        const value = items.get(key);
        return value === undefined ? null : value;
      },
      set: trySetItem,
      quota: quotaBytes,
      remove: removeItemImpl,
      clear: clearImpl
    };

    // ---- the storage event: StorageEvent.prototype.storageArea answers our object for our events ---
    // eventAreas: the events that carry a shell storage object (ours, a peer's or an acquaintance's) as
    // storageArea. An event is recorded in one realm only; any other realm's getter finds it through its
    // peers and acquaintances.
    const eventAreas = sealedWeakMap();

    function areaFor(event) {
      const own = eventAreas.get(event);
      if (own !== undefined) {
        return own;
      }
      const fromPeer = areaIn(peers, event);
      return fromPeer !== undefined ? fromPeer : areaIn(acquaintances, event);
    }

    function areaIn(list, event) {
      for (let i = 0; i < list.count; i++) {
        const theirs = list.members[i].areaOf(event);
        if (theirs !== undefined) {
          return theirs;
        }
      }
      return undefined;
    }

    function recordArea(event, area) {
      forgetArea(event);
      eventAreas.set(event, area);
    }

    function forgetArea(event) {
      eventAreas.delete(event);
      forgetIn(peers, event);
      forgetIn(acquaintances, event);
    }

    function forgetIn(list, event) {
      for (let i = 0; i < list.count; i++) {
        list.members[i].forgetEvent(event);
      }
    }

    const nativeStorageArea = replaceGetter(storageEventProto, 'storageArea', getOwnPropertyDescriptor({
      get storageArea() {
        const area = areaFor(this);
        return area !== undefined ? area : reflectApply(nativeStorageArea, this, []);
      }
    }, 'storageArea').get);

    // Our object, a peer's or an acquaintance's: what a page may pass as a StorageEvent's storageArea.
    function shellStorage(value) {
      if (value === storage) {
        return storage;
      }
      return (peers.count !== 0 || acquaintances.count !== 0) && typeof value === 'object' && value !== null
          && ownerOf(value) !== null ? value : null;
    }

    // WebKit's StorageEvent constructor accepts only its own Storage objects as storageArea. The page gets
    // a constructor that converts the arguments itself, exactly as WebIDL orders it (type first, then each
    // dictionary member read and converted in turn, the first error ending it), hands WebKit the
    // converted values with null in place of a shell storage object, and records that object for the
    // storageArea getter. Prototype, name, length, subclassing through new.target and the TypeError without
    // new are the native constructor's.
    const NativeStorageEvent = StorageEventRef;
    const INIT_MEMBERS = ['bubbles', 'cancelable', 'composed', 'key', 'newValue', 'oldValue', 'storageArea', 'url'];
    setPrototypeOf(INIT_MEMBERS, null);

    function convertInitMember(name, value) {
      if (name === 'bubbles' || name === 'cancelable' || name === 'composed') {
        return !!value;
      }
      if (name === 'url') {
        return `${value}`;
      }
      if (value === null) {
        return null;
      }
      if (name !== 'storageArea') {
        return `${value}`;
      }
      if (shellStorage(value) !== null) {
        return value;
      }
      try {
        reflectApply(nativeLength, value, []); // WebKit's brand check: throws for anything but its Storage
      } catch (e) {
        throw new TypeErrorRef("The provided value is not of type 'Storage'");
      }
      return value;
    }

    const StorageEventShim = {
      StorageEvent: function StorageEvent(type) {
        if (new.target === undefined) {
          throw new TypeErrorRef("Constructor requires 'new' operator");
        }
        const argc = arguments.length;
        if (argc < 1) {
          return reflectConstruct(NativeStorageEvent, [], new.target);
        }
        const typeString = `${type}`;
        const init = arguments[1];
        const converted = {__proto__: null};
        let area = null;
        if (init !== undefined && init !== null) {
          if (typeof init !== 'object' && typeof init !== 'function') {
            throw new TypeErrorRef("Type error: the event init dictionary must be an object");
          }
          for (let i = 0; i < INIT_MEMBERS.length; i++) {
            const value = init[INIT_MEMBERS[i]];
            if (value !== undefined) {
              converted[INIT_MEMBERS[i]] = convertInitMember(INIT_MEMBERS[i], value);
            }
          }
          area = shellStorage(converted.storageArea);
          if (area !== null) {
            converted.storageArea = null;
          }
        }
        const event = reflectConstruct(NativeStorageEvent, [typeString, converted], new.target);
        if (area !== null) {
          recordArea(event, area);
        }
        return event;
      }
    }.StorageEvent;
    defineProperty(StorageEventShim, 'prototype', {__proto__: null, value: storageEventProto, writable: false});
    setPrototypeOf(StorageEventShim, getPrototypeOf(NativeStorageEvent));
    masquerade(StorageEventShim, NativeStorageEvent);
    const ctorDescriptor = getOwnPropertyDescriptor(storageEventProto, 'constructor');
    defineProperty(storageEventProto, 'constructor', {
      __proto__: null, value: StorageEventShim, writable: ctorDescriptor.writable,
      enumerable: ctorDescriptor.enumerable, configurable: ctorDescriptor.configurable
    });
    const windowCtorDescriptor = getOwnPropertyDescriptor(win, 'StorageEvent');
    defineProperty(win, 'StorageEvent', {
      __proto__: null, value: StorageEventShim, writable: windowCtorDescriptor.writable,
      enumerable: windowCtorDescriptor.enumerable, configurable: windowCtorDescriptor.configurable
    });

    // initStorageEvent: WebKit converts the arguments and then, while the event is being dispatched,
    // changes nothing; so the record changes only when the event is not in dispatch (eventPhase NONE).
    if (hasOwn(storageEventProto, 'initStorageEvent')) {
      const nativeInit = replaceMethod(storageEventProto, 'initStorageEvent', {
        initStorageEvent(type) {
          const area = arguments.length < 8 ? null : shellStorage(arguments[7]);
          let result;
          if (area === null) {
            result = reflectApply(nativeInit, this, arguments);
          } else {
            const args = [];
            setPrototypeOf(args, null);
            for (let i = 0; i < 7; i++) {
              args[i] = arguments[i];
            }
            args[7] = null;
            args.length = 8;
            result = reflectApply(nativeInit, this, args);
          }
          if (reflectApply(eventPhaseGetter, this, []) === 0) {
            if (area === null) {
              forgetArea(this);
            } else {
              recordArea(this, area);
            }
          }
          return result;
        }
      }.initStorageEvent);
    }

    function fireStorageEvent(key, oldValue, newValue, url) {
      const event = new StorageEventRef('storage', {
        __proto__: null, key: key, oldValue: oldValue, newValue: newValue, url: url
      });
      eventAreas.set(event, storage);
      reflectApply(dispatchEventRef, win, [event]);
    }

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
    return {
      __proto__: null,
      storage: storage,
      ops: ownOps,
      // The storage object our StorageEvent constructor or initStorageEvent gave this event, if any:
      // another realm's storageArea getter asks when the event is not in its own record.
      areaOf(event) {
        return eventAreas.get(event);
      },
      forgetEvent(event) {
        eventAreas.delete(event);
      },
      // A change made by another document of the tab (called by that document's script) or by the shell
      // (called by Java): the cache changes now, so a read right after the writer's call sees it; the
      // event is a queued task, as browsers do it.
      change(key, oldValue, newValue, url, cleared) {
        peersMayHavePending = true;
        // A change from elsewhere is later than anything still in our log for the same key (or, for a
        // clear, for every key): drop those entries, or sending them would undo it in Java.
        if (cleared) {
          pending.clear();
          pendingCount = 0;
          pendingCleared = false;
        } else if (pending.has(key)) {
          pending.delete(key);
          pendingCount--;
        }
        applyLocal(key, newValue, cleared);
        const eventKey = cleared ? null : key;
        const eventOld = cleared || oldValue === undefined ? null : oldValue;
        const eventNew = cleared || newValue === undefined ? null : newValue;
        reflectApply(setTimeoutRef, win, [function () {
          fireStorageEvent(eventKey, eventOld, eventNew, url);
        }, 0]);
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
