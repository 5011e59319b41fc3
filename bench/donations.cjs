// The territory's side of data donation, end to end: generates N donation files (CSV + manifest, the exact
// format `workbench donate` writes: challenges/donation.h) for a made-up survey of the La Rochelle area,
// deterministically; tampers one (a figure changed: hash mismatch) and breaks one (truncated manifest); runs
// `workbench donations validate` and `merge` under /usr/bin/time -v (wall time, peak RSS); then runs the
// README's two analyses with DuckDB (npm @duckdb/node-api) on the merged NDJSON and checks every total
// against what the generator wrote. Exit 1 on any mismatch.
//   node bench/donations.cjs [--count 10000] [--out build/donations] [--workbench build/native/workbench] [--json]
// Test: `bash tests/donations_test.sh` runs it with --count 300.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync, spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const COUNT = Number(opt('--count', '10000'));
const OUT = path.resolve(opt('--out', path.join(ROOT, 'build', 'donations')));
const WB = path.resolve(opt('--workbench', path.join(ROOT, 'build', 'native', 'workbench')));
const JSON_OUT = args.includes('--json');

// ---- deterministic random numbers (mulberry32)
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];
function weighted(r, pairs) {
  let x = r() * pairs.reduce((s, p) => s + p[1], 0);
  for (const p of pairs) if ((x -= p[1]) < 0) return p[0];
  return pairs[pairs.length - 1][0];
}

// ---- the survey's world. Commune codes are in the INSEE form (5 characters); the districts are
// illustrative codes a city would publish for its own survey.
const COMMUNES = [['17300', 40], ['17028', 8], ['17200', 6], ['17274', 6], ['17291', 4], ['17190', 3], ['17142', 4], ['17094', 4]];
const DISTRICTS = ['17300-CENTRE', '17300-MINIMES', '17300-MIREUIL', '17300-VILLENEUVE', '17300-LAFOND', '17300-TASDON',
                   '17300-PORT-NEUF', '17300-LA-PALLICE', '17028-BOURG', '17274-BOURG'];
const MODES = [['walk', 30, 0.9], ['bike', 18, 3.5], ['car', 30, 9], ['bus', 12, 4.5], ['train', 3, 60], ['tram', 2, 5], ['motorbike', 2, 8]];
const PURPOSE = 'Enquête déplacements et énergie, Agglomération de La Rochelle 2026';

// ISO week of a UTC date (the row keys of challenges/common.h iso_week_key)
const DAY = 86400000;
const ymd = (t) => new Date(t).toISOString().slice(0, 10);
function isoWeek(t) {
  const d = new Date(t);
  const wd = (d.getUTCDay() + 6) % 7;
  const thu = t - wd * DAY + 3 * DAY;
  const y = new Date(thu).getUTCFullYear();
  const week = 1 + Math.floor((thu - Date.UTC(y, 0, 1)) / DAY / 7);
  return `${y}-W${String(week).padStart(2, '0')}`;
}
const WEEKS = [];   // 12 Mondays from 5 January 2026
for (let i = 0; i < 12; ++i) WEEKS.push(Date.UTC(2026, 0, 5) + i * 7 * DAY);
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const ENERGY_MONTHS = [];   // April 2025 .. March 2026
for (let i = 0; i < 12; ++i) ENERGY_MONTHS.push(ymd(Date.UTC(2025, 3 + i, 1)).slice(0, 7));
const daysIn = (m) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).getUTCDate();

const sortKeys = (v) =>
  Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object'
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
const counts = () => ({ records: 0, rows: 0, suppressed_cells: 0, suppressed_records: 0 });

// Expected totals, built while generating: km per (commune, mode, month) and kWh per (district, month)
const expectKm = new Map(), expectKwh = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) || 0) + v);
// Thousandths as integers: the totals are exact whatever the summation order
const milli = (x) => Math.round(x * 1000);

