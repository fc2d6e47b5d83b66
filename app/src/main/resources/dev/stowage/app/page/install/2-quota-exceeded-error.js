// Stowage install script, part 2 of 9: the QuotaExceededError interface for realms that lack it.
// A fragment of the one closure that InstallScript builds from install/1-9 in order (see part 1); it
// uses part 1's captured built-ins and gives the parts after it installQuotaExceededError() and
// quotaExceededError(quota, requested).

  // ---- QuotaExceededError: the WebIDL DOMException-derived interface (2025) -----------------------
  // This WebKit throws a plain DOMException named QuotaExceededError and has no such global. Each realm
  // gets its own interface object, made here: a constructor whose instances are real DOMExceptions (name
  // 'QuotaExceededError', code 22) with QuotaExceededError.prototype -> DOMException.prototype, and the
  // `quota` and `requested` attributes. An engine that has the interface keeps its own.
  const QUOTA_MESSAGE = 'The quota has been exceeded.';
  const quotaRecords = sealedWeakMap(); // error -> {quota, requested}, for this realm's errors
  // Another realm's record of `error` (a peer's or an acquaintance's, asked by the getters for an error
  // made there, as a browser's getters answer for any realm's error); the installer sets it.
  let quotaRecordElsewhere = function (error) {
    return undefined;
  };

  function quotaRecordOf(error) {
    const own = quotaRecords.get(error);
    return own !== undefined ? own : quotaRecordElsewhere(error);
  }
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
    const getterSource = reflectApply(nativeFunctionToString,
        getOwnPropertyDescriptor(domExceptionProto, 'name').get, []);
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
        const record = quotaRecordOf(this);
        if (record === undefined) {
          throw new TypeErrorRef('The QuotaExceededError.quota getter can only be used on instances of '
              + 'QuotaExceededError');
        }
        return record.quota;
      },
      get requested() {
        const record = quotaRecordOf(this);
        if (record === undefined) {
          throw new TypeErrorRef('The QuotaExceededError.requested getter can only be used on instances of '
              + 'QuotaExceededError');
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
    defineProperty(proto, 'constructor', {
      __proto__: null, value: ctor, writable: true, enumerable: false, configurable: true
    });
    defineProperty(proto, toStringTag, {
      __proto__: null, value: 'QuotaExceededError', writable: false, enumerable: false, configurable: true
    });
    // The interface object: [[Prototype]] DOMException, length 0 (both arguments optional), a fixed prototype.
    setPrototypeOf(ctor, DOMExceptionRef);
    defineProperty(ctor, 'length', {__proto__: null, value: 0, writable: false, enumerable: false, configurable: true});
    defineProperty(ctor, 'prototype', {
      __proto__: null, value: proto, writable: false, enumerable: false, configurable: false
    });
    masqueradeAs(ctor, reflectApply(stringReplace, nativeCtorSource, ['DOMException', 'QuotaExceededError']));
    defineProperty(win, 'QuotaExceededError', {
      __proto__: null, value: ctor, writable: true, enumerable: false, configurable: true
    });
    QuotaExceededErrorShim = ctor;
  }

