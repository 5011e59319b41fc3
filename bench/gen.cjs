// Deterministic generators of realistic export files for the benchmarks (never committed: bench/out/).
//   node bench/gen.cjs KIND MB OUT      KIND = enedis | bank | records | sensors | objects
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

function generate(kind, mb, out) {
  const target = mb * 1e6;
  if (fs.existsSync(out) && Math.abs(fs.statSync(out).size - target) < 1e5) return;
  const gen = { enedis, bank, records, sensors, objects }[kind]();
  const fd = fs.openSync(out, 'w');
  let size = 0, buf = [];
  let bufLen = 0;
  while (size + bufLen < target) {
    const s = gen.next().value;
    buf.push(s); bufLen += Buffer.byteLength(s);
    if (bufLen > 1 << 20) { fs.writeSync(fd, buf.join('')); size += bufLen; buf = []; bufLen = 0; }
  }
  fs.writeSync(fd, buf.join('') + ({ records: '\n  ]\n}\n', objects: '\n]\n' }[kind] || ''));
  fs.closeSync(fd);
}

module.exports = { generate };
if (require.main === module) generate(process.argv[2], +process.argv[3], process.argv[4]);
