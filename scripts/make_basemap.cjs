// Offline basemap for the app's maps, from Natural Earth through npm `world-atlas` (public domain):
// coastlines and country borders as polylines, at 1:10 million over Europe (mainland France, Corsica,
// neighbours) and 1:50 million elsewhere. Never tiles: a tile server would learn where the user looks.
//   node scripts/make_basemap.cjs OUT.bin
// Format (little-endian), read by viz/basemap.cpp:
//   "SDWB" u32 version=1 u32 line_count, then per line: u8 kind (0 coast, 1 border) u32 n, n × (f32 lon, f32 lat)
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const atlas = (name) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'world-atlas', name), 'utf8'));
const EUROPE = { lon0: -32, lat0: 26, lon1: 45, lat1: 72 };

// TopoJSON arcs: quantized, delta-encoded; an arc used by two countries is a border, by one a coastline.
function arcsOf(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const uses = new Uint8Array(topo.arcs.length);
  const walk = (a) => { if (Array.isArray(a)) a.forEach(walk); else uses[a < 0 ? ~a : a]++; };
  for (const g of topo.objects.countries.geometries) if (g.arcs) walk(g.arcs);
  return topo.arcs.map((arc, i) => {
    let x = 0, y = 0;
    const pts = arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    return { kind: uses[i] >= 2 ? 1 : 0, pts };
  });
}
const inEurope = ([lon, lat]) => lon >= EUROPE.lon0 && lon <= EUROPE.lon1 && lat >= EUROPE.lat0 && lat <= EUROPE.lat1;
const anyIn = (a) => a.pts.some(inEurope);

const fine = arcsOf(atlas('countries-10m.json')).filter(anyIn);
const coarse = arcsOf(atlas('countries-50m.json')).filter((a) => !anyIn(a));
const lines = [...fine, ...coarse].filter((a) => a.pts.length >= 2);
let bytes = 12;
for (const l of lines) bytes += 5 + l.pts.length * 8;
const buf = Buffer.alloc(bytes);
buf.write('SDWB', 0, 'latin1');
buf.writeUInt32LE(1, 4);
buf.writeUInt32LE(lines.length, 8);
let o = 12, points = 0;
for (const l of lines) {
  buf.writeUInt8(l.kind, o); buf.writeUInt32LE(l.pts.length, o + 1); o += 5;
  for (const [lon, lat] of l.pts) { buf.writeFloatLE(lon, o); buf.writeFloatLE(lat, o + 4); o += 8; }
  points += l.pts.length;
}
const out = process.argv[2] || path.join(ROOT, 'dist', 'basemap.bin');
fs.writeFileSync(out, buf);
console.log(`basemap: ${lines.length} lines, ${points} points, ${(bytes / 1e6).toFixed(2)} MB -> ${path.relative(process.cwd(), out)}`);
