// Page controller: owns the list of sources, the parse worker and DuckDB; the ImGui app (app.wasm)
// draws it and sends user actions back through Module.wb. Nothing here sends data anywhere: files are
// read with File.stream() inside the parse worker and land in DuckDB-wasm in this tab.
import { columnsFrame, sendQuery, startDuck, tableToRows } from './duck.js';
import { FORMATS, saveBlob, importParquet } from './exports.js';
import { DOMAINS, ident, refreshViews } from './views.js';
import { setupPersistence } from './persist_dialog.js';
import { setupA11y } from './a11y.js';

const T0 = performance.now();
const params = new URLSearchParams(location.search);
const lang0 = params.get('lang') || ((navigator.language || 'fr').toLowerCase().startsWith('en') ? 'en' : 'fr');
const state = {
  lang: lang0 === 'en' ? 'en' : 'fr',
  sources: [],
  duck: { ready: false, error: null, version: null, init_ms: null },
  first_frame_ms: null,
  last_error: null,
  workshop: params.has('atelier') || params.has('workshop') || params.get('mode') === 'atelier',
  // ?classe: for a class in front of a projector, the sample people only; a person's own file is refused
  classroom: params.has('classe') || params.has('classroom') || params.get('mode') === 'classe',
  notice: null,                  // { fr, en }: what the page refused and why, shown by the app above the tab
  undo: null,
};
let nextId = 1;
let duck = null;                 // { db, conn, version } once started
let duckPromise = null;
const idleWaiters = [];

// ------------------------------------------------------------------ app (C++/ImGui) side
const canvas = document.getElementById('canvas');
// The accessible layer (web/a11y.js): the app's tree mirrored as DOM; DOM controls act through the app.
const a11y = setupA11y({ root: document.getElementById('a11y'), live: document.getElementById('a11y-live'),
  ring: document.getElementById('a11y-ring'), canvas,
  act: (action) => {
    if (action === 'menu.open' || action.startsWith('home.open.')) { document.getElementById('file-input').click(); return; }
    callApp('app_a11y_action', action);
  } });
