// Deterministic generators of realistic export files for the benchmarks (never committed: bench/out/).
//   node bench/gen.cjs KIND MB OUT      KIND = enedis | bank | records | sensors | objects | gpx | zip
'use strict';
const fs = require('fs');

function lcg(seed) { let x = seed >>> 0; return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296); }

// Enedis load curve: two preamble lines, then half-hourly Horodate;Valeur (W) with +01:00/+02:00 offsets.
function* enedis() {
  yield 'Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n';
  yield '09876543210123;Courbe de charge;01/01/2015;31/12/2099;Puissance active;Consommation;Comptage Brut;W\n';
  yield 'Horodate;Valeur\n';
  const r = lcg(42);
  let t = Date.UTC(2015, 0, 1, 0, 30) / 1000;
  for (;;) {
    const d = new Date(t * 1000);
    const y = d.getUTCFullYear();
    const lastSun = (m) => { const x = new Date(Date.UTC(y, m + 1, 0)); return Date.UTC(y, m, x.getUTCDate() - x.getUTCDay(), 1) / 1000; };
    const summer = t >= lastSun(2) && t < lastSun(9);
    const off = summer ? 2 : 1;
    const l = new Date((t + off * 3600) * 1000).toISOString().slice(0, 19);
    yield `${l}+0${off}:00;${Math.round(300 + 2500 * r() * r())}\n`;
    t += 1800;
  }
}

// French bank statement: ';', dd/mm/yyyy, decimal comma with thousands spaces, accented labels.
function* bank() {
  yield 'Date;Libellé;Débit euros;Crédit euros\n';
  const labels = ['CARTE SNCF INTERNET', 'PRLV SEPA ENEDIS', 'CARTE BOULANGERIE DU MAIL', 'CARTE TOTALENERGIES LA ROCHELLE',
    'CARTE YÉLO VÉLO', 'PRLV SEPA FREE MOBILE', 'CARTE CŒUR DE BŒUF', 'RETRAIT DAB 17000', 'CARTE LIBRAIRIE « LES SAISONS »'];
  const r = lcg(7);
  let day = 0;
  for (let i = 0; ; i++) {
    if (r() < 0.3) day++;
    const d = new Date(Date.UTC(2000, 0, 1) + day * 86400000);
    const ds = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    if (i % 40 === 0) { yield `${ds};VIR SALAIRE ${i};;2 150,00\n`; continue; }
    const cents = Math.floor(100 + r() * 150000);
    const euros = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    yield `${ds};${labels[i % labels.length]};-${euros},${String(cents % 100).padStart(2, '0')};\n`;
  }
}

// Google Takeout Records.json: {"locations":[{latitudeE7, longitudeE7, accuracy, timestamp, source, activity?}…]}
function* records() {
  yield '{\n  "locations": [';
  const r = lcg(11);
  let t = Date.UTC(2019, 0, 1), lat = 461580000, lon = -11530000;
  for (let i = 0; ; i++) {
    t += 30000 + Math.floor(r() * 90000);
    lat += Math.floor((r() - 0.5) * 2000); lon += Math.floor((r() - 0.5) * 2000);
    const act = i % 7 === 0 ? `, "activity": [{"timestamp": "${new Date(t).toISOString()}", "activity": [{"type": "ON_BICYCLE", "confidence": 72}, {"type": "STILL", "confidence": 20}]}]` : '';
    yield `${i ? ',' : ''}{\n    "latitudeE7": ${lat},\n    "longitudeE7": ${lon},\n    "accuracy": ${5 + Math.floor(r() * 40)},\n    "source": "WIFI",\n    "timestamp": "${new Date(t).toISOString()}"${act}\n  }`;
  }
}

// A generic CSV no domain parser claims (weather-station log): ISO times with offsets, French decimals, text.
function* sensors() {
  yield 'horodatage;station;temperature_c;humidite_pct;pluie_mm;remarque\n';
  const r = lcg(23);
  const stations = ['La Rochelle - Minimes', 'Aytré plage', 'Île de Ré nord', 'Châtelaillon', 'Périgny ZI'];
  let t = Date.UTC(2010, 0, 1) / 1000;
  for (let i = 0; ; i++) {
    t += 60;
    const l = new Date(t * 1000).toISOString().slice(0, 19);
    const temp = (Math.round((12 + 10 * Math.sin(i / 1440) + 4 * r()) * 10) / 10).toFixed(1).replace('.', ',');
    yield `${l}Z;${stations[i % 5]};${temp};${40 + Math.floor(r() * 60)};${i % 17 ? '0' : (r() * 3).toFixed(1).replace('.', ',')};${i % 101 ? '' : 'capteur nettoyé'}\n`;
  }
}