function donation(i, schema) {
  const r = rng(1000003 * (i + 1));
  const home = weighted(r, COMMUNES);
  const weekly = r() < 0.7;
  const parts = ['mobility'];
  if (r() < 0.6) parts.push('energy');
  if (r() < 0.1) parts.push('learning');
  const rows = { mobility: new Map(), energy: new Map(), learning: new Map() };
  const c = { mobility: counts(), energy: counts(), learning: counts() };
  // mobility: the donor's usual modes, home commune and a few others, some trips without a place
  const modes = MODES.filter(() => r() < 0.5);
  if (!modes.length) modes.push(MODES[0]);
  const places = [home, weighted(r, COMMUNES), weighted(r, COMMUNES), ''];
  for (const p of weekly ? WEEKS : MONTHS) {
    const period = weekly ? isoWeek(p) : p;
    const start = weekly ? ymd(p) : `${p}-01`;
    const month = weekly ? ymd(p + 3 * DAY).slice(0, 7) : p;   // the ISO week's Thursday gives its month
    for (const [mode, , km] of modes)
      for (const area of places) {
        const n = Math.floor(r() * (weekly ? 9 : 30));
        if (n === 0) continue;
        if (n < 5) {   // what the app would have suppressed: counted, not written
          c.mobility.suppressed_cells++;
          c.mobility.suppressed_records += n;
          continue;
        }
        const key = `${period},${area},${mode}`;
        if (rows.mobility.has(key)) continue;
        const value = (n * km * (0.6 + 0.8 * r())).toFixed(3);
        rows.mobility.set(key, `mobility,${period},${start},${area},,,${mode},${value},km,${n}`);
        c.mobility.rows++;
        c.mobility.records += n;
        if (area) add(expectKm, `${area}|${mode}|${month}`, milli(+value));
      }
  }
  let district = '';
  if (parts.includes('energy')) {
    district = r() < 0.8 ? pick(r, DISTRICTS) : '';
    const gas = r() < 0.35, base = 6 + 10 * r(), winter = 5 + 20 * r();
    ENERGY_MONTHS.forEach((m, j) => {
      const season = Math.max(0, Math.cos(((j + 3.5) / 12) * 2 * Math.PI));   // peaks in January
      for (const energy of gas ? ['electricity', 'gas'] : ['electricity']) {
        const perDay = energy === 'gas' ? 3 + 45 * season * r() : base + winter * season * (0.8 + 0.4 * r());
        const value = (perDay * daysIn(m)).toFixed(3);
        const n = energy === 'gas' ? daysIn(m) : daysIn(m) * 48;
        rows.energy.set(`${m},${district},${energy}`, `energy,${m},${m}-01,${district},,,${energy},${value},kWh,${n}`);
        c.energy.rows++;
        c.energy.records += n;
        add(expectKwh, `${district}|${m}|${energy}`, milli(+value));
      }
    });
  }
  if (parts.includes('learning'))
    for (const w of WEEKS) {
      const n = Math.floor(r() * 40);
      if (n < 5) continue;
      rows.learning.set(isoWeek(w), `learning,${isoWeek(w)},${ymd(w)},,,,,${(n * 6.5 * r()).toFixed(3)},min,${n}`);
      c.learning.rows++;
      c.learning.records += n;
    }
  let data = 'part,period,period_start,area,cell_lat,cell_lon,category,value,unit,records\n';
  for (const part of ['mobility', 'energy', 'learning'])
    for (const k of [...rows[part].keys()].sort()) data += rows[part].get(k) + '\n';
  const sha = crypto.createHash('sha256').update(data).digest('hex');
  const total = counts();
  for (const p of ['mobility', 'energy', 'learning']) for (const k of Object.keys(total)) total[k] += c[p][k];
  const manifest = sortKeys({
    format: 'sdw-donation', format_version: 1, purpose: PURPOSE,
    created: ymd(Date.UTC(2026, 3, 1) + Math.floor(r() * 30) * DAY),
    app: { name: 'Self Data Workbench', version: '0.1.0' },
    data_file: `donation-${sha.slice(0, 8)}.csv`, data_bytes: Buffer.byteLength(data), sha256: sha,
    schema,
    method: {
      k: 5, parts, area: 'commune_insee', grid_m: 1000,
      time_bucket: { mobility: weekly ? 'iso_week' : 'month', energy: 'month', learning: 'iso_week' },
      timezone: 'Europe/Paris', protected_radius_m: 500, home_protected: true, work_protected: r() < 0.7,
      user_zones: Math.floor(r() * 3), district_declared: district !== '', trip_placement: 'destination, else origin, else no area',
    },
    counts: { ...total, ...c, trip_ends_removed: Math.floor(r() * 60), trips_unlocated: Math.floor(r() * 20), trips_without_distance: 0 },
  });
  return { data, sha, manifest: JSON.stringify(manifest, null, 2) + '\n' };
}