// Backing store = CSS size × devicePixelRatio. Once the app runs, Module.setCanvasSize also tells
// Emscripten's GLFW (glfwSetWindowSize would try to go fullscreen when the size equals the screen's).
function fitCanvas() {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(window.innerWidth * dpr), h = Math.round(window.innerHeight * dpr);
  if (window.Module && window.Module.setCanvasSize && window.Module.calledRun) window.Module.setCanvasSize(w, h);
  else { canvas.width = w; canvas.height = h; }
}
fitCanvas();
window.addEventListener('resize', fitCanvas);
(function watchPixelRatio() {   // moving to another screen or zooming changes devicePixelRatio
  matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`)
    .addEventListener('change', () => { fitCanvas(); watchPixelRatio(); }, { once: true });
})();

function callApp(fn, str, ...rest) {
  const M = window.Module;
  if (!M || !M.calledRun) return;
  const n = M.lengthBytesUTF8(str) + 1, p = M._malloc(n);
  M.stringToUTF8(str, p, n);
  try { M['_' + fn](...rest, p); } finally { M._free(p); }
}
const publicSource = (s) => ({ id: s.id, drop: s.drop, name: s.name, size: s.size, status: s.status, progress: s.progress, sample: s.sample || null,
  rows: s.status === 'reading' ? Math.max(s.rows || 0, s.parsed_rows || 0) : s.rows, format: s.format, format_label: s.format_label,
  encoding: s.encoding, tables: s.tables.map((t) => ({ name: t.name, rows: t.rows, columns: t.columns, meta: t.meta, entry: t.entry, domain: t.domain,
                                                      parts: t.parts || 1 })),
  entries: s.entries,
  error: s.error, warnings: s.warnings, parse_ms: s.parse_ms, load_ms: s.load_ms, heap_bytes: s.heap_bytes, batches: s.batches || 0 });
function pushState() {
  callApp('app_set_state', JSON.stringify({ lang: state.lang, duck: state.duck, last_export: state.last_export || null,
                                            workshop: state.workshop, classroom: state.classroom, notice: state.notice,
                                            undo: state.undo, wiping: !!state.wiping,
                                            views: state.views || [], personas: state.personas || [],
                                            open_tab: state.open_tab || null, persist: state.persist || null,
                                            sources: state.sources.map(publicSource) }));
  // The persona's tab is named until its files are all in; afterwards new drops open their own answer.
  if (state.open_tab_ids && state.open_tab_ids.every((id) => {
    const s = state.sources.find((x) => x.id === id);
    return !s || s.status === 'ready' || s.status === 'error';
  })) { state.open_tab = null; state.open_tab_ids = null; }
}

window.Module = {
  canvas,
  print: (t) => console.log(t),
  printErr: (t) => console.warn(t),
  locateFile: (p) => p,
  onRuntimeInitialized: () => { pushState(); setTimeout(fitCanvas, 0); personas(); },
  wb: {
    initialLang: () => state.lang,
    fitCanvas: () => fitCanvas(),
    firstFrame() {
      if (state.first_frame_ms !== null) return;
      state.first_frame_ms = performance.now() - T0;
      ensureDuck();                       // DuckDB starts after the first frame, in its own worker
      loadBasemap();
    },
    openFiles(folder) { document.getElementById(folder ? 'folder-input' : 'file-input').click(); },
    removeSource: (id) => removeSource(id),
    undoRemove: () => undoRemove(),
    endSession: () => wipeEverything(),
    openPersistence: () => persistence.open(),
    cancelSource: (id) => cancelSource(id),
    runSql(reqId, text) {
      runSql(text).then((r) => callApp('app_sql_result', JSON.stringify({ ok: true, ...r }), reqId),
        (e) => callApp('app_sql_result', JSON.stringify({ ok: false, cancelled: !!(e && e.cancelled), error: String(e && e.message || e) }), reqId));
    },
    cancelSql: () => { cancelSql(); },
    loadPersona: (id, tab) => loadPersona(id, tab || null),
    fetchColumns(reqId, sql) {      // a dashboard's data, column by column, as one binary frame (web/duck.js columnsFrame)
      ensureDuck().then((d) => d.conn.query(sql)).then((t) => columnsFrame(t), (e) => columnsFrame(null, String(e && e.message || e)))
        .then((f) => {
          const M = window.Module;
          if (!M || !M.calledRun) return;
          let p = M._malloc(f.size) >>> 0;
          if (!p) { f = columnsFrame(null, 'out of memory for the answer (' + f.size + ' bytes)'); p = M._malloc(f.size) >>> 0; }
          try { f.write(M.HEAPU8, p); M._app_columns_frame(reqId, p, f.size); } finally { M._free(p); }
        });
    },
    exportResult(format) { exportQuery(state.last_sql, format, 'resultat'); },
    exportTable(name, format) { exportQuery(`SELECT * FROM ${ident(name)}`, format, name); },
    saveBytes(name, mime, bytes) {   // a file made by the app (dashboard figures, donation)
      const blob = new Blob([bytes], { type: mime });
      saveBlob(blob, name);
      state.last_save = { ok: true, file: name, bytes: blob.size, mime };
      state.saved = (state.saved || []).concat([{ file: name, bytes: blob.size }]).slice(-20);
      pushState();
    },
    publishA11y(text) { a11y.update(text); },
    saveSvg(name, svg, png) {        // a chart picture made by the app: SVG, and PNG rendered from it (2× for sharp slides)
      const blob = new Blob([svg], { type: 'image/svg+xml' });
      saveBlob(blob, name);
      const saved = (file, b, extra) => {
        state.last_save = { ok: true, file, bytes: b.size, mime: b.type, ...extra };
        state.saved = (state.saved || []).concat([{ file, bytes: b.size }]).slice(-20);
        pushState();
      };
      saved(name, blob);
      if (png) {
        const img = new Image(), url = URL.createObjectURL(blob);
        img.onload = () => {
          const c = document.createElement('canvas');
          c.width = img.width * 2; c.height = img.height * 2;
          const g = c.getContext('2d');
          g.scale(2, 2); g.drawImage(img, 0, 0);
          URL.revokeObjectURL(url);
          c.toBlob((b) => { if (!b) return; const file = name.replace(/\.svg$/, '.png'); saveBlob(b, file); saved(file, b, { width: c.width, height: c.height }); }, 'image/png');
        };
        img.src = url;
      }
    },
    setLang(l) { state.lang = l === 'en' ? 'en' : 'fr'; document.documentElement.lang = state.lang; updateDropText(); },
  },
};

// ------------------------------------------------------------------ touch and wheel
// Emscripten's GLFW reads touch positions only for SDL, so touches would click at a stale place: they
// become the mouse events Dear ImGui understands instead. One finger: press, drag, release (tap =
// click, drag = pan). Two fingers: a pinch, sent as wheel steps at their midpoint (one step = ×1.25,
// the charts' wheel zoom). These listeners are registered before GLFW's and stop touch events there.
const touchState = { mode: null, x: 0, y: 0, dist: 0 };
const fakeMouse = (type, x, y, buttons) => canvas.dispatchEvent(new MouseEvent(type,
  { clientX: x, clientY: y, button: 0, buttons, bubbles: true, cancelable: true, view: window }));
const fakeWheel = (x, y, dy) => canvas.dispatchEvent(new WheelEvent('wheel',
  { clientX: x, clientY: y, deltaY: dy, deltaMode: 0, bubbles: true, cancelable: true, view: window }));
const pinchOf = (t) => ({ x: (t[0].clientX + t[1].clientX) / 2, y: (t[0].clientY + t[1].clientY) / 2,
                          d: Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY) });
function onTouch(e) {
  e.preventDefault();
  e.stopImmediatePropagation();
  const t = e.touches;
  if (t.length >= 2) {
    const p = pinchOf(t);
    if (touchState.mode === 'mouse') fakeMouse('mouseup', touchState.x, touchState.y, 0);
    if (touchState.mode !== 'pinch') { touchState.mode = 'pinch'; touchState.dist = p.d; fakeMouse('mousemove', p.x, p.y, 0); return; }
    if (touchState.dist > 0 && p.d > 0) {
      const steps = Math.log(p.d / touchState.dist) / Math.log(1.25);   // fingers apart = zoom in
      fakeMouse('mousemove', p.x, p.y, 0);
      if (Math.abs(steps) > 1e-3) fakeWheel(p.x, p.y, -steps * 100);
    }
    touchState.dist = p.d;
    return;
  }
  if (t.length === 1 && touchState.mode !== 'pinch') {
    const { clientX: x, clientY: y } = t[0];
    if (touchState.mode !== 'mouse') { touchState.mode = 'mouse'; fakeMouse('mousemove', x, y, 0); fakeMouse('mousedown', x, y, 1); }
    else fakeMouse('mousemove', x, y, 1);
    touchState.x = x; touchState.y = y;
    return;
  }
  if (t.length === 0) {
    if (touchState.mode === 'mouse') fakeMouse('mouseup', touchState.x, touchState.y, 0);
    touchState.mode = null;
  }
}
for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel']) canvas.addEventListener(type, onTouch, { capture: true, passive: false });
// Wheel deltas in lines or pages (Firefox, some mice) become pixels, the unit the app divides by 100.
canvas.addEventListener('wheel', (e) => {
  if (e.deltaMode === 0) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  const k = e.deltaMode === 1 ? 33 : 800;
  canvas.dispatchEvent(new WheelEvent('wheel', { clientX: e.clientX, clientY: e.clientY, deltaX: e.deltaX * k, deltaY: e.deltaY * k,
                                                 deltaMode: 0, bubbles: true, cancelable: true, view: window }));
}, { capture: true, passive: false });

// Coastlines and borders for the maps (our own file, see scripts/make_basemap.cjs), handed to the app.
async function loadBasemap() {
  try {
    const r = await fetch('basemap.bin');
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const bytes = new Uint8Array(await r.arrayBuffer());
    const M = window.Module;
    const p = M._malloc(bytes.length);
    M.HEAPU8.set(bytes, p);
    const ok = M._app_set_basemap(p, bytes.length);
    M._free(p);
    state.basemap = { ok: !!ok, bytes: bytes.length };
  } catch (e) {
    state.basemap = { ok: false, error: String(e && e.message || e) };   // maps still work, without coasts
  }
}

// ------------------------------------------------------------------ DuckDB
function ensureDuck() {
  if (!duckPromise) {
    duckPromise = startDuck('./duckdb/').then((d) => {
      duck = d;
      Object.assign(state.duck, { ready: true, version: d.version, init_ms: Math.round(d.initMs) });
      pushState();
      return d;
    }, (e) => {
      state.duck.error = String(e && e.message || e);
      state.last_error = state.duck.error;
      pushState();
      throw e;
    });
  }
  return duckPromise;
}

// The SQL panel's query: on its own connection, sent as a pending query so the person can cancel it
// ("Annuler la requête", cancelSql) while loading and the dashboards go on.
let sqlRunning = null;           // { cancelled } while a query of the SQL panel runs
async function runSql(text) {
  const d = await ensureDuck();
  const t0 = performance.now();
  const run = { cancelled: false };
  sqlRunning = run;
  try {
    const res = await sendQuery(d.sqlConn, text);
    const out = tableToRows(res);
    out.ms = performance.now() - t0;
    state.last_sql = text;
    return out;
  } catch (e) {
    if (run.cancelled) throw Object.assign(new Error('cancelled'), { cancelled: true });
    throw e;
  } finally {
    if (sqlRunning === run) sqlRunning = null;
  }
}
// A query of the page itself (not the SQL panel's), on the main connection: rows as runSql gives them.
async function queryRows(text) {
  const d = await ensureDuck();
  const t0 = performance.now();
  const out = tableToRows(await d.conn.query(text));
  out.ms = performance.now() - t0;
  return out;
}
async function cancelSql() {
  if (!sqlRunning || !duckPromise) return false;
  sqlRunning.cancelled = true;
  const d = await duckPromise;
  return d.sqlConn.cancelSent();
}

// Column-major result for the dashboards: numbers as numbers (BIGINT as Number), text as strings.

// Sample personas (dist/samples, generated by samples/make_personas.py): fetched from our own origin
// and loaded like dropped files, marked as sample data everywhere.
let personasPromise = null;
function personas() {
  personasPromise ||= fetch('./samples/manifest.json').then((r) => (r.ok ? r.json() : { personas: [] }))
    .then((m) => { state.personas = m.personas.map((p) => ({ id: p.id, name_fr: p.name_fr, name_en: p.name_en,
      description_fr: p.description_fr, description_en: p.description_en, challenge: p.challenge, bytes: p.bytes })); pushState(); return m; },
      () => ({ personas: [] }));
  return personasPromise;
}
async function loadPersona(id, tab = null) {   // tab: the question the person clicked "try" under
  const m = await personas();
  const p = m.personas.find((x) => x.id === id);
  if (!p) return [];
  const files = await Promise.all(p.files.map(async (f) => {
    const blob = await (await fetch('./samples/' + f)).blob();
    return new File([blob], f.split('/').pop(), { type: blob.type });
  }));
  state.open_tab = tab || p.challenge;
  state.open_tab_ids = addFiles(files, { id: p.id, fr: p.name_fr, en: p.name_en });
  return state.open_tab_ids;
}

// Runs `sql` and saves its result as a file in `format` (see web/exports.js). The outcome is shown by the
// app (state.last_export) and returned for tests.
async function exportQuery(sql, format, stem) {
  const f = FORMATS[format];
  try {
    if (!f) throw new Error('unknown format ' + format);
    if (!sql) throw Object.assign(new Error('no query'), { fr: 'Exécutez d’abord une requête.', en: 'Run a query first.' });
    const d = await ensureDuck();
    const table = await d.conn.query(sql);
    const blob = await f.make(table);
    const day = new Date().toISOString().slice(0, 10);
    const fileName = `${stem.replace(/[^\p{L}\p{N}_-]+/gu, '_')}_${day}.${f.ext}`;
    saveBlob(blob, fileName);
    state.last_export = { ok: true, file: fileName, bytes: blob.size, rows: table.numRows, format };
  } catch (e) {
    const msg = String(e && e.message || e);
    state.last_export = { ok: false, format, error: { fr: e.fr || `Export impossible : ${msg}`, en: e.en || `Export failed: ${msg}` } };
  }
  pushState();
  return state.last_export;
}

// ------------------------------------------------------------------ sources
const worker = new Worker('./parse_worker.js');
worker.postMessage({ type: 'warm' });   // core.wasm compiled while the person finds their file (issue #16)
const queue = [];
let current = null;
let testMemoryMb = 0;            // test-only: a wasm heap ceiling for the parse worker (workbench.testMemoryLimit)

// A SQL-friendly, unique table name from a file or entry stem: ASCII, lower case, underscores.
function tableNameFor(stem) {
  let base = stem.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'source';
  if (/^[0-9]/.test(base)) base = 't_' + base;
  if (DOMAINS.includes(base) || base === 'timeline') base += '_source';   // those names are the merged views
  const used = new Set(state.sources.flatMap((s) => (s.tables || []).map((t) => t.name).concat(s.created || [])));   // created: tables still being made
  let name = base, k = 2;
  while (used.has(name)) name = `${base}_${k++}`;
  return name;
}

// restored[i] (a source reopened from the encrypted workspace): { name, oid } of files[i] there.
let dropSeq = 0;   // each drop or file choice is one batch: the app opens its answer (or Home when it has several)
function addFiles(files, sample = null, restored = null) {
  if (state.classroom && !sample) {   // classroom mode: nobody's own data on the class screen
    const n = files.length;
    state.notice = n ? {
      fr: `Mode classe\u00a0: ${n > 1 ? `ces ${n} fichiers n’ont pas été ouverts` : `« ${files[0].name} » n’a pas été ouvert`}. Ici, on explore seulement les personnages d’exemple de l’accueil\u00a0; pour vos propres données, ouvrez l’application sans «\u00a0?classe\u00a0» chez vous.`,
      en: `Classroom mode: ${n > 1 ? `these ${n} files were not opened` : `“${files[0].name}” was not opened`}. Here we explore the sample people on Home only; for your own data, open the app without “?classe” at home.`,
    } : null;
    pushState();
    return [];
  }
  state.notice = null;
  const ids = [];
  const drop = ++dropSeq;
  for (const [i, file] of files.entries()) {
    // an exported encrypted workspace opened like any file goes to the import form (web/persist_dialog.js)
    if (!restored && /\.sdwcartable$/i.test(file.name)) { persistence.importFile(file); continue; }
    const r = restored && restored[i];
    // `original` keeps the File handle (a reference to the file on disk, not a copy) so that turning
    // persistence on later can still store it; never in workshop mode.
    const s = { id: nextId++, drop, name: r ? r.name : file.webkitRelativePath || file.name, size: file.size, file, status: 'queued', sample,
                progress: 0, rows: 0, format: null, format_label: null, tables: [], error: null, warnings: [],
                original: state.workshop ? null : file, stored_oid: r ? r.oid : null };
    state.sources.push(s);
    queue.push(s);
    ids.push(s.id);
  }
  pushState();
  pump();
  return ids;
}

function pump() {
  if (current || !queue.length) {
    if (!current && !queue.length) while (idleWaiters.length) idleWaiters.shift()();
    return;
  }
  current = queue.shift();
  current.status = 'reading';
  current.t0 = performance.now();
  pushState();
  worker.postMessage({ type: 'parse', id: current.id, file: current.file,
                      options: { timeZone: 'Europe/Paris', memoryLimitMb: testMemoryMb } });
}

worker.onmessage = async (e) => {
  const m = e.data;
  const s = state.sources.find((x) => x.id === m.id);
  if (m.type === 'progress') {
    if (s) {
      s.progress = m.total ? m.bytes / m.total : 0; s.parsed_rows = m.rows; s.heap_bytes = Math.max(s.heap_bytes || 0, m.heap || 0);
      // two numbers, not the whole state as JSON every 100 ms (the structure goes with pushState when it changes)
      const M = window.Module;
      if (M && M.calledRun) M._app_set_progress(s.id, s.progress, Math.max(s.rows || 0, s.parsed_rows || 0));
    }
    return;
  }
  if (m.type === 'batch') {        // rows shipped while the file is still being read
    if (!s || s.removed) return;
    s.batches = (s.batches || 0) + 1;
    // a finished archive entry (shipped whole): kept until the archive is read, when the entries of one
    // shape are known and share a table (loadTables); the parse worker's memory stays flat meanwhile
    if (m.table.entry) (s.entryPieces = s.entryPieces || []).push(m.table);
    else queuePiece(s, m.table).then(pushState);
    return;
  }
  if (m.type !== 'done') return;
  const r = m.result;
  if (s) {
    s.format = r.format || null;
    s.format_label = r.format_label || null;
    s.encoding = r.encoding || null;
    s.warnings = r.warnings || [];
    s.entries = r.entries || [];          // ZIP: one row per entry (path, format, status, rows, messages)
    s.parse_ms = Math.round(r.parse_ms || 0);
    s.heap_bytes = Math.max(s.heap_bytes || 0, r.heap_bytes || 0);   // the parse worker's wasm memory (it only grows)
    s.progress = 1;
    if (!r.ok) {
      s.status = s.status === 'cancelling' || (r.error && r.error.code === 'parse.cancelled') ? 'cancelled' : 'error';
      s.error = r.error;
      await s.chain;
      await dropCreated(s);          // batches already loaded belong to a parse that failed
    } else if (s.removed) {
      await s.chain;
      await dropCreated(s);
    } else {
      s.status = 'loading';
      pushState();
      await loadTables(s, withEntryPieces(s, r.tables));
    }
    delete s.entryPieces;
    delete s.file;                                    // the File handle is not kept once parsed
  }
  current = null;
  pushState();
  pump();
};
worker.onerror = (e) => {
  if (current) { current.status = 'error'; current.error = { code: 'worker.crash', fr: `Erreur interne : ${e.message}`, en: `Internal error: ${e.message}` }; }
  current = null; pushState(); pump();
};

// A table (or a batch of its rows) from the parse worker goes into DuckDB. Each piece is one complete Arrow
// IPC stream written by C++ (parsers/core/arrow_ipc.h) holding only the columns that vary; its plan says, column
// by column in table order, how the others are restored: a SQL literal or a formula over the data columns,
// or NULL. The stream lands in a part table, then one SQL call makes (first piece) or appends to (later
// pieces) the source's table with every column in the parser's order and type, and drops the part; a piece
// whose fields are exactly the table's stored columns is appended natively instead. Columns the parser left
// out of a lean table ("fixed": Enedis load curves' constants, nulls and formulas) become virtual generated
// columns, computed on read, never stored. The parser only widens a column (BIGINT -> DOUBLE -> VARCHAR) or
// adds one: the table follows before the rows go in (types tracked here, no DESCRIBE). Pieces of one source
// are applied in order through s.chain.

const OFFSETS = '_utc_offset_min';   // a timestamp's source-written UTC offsets (minutes), the column after it

// The piece's columns as its table gets them, in order: name, DuckDB type, SQL over the part table, rows
// with a value, fixed (a lean column, the same formula in every piece), data (a field of the stream, which
// holds the data columns in this order).
function pieceColumns(t) {
  const out = [];
  for (const p of t.plan) {
    const sql = p.ship === 'data' ? ident(p.name) : p.ship === 'null' ? 'NULL' : p.sql;
    const fixed = !!p.fixed && p.ship !== 'data';
    out.push({ name: p.name, type: p.type, sql, values: t.rows - p.null_count, fixed, data: p.ship === 'data' });
    if (p.offsets) out.push({ name: p.name + OFFSETS, type: 'SMALLINT', sql: ident(p.name + OFFSETS), values: t.rows, fixed: false, data: true });
    else if (p.offsets_sql) out.push({ name: p.name + OFFSETS, type: 'SMALLINT', sql: p.offsets_sql, values: t.rows, fixed, data: false });
  }
  return out;
}

// ALTERs that make the table `rec` take the piece's columns (rec.types and rec.values follow them).
function widenTo(rec, cols) {
  const sql = [];
  for (const c of cols) {
    const cur = rec.types.get(c.name);
    const alter = (type) => { sql.push(`ALTER TABLE ${ident(rec.name)} ALTER ${ident(c.name)} TYPE ${type}`); rec.types.set(c.name, type); };
    if (!cur) {
      sql.push(`ALTER TABLE ${ident(rec.name)} ADD COLUMN ${ident(c.name)} ${c.type}`);
      rec.types.set(c.name, c.type);
      rec.values.set(c.name, 0);
    } else if (cur === c.type || c.values === 0) {
      // a column with no value in this piece says nothing about its type (the parser ships it as text until it has one)
    } else if (cur === 'VARCHAR') {
      // text so far only because every earlier value was null: the column takes its first real type
      if (rec.values.get(c.name) === 0) alter(c.type);
    } else if (!(cur === 'DOUBLE' && c.type === 'BIGINT')) {
      alter(cur === 'BIGINT' && c.type === 'DOUBLE' ? 'DOUBLE' : 'VARCHAR');   // the parser only widens
    }
  }
  return sql;
}

function tableNameForPiece(s, t) {
  const stem = s.name.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  // Domain tables are named <domain>_<file>; the view <domain> merges them across sources.
  return tableNameFor(t.domain ? `${t.domain}_${(t.entry || stem).replace(/^.*\//, '').replace(/\.[^.]+$/, '')}` : (t.name || stem));
}

async function appendPiece(s, t, final) {
  const d = await ensureDuck();
  s.byIndex = s.byIndex || new Map();
  const key = t.index ?? s.tables.length;
  let rec = s.byIndex.get(key);
  if (rec && final) { rec.meta = t.meta; rec.columns = t.columns; }
  if (rec && t.rows === 0) return;
  const all = pieceColumns(t);
  const allData = t.plan.every((p) => p.ship === 'data');
  const part = `_part_${s.id}_${key}`;
  const cast = (c, type) => `CAST(${c.sql} AS ${type})`;
  const insert = (cols, types) => `INSERT INTO ${ident(rec.name)} (${cols.map((c) => ident(c.name)).join(', ')}) ` +
    `SELECT ${cols.map((c) => cast(c, types.get(c.name))).join(', ')} FROM ${ident(part)}`;
  if (!rec) {
    const name = tableNameForPiece(s, t);
    s.created = s.created || [];
    s.created.push(name);
    rec = { name, rows: t.rows, columns: t.columns, meta: t.meta, entry: t.entry || '', domain: t.domain || '',
            types: new Map(all.map((c) => [c.name, c.type])), values: new Map(all.map((c) => [c.name, c.values])),
            generated: new Map(all.filter((c) => c.fixed).map((c) => [c.name, c.sql])) };
    if (allData) await d.conn.insertArrowFromIPCStream(t.ipc, { name, create: true });
    else {
      const defs = all.map((c) => `${ident(c.name)} ${c.type}${c.fixed ? ` GENERATED ALWAYS AS (${cast(c, c.type)}) VIRTUAL` : ''}`);
      const create = `CREATE TABLE ${ident(name)} (${defs.join(', ')})`;
      // only data and generated columns: the stream's fields are the stored columns, in order
      if (all.every((c) => c.fixed || c.data)) {
        await d.conn.query(create);
        await d.conn.insertArrowFromIPCStream(t.ipc, { name, create: false });
      } else await viaPart(d.conn, t.ipc, part, `${create};\n${insert(all.filter((c) => !c.fixed), rec.types)}`);
    }
    s.byIndex.set(key, rec);
    s.tables.push(rec);
    const e = t.entry && (s.entries || []).find((x) => x.path === t.entry);
    if (e) (e.tables = e.tables || []).push(name);
  } else {
    for (const c of all) {
      // a generated column is the same formula in every piece of a lean table (never stored, so never appended to)
      if (rec.generated.has(c.name) && !(c.fixed && rec.generated.get(c.name) === c.sql)) throw new Error(`column ${c.name} changed between batches`);
    }
    const cols = all.filter((c) => !rec.generated.has(c.name));
    const alters = widenTo(rec, cols);
    // the stream's fields are exactly the stored columns, in order and type: appended natively (by position)
    const stored = [...rec.types.keys()].filter((n) => !rec.generated.has(n));
    const same = !alters.length && stored.length === cols.length &&
      cols.every((c, i) => c.data && stored[i] === c.name && rec.types.get(c.name) === c.type);
    if (same) await d.conn.insertArrowFromIPCStream(t.ipc, { name: rec.name, create: false });
    else await viaPart(d.conn, t.ipc, part, [...alters, insert(cols, rec.types)].join(';\n'));
    for (const c of cols) rec.values.set(c.name, rec.values.get(c.name) + c.values);
    rec.rows += t.rows;
    rec.columns = t.columns;
  }
  s.rows = s.tables.reduce((a, x) => a + x.rows, 0);
}

// The stream into its own part table, then `sql` over it and the part dropped, in one call.
async function viaPart(conn, ipc, part, sql) {
  await conn.insertArrowFromIPCStream(ipc, { name: part, create: true });
  try {
    await conn.query(`${sql};\nDROP TABLE ${ident(part)}`);
  } catch (e) {
    await conn.query(`DROP TABLE IF EXISTS ${ident(part)}`).catch(() => {});
    throw e;
  }
}

// Queues a piece behind the source's earlier ones; the first failure is kept and stops the rest.
function queuePiece(s, t, final = false) {
  s.chain = (s.chain || Promise.resolve()).then(() => (s.load_error ? null : appendPiece(s, t, final)))
    .catch((err) => { s.load_error = s.load_error || err; });
  return s.chain;
}

// ------------------------------------------------------------------ an archive's entries of one shape, one table
// DuckDB-wasm holds ~3 GiB and an in-memory table costs at least one 256 KiB block per column, so one table
// per archive entry stopped a few hundred entries short of a 10 000-entry Takeout (issue #22). The entries
// of an archive that share a domain, a format and their columns (names in order; types widen as the
// pieces of one table do) go into ONE table named after the archive, `_entry` saying which entry each
// row comes from (the path inside the archive; an ENUM listing the entries in archive order, 1-2 bytes a
// row). A column that is one and the same formula or constant in every entry stays a virtual generated
// column (never stored); a text constant that differs between entries (`_entry`, an Enedis meter id) is
// stored as an ENUM of its values; the others are stored columns of the widened type. The merged views
// rank `_entry`'s parts as separate tables (SourceRelation::order in parsers/core/domain_model.h), so they give
// the rows one table per entry gave. An entry alone of its shape, an entry whose rows were shipped while
// parsing (its table exists already) and every plain file keep a table of their own, named as before.
const ENTRY = '_entry';
const STRING_LITERAL = /^'(?:[^']|'')*'$/;
const sqlString = (v) => `'${String(v).replace(/'/g, "''")}'`;

// The type a column takes over pieces (widenTo's rule, ahead of time): BIGINT -> DOUBLE -> VARCHAR, a
// piece without a value says nothing, text with no value yet takes the first real type.
function widerType(cur, curValues, c) {
  if (!cur) return c.type;
  if (c.values === 0 || cur === c.type) return cur;
  if (cur === 'VARCHAR') return curValues === 0 ? c.type : 'VARCHAR';
  if ((cur === 'DOUBLE' && c.type === 'BIGINT') || (cur === 'BIGINT' && c.type === 'DOUBLE')) return 'DOUBLE';
  return 'VARCHAR';
}

// Groups of at least two final pieces of an archive that share one table: [[piece…]…] in archive order.
function entryGroups(s, tables) {
  const formatOf = new Map((s.entries || []).map((e) => [e.path, e.format || '']));
  const groups = new Map();
  for (const t of tables) {
    if (!t.entry || t.index == null || (s.byIndex && s.byIndex.has(t.index))) continue;
    const key = JSON.stringify([t.domain || '', formatOf.get(t.entry) || '', pieceColumns(t).map((c) => c.name)]);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(t);
  }
  // one table per entry in a group (`_entry` tells them apart)
  return [...groups.values()].filter((g) => g.length >= 2 && new Set(g.map((t) => t.entry)).size === g.length &&
    // `_entry`, when the parser writes it, is the entry's path as a constant: anything else keeps its own tables
    g.every((t) => t.rows === 0 || pieceColumns(t).every((c) => c.name !== ENTRY || (!c.data && STRING_LITERAL.test(c.sql)))));
}

// The shared table's columns: { name, type, kind: 'generated' | 'enum' | 'stored', sql (generated) }.
function sharedColumns(group) {
  // an entry without rows (its columns travel as data, empty) only names its columns
  const full = group.filter((t) => t.rows > 0);
  const pcs = (full.length ? full : group).map(pieceColumns);
  const cols = pcs[0].map((c0, k) => {
    const each = pcs.map((p) => p[k]);
    let type = null, values = 0;
    for (const c of each) { type = widerType(type, values, c); values += c.values; }
    if (each.every((c) => !c.data && c.sql === c0.sql && c.type === c0.type)) return { name: c0.name, type: c0.type, kind: 'generated', sql: c0.sql };
    if (type === 'VARCHAR' && each.every((c) => !c.data && (c.sql === 'NULL' || STRING_LITERAL.test(c.sql)))) {
      const vals = [...new Set(each.map((c) => c.sql).filter((x) => x !== 'NULL'))];
      return { name: c0.name, type: `ENUM(${vals.join(', ')})`, kind: 'enum' };
    }
    return { name: c0.name, type, kind: 'stored' };
  });
  if (!cols.some((c) => c.name === ENTRY)) {
    cols.push({ name: ENTRY, type: `ENUM(${[...new Set(group.map((t) => sqlString(t.entry)))].join(', ')})`, kind: 'enum', added: true });
  }
  return cols;
}

// Makes the shared table of `group` (pieces of source `s`) and loads every piece into it, LOAD_AHEAD pieces
// at a time: their streams into part tables (calls queued together in DuckDB's worker), then one call
// inserting them all and dropping the parts.
async function loadShared(s, group) {
  const d = await ensureDuck();
  const first = group[0];
  const stem = s.name.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const firstStem = first.entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const name = tableNameFor(first.domain ? `${first.domain}_${stem}` : `${stem}_${first.name || firstStem}`);
  s.created = s.created || [];
  s.created.push(name);
  const cols = sharedColumns(group);
  const defs = cols.map((c) => `${ident(c.name)} ${c.type}${c.kind === 'generated' ? ` GENERATED ALWAYS AS (CAST(${c.sql} AS ${c.type})) VIRTUAL` : ''}`);
  await d.conn.query(`CREATE TABLE ${ident(name)} (${defs.join(', ')})`);
  const kept = cols.filter((c) => c.kind !== 'generated');
  const into = `INSERT INTO ${ident(name)} (${kept.map((c) => ident(c.name)).join(', ')}) SELECT `;
  // the merged views rank the entries by `_entry` (an ENUM in archive order)
  const order = cols.some((c) => c.name === ENTRY && c.kind === 'enum') ? ENTRY : '';
  const rec = { name, rows: 0, columns: [], meta: [], entry: '', domain: first.domain || '', order, parts: group.length,
                types: new Map(cols.map((c) => [c.name, c.type])), values: new Map(cols.map((c) => [c.name, 0])),
                generated: new Map(cols.filter((c) => c.kind === 'generated').map((c) => [c.name, c.sql])) };
  const nulls = new Map();
  for (let i = 0; i < group.length; i += LOAD_AHEAD) {
    const chunk = group.slice(i, i + LOAD_AHEAD);
    const part = (t) => `_part_${s.id}_${t.index}`;
    const full = chunk.filter((t) => t.rows > 0);
    try {
      await Promise.all(full.map((t) => d.conn.insertArrowFromIPCStream(t.ipc, { name: part(t), create: true })));
      if (full.length) await d.conn.query(full.map((t) => {
        const pc = new Map(pieceColumns(t).map((c) => [c.name, c]));
        const expr = kept.map((c) => (c.added ? sqlString(t.entry) : c.kind === 'enum' ? pc.get(c.name).sql : `CAST(${pc.get(c.name).sql} AS ${c.type})`));
        return `${into}${expr.join(', ')} FROM ${ident(part(t))};\nDROP TABLE ${ident(part(t))}`;
      }).join(';\n'));
    } catch (e) {
      if (full.length) await d.conn.query(full.map((t) => `DROP TABLE IF EXISTS ${ident(part(t))}`).join(';\n')).catch(() => {});
      throw e;
    }
    for (const t of chunk) {
      rec.rows += t.rows;
      for (const c of pieceColumns(t)) rec.values.set(c.name, (rec.values.get(c.name) || 0) + c.values);
      for (const c of t.columns) nulls.set(c.name, (nulls.get(c.name) || 0) + (c.null_count || 0));
      // track names and types (GPX/KML) stay paired: each entry's keys are prefixed by its path
      for (const m of t.meta || []) rec.meta.push([`${t.entry}: ${m[0]}`, m[1]]);
      t.ipc = null;                       // this piece's stream is in DuckDB: let it go
    }
  }
  // the columns as the page lists them (names and types of the parser, the last entry's types)
  rec.columns = group[group.length - 1].columns.map((c) => ({ ...c, null_count: nulls.get(c.name) || 0 }));
  if (cols.some((c) => c.added)) rec.columns.push({ name: ENTRY, type: 'string', null_count: 0 });
  const entryOf = new Map((s.entries || []).map((e) => [e.path, e]));
  for (const t of group) {
    s.byIndex.set(t.index, rec);
    const e = entryOf.get(t.entry);
    if (e) (e.tables = e.tables || []).push(name);
  }
  s.rows = uniqueTables(s).reduce((a, x) => a + x.rows, 0);
}

// The final tables of an archive whose entries' rows came earlier (s.entryPieces: each entry's table whole,
// without its meta): the earlier piece stands for its table, with the final one's meta.
function withEntryPieces(s, tables) {
  if (!s.entryPieces || !s.entryPieces.length) return tables;
  const early = new Map(s.entryPieces.map((t) => [t.index, t]));
  return tables.flatMap((t) => {
    const e = early.get(t.index);
    if (!e) return [t];
    early.delete(t.index);
    return t.rows === 0 ? [{ ...e, meta: t.meta }] : [{ ...e, meta: t.meta }, t];   // an entry's rows leave once: t is empty
  }).concat([...early.values()]);
}

// The source's tables in the parser's order, each once (a shared table stands for several pieces).
function uniqueTables(s) {
  return [...new Set([...s.byIndex].sort((a, b) => a[0] - b[0]).map((e) => e[1]))];
}

async function dropCreated(s) {
  for (const n of s.created || []) await duck?.conn.query(`DROP TABLE IF EXISTS ${ident(n)}`).catch(() => {});
  s.created = [];
  s.tables = [];
  s.byIndex = new Map();
  s.rows = 0;
}

// An archive's many small tables are made LOAD_AHEAD at a time: their DuckDB calls queue up in DuckDB's worker
// instead of each waiting for a turn of this thread, which the frames keep busy (a 10 000-entry ZIP spent
// 0.2 s per table). A table that already has rows (batches shipped while parsing) gets its piece in order.
const LOAD_AHEAD = 64;
async function loadTables(s, tables) {
  const t0 = performance.now();
  await s.chain;
  s.byIndex = s.byIndex || new Map();
  const shared = entryGroups(s, tables);
  if (shared.length) {
    const inGroup = new Set(shared.flat());
    tables = tables.filter((t) => !inGroup.has(t));
    for (const g of shared) {
      s.chain = (s.chain || Promise.resolve()).then(() => (s.load_error ? null : loadShared(s, g)))
        .catch((err) => { s.load_error = s.load_error || err; });
    }
  }
  const made = (t) => t.index == null || (s.byIndex && s.byIndex.has(t.index));
  for (let i = 0; i < tables.length;) {
    if (made(tables[i])) { queuePiece(s, tables[i++], true); continue; }
    const group = [];
    while (i < tables.length && group.length < LOAD_AHEAD && !made(tables[i]) && !group.some((g) => g.index === tables[i].index)) group.push(tables[i++]);
    s.chain = (s.chain || Promise.resolve()).then(() => (s.load_error ? null : Promise.all(group.map((t) =>
      appendPiece(s, t, true).catch((err) => { s.load_error = s.load_error || err; })))))
      .then(() => { if (s.byIndex) s.tables = uniqueTables(s); });   // in the parser's order
  }
  await s.chain;
  if (s.byIndex && s.byIndex.size) {
    s.tables = uniqueTables(s);
    s.rows = s.tables.reduce((a, x) => a + x.rows, 0);
  }
  if (s.load_error) {
    // Never leave half a source behind: drop whatever this source created.
    await dropCreated(s);
    s.status = 'error';
    const msg = String(s.load_error && s.load_error.message || s.load_error);
    s.error = { code: 'duckdb.load', fr: `Chargement dans DuckDB impossible : ${msg}`, en: `Could not load into DuckDB: ${msg}` };
    return;
  }
  await syncViews(s);               // views include this source before it shows as ready
  s.status = 'ready';
  s.load_ms = Math.round(performance.now() - t0);
  persistence.hooks.sourceReady(s);   // encrypted workspace on: its original bytes are stored
}

// Removing is undoable for UNDO_MS: the source's tables are renamed aside, then dropped.
const UNDO_MS = 15000;
let undo = null;   // { source, index, trash: [[trashName, name]], timer }

// Rebuilds the merged views (one per domain, and `timeline`) over the sources present now.
// Rebuilds run one after the other (two sources finishing together would otherwise interleave their
// CREATE VIEW statements), each reading the list of tables when its turn comes.
let viewsChain = Promise.resolve();
const arrivingSources = new Set();
async function syncViews(arriving = null) {
  if (!duck) return;
  if (arriving) arrivingSources.add(arriving);
  const run = viewsChain.then(async () => {
    const tables = state.sources.filter((s) => s.status === 'ready' || arrivingSources.has(s)).flatMap((s) => s.tables);
    // all the plan's statements in one call: each call waits for a turn of this busy thread (one frame or
    // more), so a dozen of them made each small file take a second or two
    const batch = { sql: [], query(text) { this.sql.push(text); } };
    try {
      const views = await refreshViews(batch, tables);
      if (batch.sql.length) await duck.conn.query(batch.sql.join(';\n'));
      state.views = views; state.views_error = null;
    } catch (e) { state.views_error = String(e && e.message || e); }
  });
  viewsChain = run.catch(() => {});
  try { await run; } finally { if (arriving) arrivingSources.delete(arriving); }
}

async function finalizeUndo() {
  if (!undo) return;
  const u = undo;
  undo = null;
  state.undo = null;
  clearTimeout(u.timer);
  if (duck) for (const [trash] of u.trash) await duck.conn.query(`DROP TABLE IF EXISTS ${ident(trash)}`).catch(() => {});
  persistence.hooks.sourceGone(u.source);
  pushState();
}

async function removeSource(id) {
  const s = state.sources.find((x) => x.id === id);
  if (!s) return;
  await finalizeUndo();
  // A source still being read is cancelled; the batches it already loaded are dropped when the worker stops.
  if (s === current) { cancelSource(id); s.removed = true; }
  const qi = queue.indexOf(s);
  if (qi >= 0) queue.splice(qi, 1);
  const trash = [];
  if (duck && s.status === 'ready') for (const t of s.tables || []) {
    const aside = `_corbeille_${s.id}_${t.name}`;
    await duck.conn.query(`ALTER TABLE ${ident(t.name)} RENAME TO ${ident(aside)}`);
    trash.push([aside, t.name]);
  }
  const index = state.sources.indexOf(s);
  state.sources = state.sources.filter((x) => x !== s);
  if (s.status === 'ready') {
    undo = { source: s, index, trash, timer: setTimeout(finalizeUndo, UNDO_MS) };
    state.undo = { id: s.id, name: s.name, until: Date.now() + UNDO_MS };
  }
  persistence.hooks.sourceRemoved(s, s.status === 'ready');
  await syncViews();
  pushState();
  pump();
}

async function undoRemove() {
  if (!undo) return false;
  const u = undo;
  undo = null;
  state.undo = null;
  clearTimeout(u.timer);
  for (const [aside, name] of u.trash) await duck.conn.query(`ALTER TABLE ${ident(aside)} RENAME TO ${ident(name)}`);
  state.sources.splice(Math.min(u.index, state.sources.length), 0, u.source);
  persistence.hooks.sourceRestored(u.source);
  await syncViews();
  pushState();
  return true;
}

// Workshop mode ("?atelier"): laptops pass from hand to hand, so "Terminer ma session" wipes every
// trace at once — DuckDB tables, the list of sources, and the browser's storage for this origin —
// then reloads a blank app. Closing the tab keeps nothing either (nothing is ever written).
async function wipeEverything() {
  state.wiping = true;
  pushState();
  try { if (duck) { await duck.db.terminate(); duck = null; } } catch (e) { /* the worker is gone either way */ }
  worker.terminate();
  state.sources = [];
  try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* storage disabled */ }
  try {
    if (indexedDB.databases) for (const db of await indexedDB.databases()) indexedDB.deleteDatabase(db.name);
  } catch (e) { /* no IndexedDB */ }
  try {
    if (navigator.storage && navigator.storage.getDirectory) {
      const root = await navigator.storage.getDirectory();
      for await (const [name] of root.entries()) await root.removeEntry(name, { recursive: true });
    }
  } catch (e) { /* no OPFS */ }
  location.replace(location.href);
}
if (state.workshop) {
  window.addEventListener('pagehide', () => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) { /* */ } });
}

