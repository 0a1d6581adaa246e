// Runs in every frame's main world before any page script (Page.addScriptToEvaluateOnNewDocument).
// Reports each cookie write by a script, with the script's URL, through a DevTools binding;
// with GPC on, makes navigator.globalPrivacyControl true. Every hook calls the original and
// swallows its own errors, so a page behaves as it would without juris.
(function () {
  'use strict';
  var BINDING = __JURIS_BINDING__;
  var GPC = __JURIS_GPC__;
  var URL_IN_STACK = /(https?:\/\/[^\s()]+?):\d+:\d+/g;
  function caller() {
    var stack = '';
    try { stack = String(new Error().stack || ''); } catch (e) { return null; }
    URL_IN_STACK.lastIndex = 0;
    var m = URL_IN_STACK.exec(stack);
    return m ? m[1] : null;
  }
  function report(kind, text) {
    try {
      var f = globalThis[BINDING];
      if (typeof f !== 'function') return;
      f(JSON.stringify({
        kind: kind,
        cookie: String(text).slice(0, 8192),
        script: caller(),
        frame: String(location.href).slice(0, 2000),
        time: performance.timeOrigin + performance.now()
      }));
    } catch (e) { /* never disturb the page */ }
  }
  try {
    var desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (desc && desc.get && desc.set) {
      var set = desc.set;
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        enumerable: desc.enumerable,
        get: desc.get,
        set: function (v) { report('document.cookie', v); return set.call(this, v); }
      });
    }
  } catch (e) {}
  try {
    if (typeof CookieStore !== 'undefined' && CookieStore.prototype && CookieStore.prototype.set) {
      var storeSet = CookieStore.prototype.set;
      CookieStore.prototype.set = function (a, b) {
        try {
          var o = (a && typeof a === 'object') ? a : { name: String(a), value: String(b) };
          var line = String(o.name || '') + '=' + (o.value == null ? '' : String(o.value));
          if (o.domain) line += '; Domain=' + o.domain;
          if (o.path) line += '; Path=' + o.path;
          if (o.expires) line += '; Expires=' + new Date(o.expires).toUTCString();
          if (o.sameSite) line += '; SameSite=' + o.sameSite;
          report('cookieStore', line);
        } catch (e) {}
        return storeSet.apply(this, arguments);
      };
    }
  } catch (e) {}
  try { performance.setResourceTimingBufferSize(5000); } catch (e) {}
  if (GPC) {
    try {
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
        configurable: true, enumerable: true, get: function () { return true; }
      });
    } catch (e) {}
  }
})();
//# sourceURL=juris-scan-init.js
