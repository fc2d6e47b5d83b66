// Stowage: the shell's own sessionStorage for one document. Install script, part 1 of 9: the closure,
// the built-ins it captures, its containers and helpers.
//
// The script is nine files in install/, one job each, that InstallScript joins in their numbered order
// into one script when the class loads, so that every part shares one closure (the hot paths reach
// their state as closure variables) and a document evaluates one script. No part parses on its own.
//
// Java (PageStorage) evaluates the script in a frame whose window object was just created, before any
// script of the document ran. Its completion value is the installer function; Java calls it once with
// the document's bridge (or null for an opaque origin), the area's items as a JSON seed (or null, and a
// live document with the same items to copy them from), the name of the marker that tells Java the
// window is done, the area's quota, whether the frame is the tab's main frame and must disown its
// opener (see part 3), and from how many items the cache packs them (see part 4). The installer returns
// the document's receiver: Java pushes changes made elsewhere through it, asks it to flush, and
// introduces it to the other documents of the same tab and origin (its peers).
//
// Rules every part lives by, because the page runs in the same realm right after us:
// - Every built-in is captured here, while the realm is pristine; nothing below looks up a global or a
//   prototype method at call time. Containers get their methods as own properties, objects we create
//   have a null prototype, descriptors and dictionaries are written with `__proto__: null`.
// - The bridge is reachable only through this closure; it is never put on `window`.
// - Reads are served from the cache. A write is decided here, exactly and synchronously (the cache holds
//   the whole area, so the quota arithmetic is Java's: 2 bytes per UTF-16 unit of key plus value), applied
//   to this cache and to every peer's cache at once (they also get their storage event queued), and
//   logged; the log goes to Java as one bridge call at the end of the current script (a microtask), or
//   earlier when Java asks (flush), for example before another document of the tab starts. A log of
//   1,000 writes or more goes after the page's task instead, in parts (see part 6).
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
  const Int32ArrayRef = Int32Array;
  const typedArraySet = getPrototypeOf(Int32ArrayRef.prototype).set;
  const stringSubstring = String.prototype.substring;
  const arrayJoin = Array.prototype.join;
  const localStorageDescriptor = getOwnPropertyDescriptor(win, 'localStorage');
  const nativeLocalStorageGetter = localStorageDescriptor && localStorageDescriptor.get
      ? localStorageDescriptor.get : null;

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