function cancelSource(id) {
  const s = state.sources.find((x) => x.id === id);
  if (!s) return;
  if (s === current) { s.status = 'cancelling'; worker.postMessage({ type: 'cancel', id }); }
  else if (s.status === 'queued') { queue.splice(queue.indexOf(s), 1); s.status = 'cancelled'; }
  pushState();
}

// Opt-in encrypted workspace (web/persist.js, web/persist_dialog.js): off unless the user turns it on;
// a stored one is offered for reopening on load (never in workshop mode).
const persistence = setupPersistence({ state, addFiles, pushState });

// ------------------------------------------------------------------ file input, drop (files and folders)
const fileInput = document.getElementById('file-input');
const folderInput = document.getElementById('folder-input');
for (const inp of [fileInput, folderInput]) {
  inp.addEventListener('change', () => { addFiles([...inp.files]); inp.value = ''; });
}

async function entryFiles(entry, out) {
  if (entry.isFile) { out.push(await new Promise((res, rej) => entry.file(res, rej))); return; }
  if (!entry.isDirectory) return;
  const reader = entry.createReader();
  for (;;) {
    const batch = await new Promise((res, rej) => reader.readEntries(res, rej));
    if (!batch.length) break;
    for (const e of batch) await entryFiles(e, out);
  }
}

