// Runs in an isolated world of one frame (its own globals, the page's DOM), so page scripts can
// neither see nor tamper with it. Returns JSON: storage keys with value lengths, Resource Timing
// entries, same-site link candidates for crawling, and the visible clickable elements near
// consent wording, which the Rust side classifies. Keeps the elements for a later click.
(function (opts) {
  'use strict';
  var out = {
    url: String(location.href), origin: String(location.origin), title: document.title || null,
    now: performance.timeOrigin + performance.now(), time_origin: performance.timeOrigin,
    local: [], session: [], resources: [], links: [], candidates: [], containers: [], errors: []
  };
  function keys(name, into) {
    try {
      var st = window[name];
      var n = Math.min(st.length, opts.maxKeys);
      for (var i = 0; i < n; i++) {
        var k = st.key(i);
        if (k == null) continue;
        var v = st.getItem(k);
        into.push([String(k).slice(0, 500), v == null ? 0 : v.length]);
      }
    } catch (e) { out.errors.push(name + ': ' + e); }
  }
  keys('localStorage', out.local);
  keys('sessionStorage', out.session);
  try {
    var entries = performance.getEntriesByType('resource');
    for (var i = 0; i < entries.length && i < opts.maxResources; i++) {
      var r = entries[i];
      out.resources.push([String(r.name).slice(0, 2000), String(r.initiatorType || 'other'), r.startTime]);
    }
  } catch (e) { out.errors.push('resources: ' + e); }
  if (opts.links) {
    try {
      var seen = {};
      var anchors = document.querySelectorAll('a[href]');
      for (var j = 0; j < anchors.length && out.links.length < 500; j++) {
        var href = anchors[j].href;
        if (typeof href === 'string' && !seen[href]) { seen[href] = 1; out.links.push(href.slice(0, 2000)); }
      }
    } catch (e) { out.errors.push('links: ' + e); }
  }
  if (!opts.banner) return JSON.stringify(out);

  var CONTEXT = new RegExp(opts.context, 'i');
  var SELECTOR = 'button, a, [role=button], [role=link], [role=menuitem], [role=checkbox], input[type=button], ' +
    'input[type=submit], [onclick], [tabindex], [class*=btn], [class*=button], [id*=btn], [id*=button]';
  var found = [];
  function walk(root, depth) {
    if (depth > 6 || found.length > 4000) return;
    var els;
    try { els = root.querySelectorAll(SELECTOR); } catch (e) { return; }
    for (var i = 0; i < els.length && found.length < 4000; i++) found.push([els[i], depth > 0]);
    var all;
    try { all = root.querySelectorAll('*'); } catch (e) { return; }
    for (var k = 0; k < all.length; k++) if (all[k].shadowRoot) walk(all[k].shadowRoot, depth + 1);
  }
  walk(document, 0);
  function parent(el) {
    if (el.parentElement) return el.parentElement;
    var root = el.getRootNode && el.getRootNode();
    return root && root.host ? root.host : null;
  }
  function clean(s) { return String(s || '').replace(/\s+/g, ' ').trim(); }
  function name(el) {
    var t = '';
    var by = el.getAttribute('aria-labelledby');
    if (by) {
      var root = el.getRootNode ? el.getRootNode() : document;
      t = by.split(/\s+/).map(function (id) {
        var n = root.getElementById ? root.getElementById(id) : document.getElementById(id);
        return n ? n.textContent : '';
      }).join(' ');
    }
    if (!clean(t)) t = el.getAttribute('aria-label') || '';
    if (!clean(t) && el.tagName === 'INPUT') t = el.value || '';
    if (!clean(t)) t = el.innerText || el.textContent || '';
    if (!clean(t)) t = el.getAttribute('title') || '';
    if (!clean(t)) { var img = el.querySelector && el.querySelector('img[alt]'); if (img) t = img.alt; }
    return clean(t);
  }
  function role(el) {
    var r = el.getAttribute('role');
    if (r) return r.split(/\s+/)[0].toLowerCase();
    var tag = el.tagName.toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'input') return 'button';
    if (tag === 'a') return el.hasAttribute('href') ? 'link' : 'generic';
    return 'generic';
  }
  function alpha(c) {
    var m = /rgba?\(([^)]*)\)/.exec(c || '');
    if (!m) return c === 'transparent' ? 0 : 1;
    var p = m[1].split(/[\s,\/]+/).filter(Boolean);
    return p.length > 3 ? parseFloat(p[3]) : 1;
  }
  function background(el) {
    for (var e = el; e; e = parent(e)) {
      var bg = getComputedStyle(e).backgroundColor;
      if (alpha(bg) > 0.05) return bg;
    }
    return 'rgb(255, 255, 255)';
  }
  var textCache = new Map();
  function text(el) {
    if (textCache.has(el)) return textCache.get(el);
    var t = clean(el.innerText || el.textContent || '');
    textCache.set(el, t);
    return t;
  }
  var containers = [];
  function container(el) {
    var e = parent(el);
    for (var depth = 0; e && depth < 14; depth++, e = parent(e)) {
      var tag = e.tagName;
      if (tag === 'BODY' || tag === 'HTML') return -1;
      var t = text(e);
      if (t.length > 6000) return -1;
      if (CONTEXT.test(t)) {
        var i = containers.indexOf(e);
        if (i < 0) { containers.push(e); out.containers.push(t.slice(0, 500)); i = containers.length - 1; }
        return i;
      }
    }
    return -1;
  }
  var vw = window.innerWidth, vh = window.innerHeight;
  var kept = [], keptEls = [];
  for (var i = 0; i < found.length; i++) {
    var el = found[i][0];
    try {
      var rect = el.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2) continue;
      if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= vw || rect.top >= vh) continue;
      if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      var n = name(el);
      if (!n || n.length > 120) continue;
      var c = container(el);
      if (c < 0) continue;
      var cs = getComputedStyle(el);
      var border = ['Top', 'Right', 'Bottom', 'Left'].filter(function (s) {
        return parseFloat(cs['border' + s + 'Width']) >= 1 && cs['border' + s + 'Style'] !== 'none' &&
          alpha(cs['border' + s + 'Color']) > 0.05;
      }).length >= 3;
      var par = parent(el);
      kept.push({
        index: keptEls.length, name: n, role: role(el), tag: el.tagName.toLowerCase(), container: c,
        shadow: found[i][1],
        x: rect.left, y: rect.top, width: rect.width, height: rect.height,
        color: cs.color, own_background: cs.backgroundColor, background: background(el),
        parent_background: par ? background(par) : 'rgb(255, 255, 255)',
        border: border, shadow_box: cs.boxShadow && cs.boxShadow !== 'none',
        font_size: parseFloat(cs.fontSize) || 0, font_weight: parseFloat(cs.fontWeight) || 400
      });
      keptEls.push(el);
    } catch (e) { out.errors.push('candidate: ' + e); }
  }
  // An element inside another kept one with the same name is the same control (a label span).
  out.candidates = kept.filter(function (k, i) {
    for (var e = parent(keptEls[i]), d = 0; e && d < 4; e = parent(e), d++) {
      var j = keptEls.indexOf(e);
      if (j >= 0 && kept[j].name === k.name) return false;
    }
    return true;
  });
  window.__jurisControls = keptEls;
  return JSON.stringify(out);
})
