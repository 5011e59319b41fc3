// The merged workspace: one view per domain over every source's table of that domain (`trips` unions
// `trips_chronologie`, `trips_2023_mars`…), and `timeline`, one row per event of any domain in common
// columns. Views are rebuilt whenever a source comes or goes, so removing a source removes its rows
// everywhere. Deduplication across sources that overlap is done in these views where a key exists.

export const DOMAINS = ['location_points', 'visits', 'trips', 'energy_readings', 'transactions', 'purchases',
  'learning_statements', 'activity', 'health_records', 'health_measures'];

// Per domain: how one row becomes a timeline event. Expressions may only use the columns listed in
// `needs` (checked against the view's real columns, missing optional ones become NULL).
const TIMELINE = {
  visits: { kind: "'visit'", start: 'ts_start', end: 'ts_end', label: "coalesce(name, semantic_type, 'visite')",
            value: 'duration_s / 3600.0', unit: "'h'", lat: 'lat', lon: 'lon' },
  trips: { kind: "'trip'", start: 'ts_start', end: 'ts_end', label: "coalesce(mode, mode_raw, 'trajet')",
           value: 'distance_m / 1000.0', unit: "'km'", lat: 'start_lat', lon: 'start_lon' },
  energy_readings: { kind: "'energy'", start: 'ts_start', end: 'ts_end', label: "coalesce(energy, 'énergie')",
                     value: 'kwh', unit: "'kWh'", lat: 'NULL', lon: 'NULL' },
  transactions: { kind: "'transaction'", start: 'CAST(date AS TIMESTAMP)', end: 'NULL', label: 'label',
                  value: 'amount', unit: "'EUR'", lat: 'NULL', lon: 'NULL' },
  purchases: { kind: "'purchase'", start: 'coalesce(ts, CAST(date AS TIMESTAMP))', end: 'NULL', label: 'product',
               value: 'amount', unit: "'EUR'", lat: 'NULL', lon: 'NULL' },
  learning_statements: { kind: "'learning'", start: 'ts', end: 'NULL', label: "concat_ws(' ', verb, object_name)",
                         value: 'duration_s / 60.0', unit: "'min'", lat: 'NULL', lon: 'NULL' },
  activity: { kind: "coalesce(kind, 'activity')", start: 'ts', end: 'NULL', label: 'coalesce(title, text, platform)',
              value: 'NULL', unit: 'NULL', lat: 'NULL', lon: 'NULL' },
  health_records: { kind: "'health'", start: 'CAST(date AS TIMESTAMP)', end: 'NULL', label: 'label',
                    value: 'amount_paid', unit: "'EUR'", lat: 'NULL', lon: 'NULL' },
  health_measures: { kind: "'measure'", start: 'ts_start', end: 'ts_end', label: 'type', value: 'value', unit: 'unit',
                     lat: 'NULL', lon: 'NULL' },
};

// A quoted SQL identifier.
export const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const SQL_WORDS = new Set(['null', 'cast', 'as', 'timestamp', 'date', 'coalesce', 'concat_ws']);

// Replaces references to columns the view does not have by NULL, so a source without, say, `address`
// still contributes its other columns to the timeline.
function onlyExisting(expr, columns) {
  if (/^'.*'$/.test(expr)) return expr;
  return expr.replace(/'[^']*'|\b[a-z_][a-z0-9_]*\b/g, (tok, off, whole) => {
    if (tok.startsWith("'")) return tok;
    if (SQL_WORDS.has(tok.toLowerCase())) return tok;
    if (whole[off + tok.length] === '(') return tok;        // a function name
    return columns.has(tok) ? ident(tok) : 'NULL';
  });
}

