// Parse worker: streams a File through core.wasm (parsers/, no UI) and ships each table, or batch of its
// rows, to the page as the Arrow IPC stream C++ wrote in the wasm heap (parsers/core/arrow_ipc.h), ready for
// DuckDB's insertArrowFromIPCStream: one slice copied out, transferred, nothing rebuilt here. Its "plan" says
// how the page restores the columns that did not travel (constants and formulas as SQL, all-null columns).
// The page never parses; the canvas keeps drawing while big files stream here. One file at a time; cancel
// is checked between chunks.

const STAGING = 1 << 20;               // bytes handed to C++ per call
const BATCH_ROWS = 1 << 17;            // rows per batch shipped while parsing (formats that stream rows)
const DRAIN_EVERY = 8 << 20;           // look for a batch after this many bytes
const FRESH_AFTER = 1 << 30;           // a module whose memory grew past this is dropped after the file
const LEAN_TABLES = 1;                 // core_begin flag: parsers may leave constant/derived/null columns out
let corePromise = null;
let cancelled = new Set();
let bytesDone = 0;                     // of the file being parsed, for an abort's message

function loadCore() {
  if (!corePromise) {
    if (!self.createCoreModule) self.importScripts('./core.js');   // emscripten MODULARIZE output
    corePromise = self.createCoreModule({ print: () => {}, printErr: (t) => console.warn('[core]', t) });
  }
  return corePromise;
}

// An out-of-memory message names the file ("ce fichier" / "this file" in the core's text), so it still says
// which one when several were dropped together and the Sources panel is out of sight (screen readers too).
function nameTheFile(error, name) {
  if (!error || !/out_of_memory/.test(error.code || '') || !name) return error;
  const fr = String(error.fr || ''), en = String(error.en || '');
  return { ...error,
    fr: fr.includes('ce fichier') ? fr.replace('ce fichier', `« ${name} »`) : `${fr} — « ${name} »`,
    en: en.includes('this file') ? en.replace("this file's", `“${name}”'s`).replace('this file', `“${name}”`) : `${en} — “${name}”` };
}

function withCString(M, s, fn) {
  const n = M.lengthBytesUTF8(s) + 1, p = M._malloc(n);
  M.stringToUTF8(s, p, n);
  try { return fn(p); } finally { M._free(p); }
}

// Copy [ptr, len] out of the wasm heap (the heap is reused for the next batch or file).
const copyOut = (M, [ptr, len]) => M.HEAPU8.slice(ptr >>> 0, (ptr >>> 0) + len);

// What the page needs of a table or batch besides its Arrow bytes (piece_json of wasm/core_exports.cpp).
const describeTable = (t, ipc) => ({
  index: t.index, name: t.name, rows: t.rows, meta: t.meta || [], entry: t.entry || '', domain: t.domain || '',
  columns: t.columns, plan: t.plan, ipc });

