// Stowage install script, part 3 of 9: what the shell must hear about new tabs and history, because
// WebKit in JavaFX calls the shell's popup handler without the URL, the target name, or the page's
// noopener/noreferrer (it honours neither), and its own history list cannot hold a duplicated tab's
// entries. A fragment of the one closure that InstallScript builds from install/1-9 in order (see part 1);
// it captures what it needs now and gives the installer (part 6) installNavigation(), which it calls
// for every document that has a bridge.
//
// installNavigation announces each would-be popup to Java through the document's bridge, just before
// WebKit asks for the window: from window.open, from the activation of a link or an image-map area with
// a target, and from a form submission with a target. Java keeps the announcement for the current event
// only, and decides the tab's storage and opener. In the main frame it also routes history.back(),
// forward() and go() to the shell, whose history may hold entries WebKit never saw (a duplicated tab's;
// history.length stays WebKit's), and, in a tab opened with noopener, disowns window.opener.

  // ---- captured built-ins for navigation (the rest are part 1's) -----------------------------------
  const URLRef = win.URL;
  const urlHrefGetter = getOwnPropertyDescriptor(URLRef.prototype, 'href').get;
  const stringProto = String.prototype;
  const toLowerCase = stringProto.toLowerCase;
  const trim = stringProto.trim;
  const charCodeAt = stringProto.charCodeAt;
  const indexOf = stringProto.indexOf;
  const slice = stringProto.slice;
  const addEventListener = win.EventTarget.prototype.addEventListener;
  const eventTargetGetter = getOwnPropertyDescriptor(win.Event.prototype, 'target').get;
  const composedPath = win.Event.prototype.composedPath;
  const defaultPreventedGetter = getOwnPropertyDescriptor(win.Event.prototype, 'defaultPrevented').get;
  const preventDefault = win.Event.prototype.preventDefault;
  const submitterDescriptor = win.SubmitEvent ? getOwnPropertyDescriptor(win.SubmitEvent.prototype, 'submitter') : undefined;
  const submitterGetter = submitterDescriptor ? submitterDescriptor.get : null;
  const ElementRef = win.Element;
  const closest = ElementRef.prototype.closest;
  const getAttribute = ElementRef.prototype.getAttribute;
  const hasAttribute = ElementRef.prototype.hasAttribute;
  const anchorHrefGetter = getOwnPropertyDescriptor(win.HTMLAnchorElement.prototype, 'href').get;
  const areaHrefGetter = getOwnPropertyDescriptor(win.HTMLAreaElement.prototype, 'href').get;
  const HTMLAreaElementRef = win.HTMLAreaElement;
  const HTMLFormElementRef = win.HTMLFormElement;
  const formProto = HTMLFormElementRef.prototype;
  const formActionGetter = getOwnPropertyDescriptor(formProto, 'action').get;
  const nativeSubmit = formProto.submit;
  const baseUriGetter = getOwnPropertyDescriptor(win.Node.prototype, 'baseURI').get;
  const querySelector = win.Document.prototype.querySelector;
  const nativeOpen = win.open;
  const historyProto = win.History.prototype;
  const hasInstance = functionProto[Symbol.hasInstance];
  // Not the instanceof operator: a page may give a constructor its own Symbol.hasInstance.
  function instanceOf(value, type) {
    return value !== null && typeof value === 'object' && reflectApply(hasInstance, type, [value]);
  }

  // Words separated by ASCII white space or commas. Not String.prototype.split with a RegExp: that calls
  // RegExp.prototype[Symbol.split], which a page may have replaced.
  function words(s) {
    const out = [];
    setPrototypeOf(out, null);
    let n = 0;
    let start = -1;
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? reflectApply(charCodeAt, s, [i]) : 32;
      const separator = c === 32 || c === 44 || c === 9 || c === 10 || c === 12 || c === 13;
      if (separator && start >= 0) {
        out[n++] = reflectApply(slice, s, [start, i]);
        start = -1;
      } else if (!separator && start < 0) {
        start = i;
      }
    }
    return out;
  }

  function lower(s) {
    return reflectApply(toLowerCase, s, []);
  }

  // A target that may make a new top-level tab: not empty, not _self, _parent or _top.
  function opensTab(target) {
    const t = lower(reflectApply(trim, target, []));
    return t !== '' && t !== '_self' && t !== '_parent' && t !== '_top';
  }

  function baseTarget() {
    const base = reflectApply(querySelector, documentRef, ['base[target]']);
    return base === null ? '' : reflectApply(getAttribute, base, ['target']);
  }

  // rel keywords (links, areas, forms): "noopener noreferrer opener" words as Java reads them.
  function relFlags(element) {
    const rel = reflectApply(getAttribute, element, ['rel']);
    if (rel === null) {
      return '';
    }
    const list = words(lower(rel));
    let flags = '';
    for (let i = 0; i < list.length; i++) {
      const w = list[i];
      if (w === 'noopener' || w === 'noreferrer' || w === 'opener') {
        flags += ' ' + w;
      }
    }
    return flags;
  }

  // window.open's features, as the HTML Standard tokenizes them: "name[=value]" separated by white space
  // or commas; a boolean feature is on when its value is empty, "yes", or a non-zero number.
  function featureFlags(features) {
    const tokens = words(lower(features));
    let flags = '';
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const eq = reflectApply(indexOf, token, ['=']);
      const name = eq < 0 ? token : reflectApply(slice, token, [0, eq]);
      if (name !== 'noopener' && name !== 'noreferrer') {
        continue;
      }
      const value = eq < 0 ? '' : reflectApply(slice, token, [eq + 1]);
      const number = +value;
      if (value === '' || value === 'yes' || (number === number && number !== 0)) {
        flags += ' ' + name;
      }
    }
    return flags;
  }

  function absolute(url) {
    try {
      return reflectApply(urlHrefGetter, new URLRef(url, reflectApply(baseUriGetter, documentRef, [])), []);
    } catch (e) {
      return '';
    }
  }

  function installNavigation(bridge, mainFrame, withoutOpener) {
    if (withoutOpener) {
      win.opener = null; // the Standard's "disown": the tab was opened with noopener
    }

    function announce(kind, url, target, flags) {
      bridge.apply(jsonStringify(['o', kind, url, target, flags]));
    }

    // ---- history traversal of the main frame: the shell's history decides ---------------------------
    if (mainFrame) {
      const step = function (delta) {
        bridge.apply(jsonStringify(['h', '' + delta]));
      };
      replaceMethod(historyProto, 'back', {
        back() {
          step(-1);
        }
      }.back);
      replaceMethod(historyProto, 'forward', {
        forward() {
          step(1);
        }
      }.forward);
      replaceMethod(historyProto, 'go', {
        go(delta) {
          step(delta === undefined ? 0 : delta | 0); // WebIDL long, as the native method converts it
        }
      }.go);
    }

    // ---- window.open ------------------------------------------------------------------------------
    const open = {
      open(url, target, features) {
        const argc = arguments.length;
        // Each argument is converted once, here: WebKit gets the same strings the shell was told about,
        // so a page's toString cannot tell the two different things.
        const u = url === undefined ? '' : `${url}`;
        const t = target === undefined ? '_blank' : `${target}`;
        const f = features === undefined ? '' : `${features}`;
        const flags = featureFlags(f);
        if (opensTab(t === '' ? '_blank' : t)) {
          announce('script', u === '' ? 'about:blank' : absolute(u), t === '' ? '_blank' : t, flags);
        }
        const args = argc === 0 ? [] : argc === 1 ? [u] : argc === 2 ? [u, t] : [u, t, f];
        const opened = reflectApply(nativeOpen, this === undefined || this === null ? win : this, args);
        // The Standard: with noopener (noreferrer implies it) window.open returns null.
        return flags === '' ? opened : null;
      }
    }.open;
    replaceMethod(win, 'open', open);

    // ---- links and areas: announced when the click starts its way down, before any default action ---
    function linkOf(event) {
      // The innermost target: at the window a click inside a shadow tree is retargeted to its host.
      const path = reflectApply(composedPath, event, []);
      const node = path.length > 0 ? path[0] : reflectApply(eventTargetGetter, event, []);
      if (!instanceOf(node, ElementRef)) {
        return null;
      }
      return reflectApply(closest, node, ['a[href], area[href]']);
    }

    function targetOf(link) {
      return reflectApply(hasAttribute, link, ['target']) ? reflectApply(getAttribute, link, ['target']) : baseTarget();
    }

    function hrefOf(link) {
      return reflectApply(instanceOf(link, HTMLAreaElementRef) ? areaHrefGetter : anchorHrefGetter, link, []);
    }

    reflectApply(addEventListener, win, ['click', function (event) {
      const link = linkOf(event);
      if (link === null) {
        return;
      }
      const target = targetOf(link);
      if (opensTab(target)) {
        announce('link', hrefOf(link), target, relFlags(link));
      }
    }, true]);

    // rel=opener on a _blank link: the Standard keeps the opener, WebKit here does not; the link is
    // followed through window.open instead, once the page had its say (its listeners ran, it did not
    // cancel the click).
    reflectApply(addEventListener, win, ['click', function (event) {
      if (reflectApply(defaultPreventedGetter, event, [])) {
        return;
      }
      const link = linkOf(event);
      if (link === null) {
        return;
      }
      const flags = relFlags(link);
      const target = targetOf(link);
      if (lower(target) === '_blank' && flags === ' opener') {
        reflectApply(preventDefault, event, []);
        announce('script', hrefOf(link), target, '');
        reflectApply(nativeOpen, win, [hrefOf(link), target]);
      }
    }, false]);

    // ---- forms ------------------------------------------------------------------------------------
    function announceForm(form, submitter) {
      let target = null;
      let action = null;
      if (submitter !== null && submitter !== undefined && instanceOf(submitter, ElementRef)) {
        target = reflectApply(getAttribute, submitter, ['formtarget']);
        const formAction = reflectApply(getAttribute, submitter, ['formaction']);
        action = formAction === null ? null : absolute(formAction);
      }
      if (target === null) {
        target = reflectApply(hasAttribute, form, ['target']) ? reflectApply(getAttribute, form, ['target']) : baseTarget();
      }
      if (opensTab(target)) {
        announce('form', action !== null ? action : reflectApply(formActionGetter, form, []), target, relFlags(form));
      }
    }

    reflectApply(addEventListener, win, ['submit', function (event) {
      const form = reflectApply(eventTargetGetter, event, []);
      if (instanceOf(form, HTMLFormElementRef)) {
        announceForm(form, submitterGetter === null ? null : reflectApply(submitterGetter, event, []));
      }
    }, true]);

    // form.submit() fires no submit event.
    const submit = {
      submit() {
        if (instanceOf(this, HTMLFormElementRef)) {
          announceForm(this, null);
        }
        return reflectApply(nativeSubmit, this, []);
      }
    }.submit;
    replaceMethod(formProto, 'submit', submit);
  }