const overlay = document.getElementById('drop-overlay');
function updateDropText() {
  overlay.textContent = state.lang === 'en' ? 'Drop your files here — they stay on this device'
                                            : 'Déposez vos fichiers ici — ils restent sur cet appareil';
}
updateDropText();
let dragDepth = 0;
window.addEventListener('dragenter', (e) => { e.preventDefault(); dragDepth++; overlay.hidden = false; });
window.addEventListener('dragleave', (e) => { e.preventDefault(); if (--dragDepth <= 0) { dragDepth = 0; overlay.hidden = true; } });
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', async (e) => {
  e.preventDefault();
  dragDepth = 0; overlay.hidden = true;
  const dt = e.dataTransfer;
  const files = [];
  const entries = [...(dt.items || [])].map((it) => it.webkitGetAsEntry && it.webkitGetAsEntry()).filter(Boolean);
  if (entries.length && entries.some((en) => en.isDirectory)) {
    for (const en of entries) await entryFiles(en, files);
  } else {
    files.push(...dt.files);
  }
  if (files.length) addFiles(files);
});

// ------------------------------------------------------------------ test API (also handy in the console)
window.workbench = {
  state: () => JSON.parse(JSON.stringify({ ...state, sources: state.sources.map(publicSource),
    tables: state.sources.flatMap((s) => s.tables.map((t) => ({ name: t.name, rows: t.rows, source: s.id, domain: t.domain, entry: t.entry,
                                                                parts: t.parts || 1 }))) })),
  ui: () => (window.Module && window.Module.calledRun ? JSON.parse(window.Module.UTF8ToString(window.Module._app_ui_state())) : null),
  load: (files) => addFiles(files),
  remove: (id) => removeSource(id),
  undoRemove: () => undoRemove(),
  cancel: (id) => cancelSource(id),
  sql: (text) => queryRows(text),   // on the main connection, as the dashboards' queries
  idle: () => (current || queue.length ? new Promise((r) => idleWaiters.push(r)) : Promise.resolve()),
  duckReady: () => ensureDuck().then(() => true),
  engine: () => ensureDuck(),          // {db, conn}: benchmarks run DuckDB's own readers on the same files
  exportQuery: (sql, format, stem = 'export') => exportQuery(sql, format, stem),
  importParquet: async (bytes, name) => { const d = await ensureDuck(); await importParquet(d.conn, new Uint8Array(bytes), name); return true; },
  loadPersona: (id) => loadPersona(id),
  testMemoryLimit: (mb) => { testMemoryMb = mb || 0; },   // e2e: a file that cannot fit, without 4 GB of input
  persist: persistence.api,            // { status, enable, unlock, forget, storedBytes, storage, dialog }
};

// Offline after the first visit: a service worker keeps our own files (not in workshop mode's
// "nothing kept" sense: it stores the app, never the user's data).
if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === '127.0.0.1' || location.hostname === 'localhost')) {
  navigator.serviceWorker.register('./sw.js').then(() => { state.offline_ready = true; }, (e) => { state.sw_error = String(e); });
}

// The emscripten app is loaded once Module is defined above (a classic script tag would run first).
const appScript = document.createElement('script');
appScript.src = 'app.js';
appScript.onerror = () => { state.last_error = 'app.js failed to load'; };
document.body.appendChild(appScript);