async function parseFile(id, file, opts) {
  // a test ceiling under what this module already holds would fail at once: start from a fresh module
  if (opts.memoryLimitMb && corePromise && (await corePromise).HEAPU8.length > opts.memoryLimitMb * 2 ** 19) corePromise = null;
  const M = await loadCore();
  const t0 = performance.now();
  const rc = withCString(M, file.name, (p) => withCString(M, opts.timeZone || 'Europe/Paris',
    (tz) => M._core_begin(p, file.size, tz, LEAN_TABLES)));
  if (rc !== 0) throw new Error('core_begin failed');
  M._core_set_memory_limit((opts.memoryLimitMb || 0) * 2 ** 20);   // test-only ceiling, 0: MAXIMUM_MEMORY
  bytesDone = 0;
  const staging = M._core_staging(STAGING) >>> 0;
  const reader = file.stream().getReader();
  let done = 0, lastReport = 0, stopped = false, sinceDrain = 0;
  // Rows moved out of wasm as Arrow IPC batches: the heap holds at most about one batch.
  const drain = (minRows) => {
    const j = JSON.parse(M.UTF8ToString(M._core_drain(minRows)));
    if (j.error) throw new Error(j.error.en);
    for (const b of j.batches || []) {
      const ipc = copyOut(M, b.ipc);
      self.postMessage({ type: 'batch', id, table: describeTable(b, ipc) }, [ipc.buffer]);
    }
    M._core_release_batches();
  };
  try {
    for (;;) {
      if (cancelled.has(id)) { M._core_cancel(); stopped = true; break; }
      const { done: eof, value } = await reader.read();
      if (eof) break;
      for (let i = 0; i < value.length; i += STAGING) {
        const part = value.subarray(i, Math.min(i + STAGING, value.length));
        M.HEAPU8.set(part, staging);          // re-read HEAPU8 each time: memory growth replaces it
        if (M._core_feed(part.length) !== 0) { stopped = true; break; }
        done += part.length;
        bytesDone = done;
        sinceDrain += part.length;
      }
      if (stopped) break;
      if (sinceDrain >= DRAIN_EVERY) { sinceDrain = 0; drain(BATCH_ROWS); }
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        self.postMessage({ type: 'progress', id, bytes: done, total: file.size, rows: M._core_rows(),
                           heap: M.HEAPU8.length });   // wasm memory: it only grows, so this is the peak so far
      }
    }
  } finally {
    if (stopped) reader.cancel().catch(() => {});
  }
  const result = JSON.parse(M.UTF8ToString(M._core_finish()));
  const parseMs = performance.now() - t0;
  const transfer = [];
  const tables = [];
  if (result.ok) {
    for (let i = 0; i < (result.table_count || 0); i++) {
      const t = JSON.parse(M.UTF8ToString(M._core_table(i)));   // frees the previous table's stream
      if (t.error) { Object.assign(result, { ok: false, error: t.error }); tables.length = 0; transfer.length = 0; break; }
      const ipc = copyOut(M, t.ipc);
      transfer.push(ipc.buffer);
      tables.push(describeTable(t, ipc));
    }
  }
  const heapBytes = M.HEAPU8.length;   // wasm memory only grows: this is the peak for this module
  M._core_end();
  // wasm memory never shrinks: after an out-of-memory or a very large file, the next file gets a fresh module
  if (heapBytes > FRESH_AFTER || (result.error && /out_of_memory/.test(result.error.code))) corePromise = null;
  cancelled.delete(id);
  delete result.tables;
  delete result.table_count;
  if (result.error) result.error = nameTheFile(result.error, file.name);
  return { msg: { type: 'done', id, result: { ...result, tables, parse_ms: parseMs, bytes: done, heap_bytes: heapBytes } }, transfer };
}

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'cancel') { cancelled.add(m.id); return; }
  // sent at page start: the module is compiled and instantiated before the first file, not when it arrives
  if (m.type === 'warm') { loadCore().catch(() => { corePromise = null; }); return; }
  if (m.type === 'parse') {
    try {
      const { msg, transfer } = await parseFile(m.id, m.file, m.options || {});
      self.postMessage(msg, transfer);
    } catch (err) {
      // An abort inside wasm (e.g. out of memory) leaves the module unusable: start a fresh one next time.
      corePromise = null;
      const what = String(err && err.message || err);
      const oom = /memory|OOM|allocation failed|Array buffer/i.test(what);
      self.postMessage({ type: 'done', id: m.id, result: { ok: false, tables: [], warnings: [], bytes: bytesDone,
        error: oom ? nameTheFile({ code: 'parse.out_of_memory', offset: bytesDone,
                                   fr: `Mémoire insuffisante pour analyser ce fichier (octet ${bytesDone})`,
                                   en: `Out of memory while parsing this file (byte ${bytesDone})` }, m.file && m.file.name)
                   : { code: 'worker.crash', fr: `Erreur interne pendant l’analyse : ${what}`, en: `Internal error while parsing: ${what}` } } });
    }
  }
};
