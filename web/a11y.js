// The accessible layer beside the canvas. The app (C++, viz/a11y.h) publishes, whenever it changes, a tree
// of what it shows: landmarks, headings, the answer sentence, figures, every chart as a data table, the
// sources with their status, and its controls with their place on the canvas. This module mirrors that
// tree as real DOM (kept, not rebuilt: a focused control stays focused), so screen readers read it and
// Tab / Shift+Tab move through real buttons that drive the app. The DOM is visually hidden; the control
// that has keyboard focus is outlined on the canvas where the app draws it.
// Owns: the DOM mirror, keyboard routing between the page and the canvas. Does not own: what is said
// (the app decides), the app's actions (sent back by name through `act`).
export function setupA11y({ root, live, ring, canvas, act }) {
  let lastText = '';

  // ---- keyboard: keys typed in a DOM control are the DOM's; Tab always moves focus through the page
  const domKey = (e) => {
    const t = e.target;
    if (e.key === 'Tab' && (t === document.body || t === canvas || t === document.documentElement)) return true;
    return t && t !== canvas && t !== document.body && t !== document.documentElement && t !== window;
  };
  for (const type of ['keydown', 'keyup', 'keypress']) {
    // registered before Emscripten's GLFW (which listens on window in the capture phase and cancels Tab)
    window.addEventListener(type, (e) => { if (domKey(e)) e.stopImmediatePropagation(); }, true);
  }

  // ---- the focus ring: where the focused control is drawn on the canvas
  const showRing = (el) => {
    const r = el && el.dataset.r ? el.dataset.r.split(',').map(Number) : null;
    if (!r || !(r[2] > r[0])) { ring.hidden = true; return; }
    Object.assign(ring.style, { left: `${r[0] - 3}px`, top: `${r[1] - 3}px`, width: `${r[2] - r[0] + 6}px`, height: `${r[3] - r[1] + 6}px` });
    ring.hidden = false;
  };
  root.addEventListener('focusin', (e) => showRing(e.target));
  root.addEventListener('focusout', () => { ring.hidden = true; });

  // ---- rendering, keyed: an element is kept when its key and tag are the same
  const TAG = { banner: 'header', main: 'main', complementary: 'aside', navigation: 'nav', contentinfo: 'footer', list: 'ul' };
  function tagOf(n) {
    switch (n.t) {
      case 'region': return TAG[n.role] || (n.role === 'region' ? 'section' : 'div');
      case 'h': return 'h' + n.level;
      case 'text': return 'p';
      case 'dl': return 'dl';
      case 'table': return 'table';
      case 'button': return 'button';
      case 'li': return 'li';
      case 'field': return 'label';
      default: return 'div';
    }
  }
  function keyOf(n, i) { return n.t === 'button' ? 'b:' + n.k : n.t === 'field' ? 'f:' + n.k : n.k ? n.t + ':' + n.k : n.t + '#' + i; }

  function fill(el, n) {
    switch (n.t) {
      case 'region': {
        if (!TAG[n.role] && n.role !== 'region') el.setAttribute('role', n.role);
        if (n.l) el.setAttribute('aria-label', n.l); else el.removeAttribute('aria-label');
        const items = n.role === 'list' ? n.c.map((c) => ({ t: 'li', k: c.k || '', c: [c] })) : n.c;
        reconcile(el, items);
        break;
      }
      case 'li': reconcile(el, n.c); break;
      case 'h': case 'text':
        if (el.textContent !== n.x) el.textContent = n.x;
        el.className = n.t === 'text' ? 'k-' + n.kind : '';
        // a status the app shows (a refused file, a cancelled query) is a polite live region: read out when it appears
        if (n.t === 'text' && n.kind === 'status') el.setAttribute('role', 'status'); else el.removeAttribute('role');
        if (n.kind === 'headline') el.id = 'answer';
        break;
      case 'dl': {
        const html = n.items.map(([a, b]) => `<div><dt>${esc(a)}</dt><dd>${esc(b)}</dd></div>`).join('');
        if (el.innerHTML !== html) el.innerHTML = html;
        break;
      }
      case 'table': {
        const head = `<caption>${esc(n.caption)}${n.cut ? ` (${n.rows.length} / ${n.cut})` : ''}</caption><thead><tr>${
          n.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
        const body = n.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('');
        const html = head + `<tbody>${body}</tbody>`;
        if (el.innerHTML !== html) el.innerHTML = html;
        break;
      }
      case 'button': {
        el.type = 'button';
        if (el.textContent !== n.l) el.textContent = n.l;
        el.dataset.action = n.k;
        el.dataset.r = n.r.join(',');
        if (n.role === 'tab') { el.setAttribute('role', 'tab'); el.setAttribute('aria-selected', String(!!n.on)); }
        else if (n.role === 'toggle') el.setAttribute('aria-pressed', String(!!n.on));
        else if (n.role === 'checkbox') { el.setAttribute('role', 'checkbox'); el.setAttribute('aria-checked', String(!!n.on)); }
        if (n.d) el.setAttribute('aria-description', n.d); else el.removeAttribute('aria-description');
        if (document.activeElement === el) showRing(el);
        break;
      }
      case 'field': {   // <label>text <input></label>; the app's value shown unless the person is typing
        let span = el.firstChild, input = el.querySelector('input');
        if (!input) {
          span = document.createElement('span');
          input = document.createElement('input');
          input.type = 'text';
          input.dataset.field = n.k;
          el.append(span, input);
        }
        if (span.textContent !== n.l + ' ') span.textContent = n.l + ' ';
        input.dataset.r = n.r.join(',');
        if (document.activeElement !== input && input.value !== n.v) input.value = n.v;
        break;
      }
      default: break;
    }
  }

  function reconcile(parent, nodes) {
    const existing = new Map();
    for (const c of [...parent.children]) existing.set(c.dataset.k, c);
    let prev = null;
    nodes.forEach((n, i) => {
      const k = keyOf(n, i), tag = tagOf(n).toUpperCase();
      let el = existing.get(k);
      if (!el || el.tagName !== tag) {
        el = document.createElement(tag.toLowerCase());
        el.dataset.k = k;
      } else existing.delete(k);
      fill(el, n);
      const want = prev ? prev.nextSibling : parent.firstChild;
      if (want !== el) parent.insertBefore(el, want);
      prev = el;
    });
    for (const el of existing.values()) {
      if (el.contains(document.activeElement)) canvas.focus({ preventScroll: true });   // never leave focus on a ghost
      el.remove();
    }
  }

  root.addEventListener('change', (e) => {   // a field's text, sent when the person leaves it or presses Enter
    const f = e.target.closest('input[data-field]');
    if (f) act('value:' + f.dataset.field + '\n' + f.value);
  });
  root.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-action]');
    if (b) act(b.dataset.action);
  });

  return {
    update(text) {
      if (text === lastText) return;
      lastText = text;
      const doc = JSON.parse(text);
      if (doc.lang && document.documentElement.lang !== doc.lang) document.documentElement.lang = doc.lang;
      if (doc.title && document.title !== doc.title) document.title = doc.title;
      reconcile(root, doc.nodes);
      if (typeof doc.live === 'string' && doc.live) live.textContent = doc.live;
    },
    // What a screen reader gets, as plain data (tests read answers from here, like a person would).
    text: () => root.innerText,
  };
}

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
