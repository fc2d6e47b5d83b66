// Stowage install script, part 8 of 9: storage events. The StorageEvent constructor, initStorageEvent
// and the storageArea getter that accept the shell's storage objects, and the event a peer's write fires.
// A fragment of the installer opened in part 6 (see part 1 for how the parts become one script).

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