function timed(cmdArgs) {
  const t = spawnSync('/usr/bin/time', ['-v', WB, ...cmdArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(t.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(t.stderr);
  const secs = wall ? wall[1].split(':').reduce((s, x) => s * 60 + Number(x), 0) : NaN;
  return { status: t.status, stdout: t.stdout, stderr: t.stderr, seconds: secs, peak_rss_mb: rss ? Number(rss[1]) / 1024 : NaN };
}

async function main() {
  if (!fs.existsSync(WB)) throw new Error(`no ${WB}: build it first (cmake --build build/native)`);
  const schema = JSON.parse(execFileSync(WB, ['donations', 'schema'], { encoding: 'utf8' }));
  const dir = path.join(OUT, 'received');
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let t0 = Date.now(), bytes = 0;
  const names = [];
  for (let i = 0; i < COUNT; ++i) {
    const d = donation(i, schema);
    const base = `donation-${d.sha.slice(0, 8)}`;
    fs.writeFileSync(path.join(dir, `${base}.csv`), d.data);
    fs.writeFileSync(path.join(dir, `${base}.manifest.json`), d.manifest);
    bytes += d.data.length + d.manifest.length;
    names.push(base);
  }
  const genSeconds = (Date.now() - t0) / 1000;
  // Donation 7: one figure raised after hashing (tampered). Donation 11: manifest cut short (malformed).
  // Their rows must not reach the totals: take them out of the expected figures.
  const drop = (base) => {
    const csv = fs.readFileSync(path.join(dir, `${base}.csv`), 'utf8');
    const man = JSON.parse(fs.readFileSync(path.join(dir, `${base}.manifest.json`), 'utf8'));
    const weekly = man.method.time_bucket.mobility === 'iso_week';
    for (const line of csv.trim().split('\n').slice(1)) {
      const f = line.split(',');
      const v = milli(+f[7]);
      if (f[0] === 'mobility' && f[3]) {
        const month = weekly ? ymd(Date.parse(f[2]) + 3 * DAY).slice(0, 7) : f[1];
        add(expectKm, `${f[3]}|${f[6]}|${month}`, -v);
      } else if (f[0] === 'energy') add(expectKwh, `${f[3]}|${f[1]}|${f[6]}`, -v);
    }
    return { csv, man };
  };
  const tampered = names[7 % COUNT], malformed = names[11 % COUNT];
  const t = drop(tampered);
  fs.writeFileSync(path.join(dir, `${tampered}.csv`), t.csv.replace(/,(\d+)\.(\d{3}),km,/, (m, a, b) => `,${Number(a) + 100}.${b},km,`));
  drop(malformed);
  const mtext = fs.readFileSync(path.join(dir, `${malformed}.manifest.json`), 'utf8');
  fs.writeFileSync(path.join(dir, `${malformed}.manifest.json`), mtext.slice(0, Math.floor(mtext.length / 2)));

  const validate = timed(['donations', 'validate', dir, '--json']);
  const v = JSON.parse(validate.stdout);
  const merged = path.join(OUT, 'merged.ndjson');
  const merge = timed(['donations', 'merge', dir, '--out', merged, '--json']);
  const m = JSON.parse(merge.stdout);
  const problems = [];
  if (validate.status !== 1) problems.push(`validate exit code ${validate.status}, expected 1`);
  // three rejections: the tampered donation, the malformed manifest, and the data file it no longer names
  if (v.valid !== COUNT - 2 || v.rejected !== 3) problems.push(`validate: ${v.valid} valid, ${v.rejected} rejected`);
  const codes = Object.fromEntries(v.rejections.map((x) => [x.file, x.reasons.map((r) => r.code).join(' ')]));
  if (codes[`${tampered}.manifest.json`] !== 'donation.sha256') problems.push(`tampered file: ${codes[`${tampered}.manifest.json`]}`);
  if (codes[`${malformed}.manifest.json`] !== 'donation.manifest_json') problems.push(`malformed file: ${codes[`${malformed}.manifest.json`]}`);
  if (codes[`${malformed}.csv`] !== 'donation.no_manifest') problems.push(`orphaned data file: ${codes[`${malformed}.csv`]}`);
  if (merge.status !== 0 || m.valid - m.duplicates !== COUNT - 2) problems.push(`merge: ${JSON.stringify(m)}`);

  // ---- the README's two analyses, DuckDB on the merged NDJSON
  const { DuckDBInstance } = require('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const sqlKm = fs.readFileSync(path.join(__dirname, 'donations_km.sql'), 'utf8').replaceAll('merged.ndjson', merged);
  const sqlKwh = fs.readFileSync(path.join(__dirname, 'donations_kwh.sql'), 'utf8').replaceAll('merged.ndjson', merged);
  t0 = Date.now();
  const km = (await con.runAndReadAll(sqlKm)).getRowObjects();
  const kwh = (await con.runAndReadAll(sqlKwh)).getRowObjects();
  const sqlSeconds = (Date.now() - t0) / 1000;
  const compare = (label, rows, keyOf, valueCol, expected) => {
    let bad = 0, n = 0;
    const seen = new Set();
    for (const row of rows) {
      const k = keyOf(row);
      seen.add(k);
      ++n;
      if (milli(Number(row[valueCol])) !== (expected.get(k) || 0)) {
        if (bad++ < 5) problems.push(`${label} ${k}: DuckDB ${row[valueCol]}, generator ${(expected.get(k) || 0) / 1000}`);
      }
    }
    for (const [k, val] of expected) if (!seen.has(k) && val !== 0) problems.push(`${label} ${k}: missing in DuckDB`);
    return n;
  };
  const kmRows = compare('km', km, (r) => `${r.commune}|${r.mode}|${r.month}`, 'km', expectKm);
  const kwhRows = compare('kWh', kwh, (r) => `${r.district}|${r.month}|${r.energy}`, 'kwh', expectKwh);
  const sum = (rows, col) => rows.reduce((s, r) => s + milli(Number(r[col])), 0) / 1000;
  const report = {
    donations: COUNT, generated_mb: +(bytes / 1e6).toFixed(1), generate_s: genSeconds,
    validate: { seconds: validate.seconds, peak_rss_mb: +validate.peak_rss_mb.toFixed(1), valid: v.valid, rejected: v.rejected },
    merge: { seconds: merge.seconds, peak_rss_mb: +merge.peak_rss_mb.toFixed(1), rows: m.rows, records: m.records,
             ndjson_mb: +(fs.statSync(merged).size / 1e6).toFixed(1) },
    duckdb: { seconds: sqlSeconds, km_rows: kmRows, km_total: sum(km, 'km'), kwh_rows: kwhRows, kwh_total: sum(kwh, 'kwh') },
    problems,
  };
  if (JSON_OUT) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(`${COUNT} donations generated (${report.generated_mb} MB) in ${genSeconds.toFixed(1)} s -> ${dir}`);
    console.log(`validate: ${v.valid} valid, ${v.rejected} rejected (tampered: ${codes[`${tampered}.manifest.json`]}, malformed: ${codes[`${malformed}.manifest.json`]}); ` +
                `${validate.seconds.toFixed(2)} s, peak RSS ${validate.peak_rss_mb.toFixed(1)} MB`);
    console.log(`merge: ${m.rows} rows, ${m.records} records -> ${merged} (${report.merge.ndjson_mb} MB); ${merge.seconds.toFixed(2)} s, peak RSS ${merge.peak_rss_mb.toFixed(1)} MB`);
    console.log(`DuckDB: km per mode per commune and month ${kmRows} rows, ${report.duckdb.km_total} km; kWh per month per district ${kwhRows} rows, ` +
                `${report.duckdb.kwh_total} kWh; ${sqlSeconds.toFixed(2)} s`);
    console.log(problems.length ? `MISMATCH:\n  ${problems.join('\n  ')}` : 'Totals equal the generator\'s: OK');
  }
  process.exit(problems.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