// tables: [{ name, domain }] of every ready source. Returns the domains that have a view.
export async function refreshViews(conn, tables) {
  const byDomain = new Map();
  for (const t of tables) if (t.domain && DOMAINS.includes(t.domain)) {
    if (!byDomain.has(t.domain)) byDomain.set(t.domain, []);
    byDomain.get(t.domain).push(t.name);
  }
  const parts = [];
  for (const d of DOMAINS) {
    const names = byDomain.get(d);
    if (!names) { await conn.query(`DROP VIEW IF EXISTS ${ident(d)}`); continue; }
    const union = names.map((n) => `SELECT * FROM ${ident(n)}`).join(' UNION ALL BY NAME ');
    // Overlapping Google shapes (Records.json, Semantic months, phone exports) describe the same points,
    // visits and trips: their parsers give each a stable key, and the merged view keeps one row per key
    // (preferring the densest source). Rows without a key are all kept.
    const dedupKey = { location_points: 'point_key', visits: 'visit_key', trips: 'trip_key' }[d];
    const keyed = dedupKey && names.length > 1 && (await conn.query(
      `SELECT count(*) AS n FROM (DESCRIBE SELECT * FROM (${union})) WHERE column_name = '${dedupKey}'`)).toArray()[0].toJSON().n > 0;
    const body = keyed
      ? `SELECT * FROM (${union}) QUALIFY ${dedupKey} IS NULL OR row_number() OVER (PARTITION BY ${dedupKey} ORDER BY
           CASE source WHEN 'records' THEN 0 WHEN 'android' THEN 1 WHEN 'ios' THEN 2 WHEN 'semantic' THEN 3 ELSE 4 END, _file, _record) = 1`
      : union;
    await conn.query(`CREATE OR REPLACE VIEW ${ident(d)} AS ${body}`);
    const spec = TIMELINE[d];
    if (!spec) continue;
    const cols = new Set((await conn.query(`DESCRIBE ${ident(d)}`)).toArray().map((r) => r.toJSON().column_name));
    const e = (x) => onlyExisting(x, cols);
    parts.push(`SELECT CAST(${e(spec.start)} AS TIMESTAMP) AS ts_start, CAST(${e(spec.end)} AS TIMESTAMP) AS ts_end,
      ${cols.has('_file') ? '"_file"' : 'NULL'} AS source, '${d}' AS domain, CAST(${e(spec.kind)} AS VARCHAR) AS kind,
      CAST(${e(spec.label)} AS VARCHAR) AS label, CAST(${e(spec.value)} AS DOUBLE) AS value, CAST(${e(spec.unit)} AS VARCHAR) AS unit,
      CAST(${e(spec.lat)} AS DOUBLE) AS lat, CAST(${e(spec.lon)} AS DOUBLE) AS lon FROM ${ident(d)}`);
  }
  // places: visits gathered into places — by the export's place id when it has one, else by a cell of
  // about 110 m (0.001° of latitude × 0.0015° of longitude at French latitudes); named by their most
  // frequent name. Cells split a place that straddles a boundary: a known, documented simplification.
  if (byDomain.has('visits')) {
    const vc = new Set((await conn.query('DESCRIBE visits')).toArray().map((r) => r.toJSON().column_name));
    const has = (c) => vc.has(c);
    const key = has('place_id')
      ? "coalesce(nullif(place_id, ''), 'cell:' || CAST(round(lat * 1000) AS BIGINT) || ':' || CAST(round(lon * 666.667) AS BIGINT))"
      : "'cell:' || CAST(round(lat * 1000) AS BIGINT) || ':' || CAST(round(lon * 666.667) AS BIGINT)";
    const name = ['name', 'address', 'semantic_type'].filter(has).join(', ') || "'?'";
    await conn.query(`CREATE OR REPLACE VIEW places AS
      SELECT ${key} AS place_key, round(avg(lat), 5) AS lat, round(avg(lon), 5) AS lon,
        mode(coalesce(${name})) AS name, ${has('semantic_type') ? 'mode(semantic_type)' : 'NULL'} AS semantic_type,
        count(*) AS visits, sum(${has('duration_s') ? 'duration_s' : '0'}) / 3600.0 AS hours,
        min(ts_start) AS first_visit, max(${has('ts_end') ? 'ts_end' : 'ts_start'}) AS last_visit
      FROM visits WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1`);
  } else {
    await conn.query('DROP VIEW IF EXISTS places');
  }
  if (parts.length) await conn.query(`CREATE OR REPLACE VIEW timeline AS ${parts.join(' UNION ALL ')}`);
  else await conn.query('DROP VIEW IF EXISTS timeline');
  return [...byDomain.keys()];
}
