// Stowage install script, part 7 of 9: the page's sessionStorage object (a Proxy with the WebIDL
// named-property rules) and the Storage.prototype methods shared by it and WebKit's localStorage.
// A fragment of the installer opened in part 6 (see part 1 for how the parts become one script).

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
    // argument count the page used: measured, by far the fastest way to call a host function here
    // (JavaScriptCore seems to make it a direct call); and no try/catch in the method, which cost
    // sessionStorage a third of its speed (it seems to stop the method from being inlined). Everything
    // else takes foreignCall. The `call` used is Function.prototype.call pinned as an own, fixed property
    // of each native function, which no page can reach once our methods replace them, so a page that
    // rewrites Function.prototype.call cannot see or change these calls. Variants: docs/BENCHMARKS.md.
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
        return i < count ? items.keyAt(i) : null;
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
        return index < count ? items.keyAt(index) : null;
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