// A generic JSON array of objects (an app's activity export): nested objects flattened by the parser, one
// key ("note") that only appears from record 5000 on, ISO times, booleans, an array kept as JSON text.
function* objects() {
  yield '[\n';
  const r = lcg(5);
  let t = Date.UTC(2021, 0, 1);
  for (let i = 0; ; i++) {
    t += 1000 + Math.floor(r() * 60000);
    const note = i >= 5000 && i % 9 === 0 ? `, "note": "séance ${i % 31}"` : '';
    yield `${i ? ',\n' : ''}{"id": ${i}, "at": "${new Date(t).toISOString()}", "kind": "${['run', 'walk', 'ride'][i % 3]}", ` +
      `"value": ${(r() * 1000).toFixed(3)}, "done": ${i % 4 ? 'true' : 'false'}, "device": {"model": "Montre ${i % 7}", "fw": ${i % 11}}, ` +
      `"tags": ["a", ${i % 5}]${note}}`;
  }
}

// Strava-like GPX 1.1: one ride per <trk> (1200 points, 1 s apart, elevation, heart rate and cadence in
// Garmin TrackPointExtension), a day apart. Yields whole tracks so the file always ends on </trk>.
function* gpx() {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<gpx creator="StravaGPX" version="1.1" xmlns="http://www.topografix.com/GPX/1/1" '
    + 'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n <metadata>\n  <time>2019-03-01T07:12:00Z</time>\n </metadata>\n';
  const r = lcg(31);
  let t = Date.UTC(2019, 2, 1, 7, 12);
  for (let k = 0; ; k++) {
    const pts = [` <trk>\n  <name>Sortie vélo n° ${k + 1} – La Rochelle</name>\n  <type>cycling</type>\n  <trkseg>\n`];
    let lat = 46.1591 + (r() - 0.5) * 0.02, lon = -1.152 + (r() - 0.5) * 0.03, ele = 5 + r() * 10;
    for (let i = 0; i < 1200; i++) {
      t += 1000;
      lat += (r() - 0.45) * 0.0001; lon += (r() - 0.5) * 0.00014; ele = Math.max(0, ele + (r() - 0.5) * 0.4);
      pts.push(`   <trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}">\n    <ele>${ele.toFixed(1)}</ele>\n    <time>${new Date(t).toISOString().slice(0, 19)}Z</time>\n`
        + `    <extensions>\n     <gpxtpx:TrackPointExtension>\n      <gpxtpx:hr>${110 + Math.floor(r() * 60)}</gpxtpx:hr>\n`
        + `      <gpxtpx:cad>${70 + Math.floor(r() * 25)}</gpxtpx:cad>\n     </gpxtpx:TrackPointExtension>\n    </extensions>\n   </trkpt>\n`);
    }
    pts.push('  </trkseg>\n </trk>\n');
    yield pts.join('');
    t += 86400000 - 1200000;
  }
}

// A ZIP of CSVs (a weather-station export: five station logs, deflate level 6 by fflate, the usual
// archiver level). MB is the uncompressed CSV size. Ground truth (rows, sum of humidite_pct, bytes) goes to
// OUT.truth.json, computed from the generated text.
function generateZip(mb, out) {
  const truthFile = out + '.truth.json';
  if (fs.existsSync(out) && fs.existsSync(truthFile)) return;
  const { zipSync, strToU8 } = require('fflate');
  const per = (mb * 1e6) / 5;
  const entries = {};
  let rows = 0, sum = 0, bytes = 0;
  const g = sensors();
  const header = g.next().value;
  for (let e = 0; e < 5; e++) {
    const parts = [header];
    let len = header.length;
    while (len < per) {
      const line = g.next().value;
      parts.push(line); len += Buffer.byteLength(line);
      rows++; sum += Number(line.split(';')[3]);
    }
    const u8 = strToU8(parts.join(''));
    bytes += u8.length;
    entries[`releves_meteo/station_${e + 1}.csv`] = [u8, { level: 6, mtime: new Date(Date.UTC(2024, 0, 1)) }];
  }
  fs.writeFileSync(out, zipSync(entries));
  fs.writeFileSync(truthFile, JSON.stringify({ rows, sum, bytes, entries: 5 }));
}

function generate(kind, mb, out) {
  if (kind === 'zip') return generateZip(mb, out);
  const target = mb * 1e6;
  if (fs.existsSync(out) && Math.abs(fs.statSync(out).size - target) < 1e6) return;
  const gen = { enedis, bank, records, sensors, objects, gpx }[kind]();
  const fd = fs.openSync(out, 'w');
  let size = 0, buf = [];
  let bufLen = 0;
  while (size + bufLen < target) {
    const s = gen.next().value;
    buf.push(s); bufLen += Buffer.byteLength(s);
    if (bufLen > 1 << 20) { fs.writeSync(fd, buf.join('')); size += bufLen; buf = []; bufLen = 0; }
  }
  fs.writeSync(fd, buf.join('') + ({ records: '\n  ]\n}\n', objects: '\n]\n', gpx: '</gpx>\n' }[kind] || ''));
  fs.closeSync(fd);
}

module.exports = { generate };
if (require.main === module) generate(process.argv[2], +process.argv[3], process.argv[4]);
