// Test harness for conformance pages: check(name, actual, expected) records a line, done() ends the page.
// Captures what it uses, because hostile pages rewrite globals right after loading it.
(function () {
  'use strict';
  // Null prototype: a hostile page's Array.prototype index setters must not swallow the results.
  const results = [];
  Object.setPrototypeOf(results, null);
  const join = Array.prototype.join;
  const stringify = JSON.stringify;
  const is = Object.is;
  const push = Array.prototype.push;
  const apply = Reflect.apply;
  const StringRef = String;
  const replace = String.prototype.replace;
  function show(v) {
    const text = apply(replace, showFull(v), [/[\n\t]/g, ' ']);
    return text.length > 80 ? text.slice(0, 77) + '...' : text;
  }
  function showFull(v) {
    if (typeof v === 'string') { return stringify(v); }
    if (typeof v === 'symbol') { return 'symbol'; }
    if (v === undefined) { return 'undefined'; }
    if (v !== null && typeof v === 'object') {
      try { return stringify(v); } catch (e) { return '[object]'; }
    }
    return StringRef(v);
  }
  function record(ok, name, actual, expected) {
    apply(push, results, [(ok ? 'PASS' : 'FAIL') + '\t' + name + '\t' + show(actual) + '\t' + show(expected)]);
  }
  window.__report = function () { return apply(join, results, ['\n']); };
  window.check = function (name, actual, expected) {
    record(is(actual, expected), name, actual, expected);
  };
  // Runs fn, expects it to throw an error whose name is `errorName` (and, for DOMException, `code`).
  window.checkThrows = function (name, fn, errorName, code) {
    let thrown = null;
    try { fn(); } catch (e) { thrown = e; }
    const actual = thrown === null ? 'no exception' : (thrown && thrown.name) + (code !== undefined ? '/' + thrown.code : '');
    const expected = errorName + (code !== undefined ? '/' + code : '');
    record(actual === expected, name, actual, expected);
    return thrown;
  };
  window.checkRuns = function (name, fn) {
    try { fn(); record(true, name, 'ran', 'ran'); } catch (e) { record(false, name, 'threw ' + e, 'ran'); }
  };
  // Runs one group of checks; an exception ends the group as a failure instead of ending the page.
  window.section = function (name, fn) {
    try { fn(); } catch (e) { record(false, name + ': the section threw', (e && e.name) + ': ' + (e && e.message), 'no exception'); }
  };
  window.done = function () { window.__done = true; };
})();
