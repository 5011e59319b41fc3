// Fast streaming writers of the files the limits suite (tests/e2e/suites/limits.cjs) and the frame-gap
// bench (bench/frame_gaps.cjs) push through the browser, each returning its ground truth. Never committed:
// callers write to os.tmpdir() and delete after.
//   enedisCurve(file, bytes)    Enedis load curve (preamble, Horodate;Valeur, 10-minute steps, +01:00/+02:00)
//                               -> { rows, sum_w, bytes }; ~150 MB/s, so a 2.2 GB file takes ~15 s
//   sparseJson(file, opts)      a survey-like JSON export whose parse must hold far more than the file:
//                               512 keys declared by the first records, then short records that leave them
//                               empty; every record costs each column a null in the table being built
//   makeZip(file, opts)         python3 bench/make_zip.py: N entries (stored/deflated mix) -> truth JSON
//   node bench/big_files.cjs enedis OUT MB | sparse OUT [RECORDS] | zip OUT ENTRIES MB
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function lcg(seed) { let x = seed >>> 0; return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296); }

// Writes `chunks()` (a generator of strings) to `file` until `bytes` is reached; 4 MB writes.
function writeUntil(file, bytes, gen) {
  const fd = fs.openSync(file, 'w');
  let size = 0, parts = [], len = 0;
  try {
    for (const s of gen) {
      parts.push(s); len += s.length;            // ASCII only: length = bytes
      if (len >= 4 << 20) { fs.writeSync(fd, parts.join('')); size += len; parts = []; len = 0; if (size >= bytes) break; }
    }
    if (len) { fs.writeSync(fd, parts.join('')); size += len; }
  } finally { fs.closeSync(fd); }
  return size;
}

// Europe/Paris summer time, UTC seconds: [last Sunday of March 01:00, last Sunday of October 01:00).
const dstCache = new Map();
function summerRange(y) {
  let r = dstCache.get(y);
  if (!r) {
    const lastSun = (m) => { const x = new Date(Date.UTC(y, m + 1, 0)); x.setUTCFullYear(y); return Date.UTC(y, m, x.getUTCDate() - x.getUTCDay(), 1) / 1000; };
    r = [lastSun(2), lastSun(9)];
    dstCache.set(y, r);
  }
  return r;
}

// Enedis "Courbe de charge" at 10-minute steps from 2015-01-01. Values: mean power in W over the step.
function enedisCurve(file, bytes, { stepMin = 10 } = {}) {
  const step = stepMin * 60;
  const r = lcg(42);
  let rows = 0, sumW = 0;
  const hhmm = [];
  for (let s = 0; s < 86400; s += 60) hhmm.push(`${String(Math.floor(s / 3600)).padStart(2, '0')}:${String((s / 60) % 60).padStart(2, '0')}:00`);
  function* gen() {
    yield 'Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;Pas en minutes\n';
    yield `09876543210123;Courbe de charge;01/01/2015;31/12/9999;Puissance active;Consommation;Comptage Brut;W;${stepMin}\n`;
    yield 'Horodate;Valeur\n';
    let t = Date.UTC(2015, 0, 1, 0, stepMin) / 1000 - 3600;   // UTC of local 00:10 on 2015-01-01
    let dayKey = -1, dayStr = '', year = 2015, range = summerRange(2015);
    for (;;) {
      const lines = [];
      for (let k = 0; k < 4096; k++) {
        if (t >= range[1] + 86400 * 90) { year++; range = summerRange(year); }
        const off = t >= range[0] && t < range[1] ? 2 : 1;
        const local = t + off * 3600;
        const day = Math.floor(local / 86400);
        if (day !== dayKey) { dayKey = day; dayStr = new Date(day * 86400000).toISOString().slice(0, 11); }
        const w = Math.round(300 + 2500 * r() * r());
        lines.push(`${dayStr}${hhmm[(local % 86400) / 60]}+0${off}:00;${w}\n`);
        rows++; sumW += w;
        t += step;
      }
      yield lines.join('');
    }
  }
  const size = writeUntil(file, bytes, gen());
  return { rows, sum_w: sumW, bytes: size };
}

// {"export": "enquete", "reponses": [ {512 answers}, …, {"id": N}, … ]}: the array sits under a key, so the
// parser builds it whole (one candidate among the object's arrays) before it knows it is the table, and a
// record that leaves the 512 columns empty still costs each of them a null (one validity byte and a value
// slot: 9 to 11 bytes per column, 5 KB per 20-byte record). `records` short records after the 512 first.
function sparseJson(file, { records = 1200000 } = {}) {
  const keys = [];
  for (let i = 0; i < 512; i++) keys.push(`q${String(i).padStart(3, '0')}_horodatage`);
  function* gen() {
    yield '{"export": "enquete_mobilite", "version": 2, "reponses": [\n';
    for (let i = 0; i < 512; i++) yield `${i ? ',\n' : ''}{"id": ${i}, "${keys[i]}": "2024-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00+01:00"}`;
    for (let i = 0; i < records; i += 8192) {
      const parts = [];
      for (let k = i; k < Math.min(records, i + 8192); k++) parts.push(`,\n{"id": ${512 + k}}`);
      yield parts.join('');
    }
    yield '\n], "fin": true}\n';
  }
  const size = writeUntil(file, Infinity, gen());
  return { bytes: size, records: 512 + records, columns: 513 };
}

// N entries, a stored/deflated mix, real-shaped content (bench/make_zip.py); returns its truth JSON.
function makeZip(file, { entries = 10000, mb = 30, seed = 1 } = {}) {
  const out = execFileSync('python3', [path.join(__dirname, 'make_zip.py'), file, String(entries), String(mb), String(seed)],
                           { maxBuffer: 1 << 30 });
  return JSON.parse(out);
}

module.exports = { enedisCurve, sparseJson, makeZip };

if (require.main === module) {
  const [kind, out, a, b] = process.argv.slice(2);
  const t0 = Date.now();
  let r;
  if (kind === 'enedis') r = enedisCurve(out, Number(a || 100) * 1e6);
  else if (kind === 'sparse') r = sparseJson(out, { records: Number(a || 1200000) });
  else if (kind === 'zip') { r = makeZip(out, { entries: Number(a || 10000), mb: Number(b || 30) }); r = { ...r, entries: r.entries.length }; }
  else { console.error('usage: node bench/big_files.cjs enedis OUT MB | sparse OUT [RECORDS] | zip OUT ENTRIES MB'); process.exit(2); }
  console.log(JSON.stringify(r), `${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
