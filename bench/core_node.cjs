// The parse worker's loop (web/parse_worker.js) run in node on dist/core.js: core.wasm fed 1 MiB at a time,
// batches drained every 8 MiB and copied out as the worker does, nothing posted. Prints the wasm parse speed
// of each file and the rows, so a parser change can be measured in wasm without a browser. Not a timed test.
//   node bench/core_node.cjs FILE... [--dist DIR] [--reps N]
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
let dist = process.env.SDW_DIST || 'dist', reps = 1;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') dist = args[++i];
  else if (args[i] === '--reps') reps = Number(args[++i]);
  else files.push(args[i]);
}
const STAGING = 1 << 20, BATCH_ROWS = 1 << 17, DRAIN_EVERY = 8 << 20;

function cstr(M, s) { const n = M.lengthBytesUTF8(s) + 1, p = M._malloc(n); M.stringToUTF8(s, p, n); return p; }

async function main() {
  const createCoreModule = require(path.resolve(dist, 'core.js'));
  const wasmBinary = fs.readFileSync(path.resolve(dist, 'core.wasm'));   // node's fetch takes no file paths
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (let r = 0; r < reps; r++) {
      const M = await createCoreModule({ wasmBinary, print: () => {}, printErr: () => {} });
      const t0 = process.hrtime.bigint();
      const name = cstr(M, path.basename(file)), tz = cstr(M, 'Europe/Paris');
      if (M._core_begin(name, bytes.length, tz, 1) !== 0) throw new Error('core_begin failed');
      const staging = M._core_staging(STAGING) >>> 0;
      let rows = 0, batches = 0, ipcBytes = 0, since = 0;
      const drain = () => {
        const j = JSON.parse(M.UTF8ToString(M._core_drain(BATCH_ROWS)));
        if (j.error) throw new Error(j.error.en);
        for (const b of j.batches || []) { const c = M.HEAPU8.slice(b.ipc[0] >>> 0, (b.ipc[0] >>> 0) + b.ipc[1]); rows += b.rows; ipcBytes += c.length; batches++; }
        M._core_release_batches();
      };
      for (let i = 0; i < bytes.length; i += STAGING) {
        const part = bytes.subarray(i, Math.min(i + STAGING, bytes.length));
        M.HEAPU8.set(part, staging);
        if (M._core_feed(part.length) !== 0) break;
        since += part.length;
        if (since >= DRAIN_EVERY) { since = 0; drain(); }
      }
      const result = JSON.parse(M.UTF8ToString(M._core_finish()));
      for (let t = 0; t < (result.table_count || 0); t++) {
        const j = JSON.parse(M.UTF8ToString(M._core_table(t)));
        if (j.error) throw new Error(j.error.en);
        const c = M.HEAPU8.slice(j.ipc[0] >>> 0, (j.ipc[0] >>> 0) + j.ipc[1]);
        rows += j.rows; ipcBytes += c.length; batches++;
      }
      const heap = M.HEAPU8.length;
      M._core_end();
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(`${path.basename(file)} ${result.format || (result.detected && result.detected.id) || '?'} rows=${rows} ` +
                  `batches=${batches} ipc=${(ipcBytes / 2 ** 20).toFixed(1)} MiB heap=${(heap / 2 ** 20).toFixed(0)} MiB ` +
                  `${s.toFixed(3)} s ${(bytes.length / 1e6 / s).toFixed(1)} MB/s`);
    }
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
