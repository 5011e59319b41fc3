// The browser's merged views, natively: the view SQL the core generates (parsers/core/domain_model.cpp,
// views_plan_json, the same function app.wasm's app_views_sql runs for web/views.js) executed by DuckDB
// (@duckdb/node-api) over real parser output, checked against hand-computed truths and against the CLI's
// merge (merge_keep) on the same tables.
//   node tests/views_native_test.cjs [--tests build/native/tests]
// The parser output comes from the doctest binary's exporter (tests/merge_test.cpp, 'views export…'),
// which writes each case's tables as SQL, the plan and the native merge's totals. Prints "N passed, N failed".
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const { DuckDBInstance } = require(path.join(ROOT, 'node_modules/@duckdb/node-api'));

const args = process.argv.slice(2);
const testsBin = path.resolve(args.includes('--tests') ? args[args.indexOf('--tests') + 1]
  : path.join(ROOT, process.env.SDW_BUILD || 'build', 'native/tests'));

let passed = 0, failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else { failed++; console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`); }
}
const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

async function main() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw_views_'));
  const personas = path.join(out, 'personas');
  execFileSync('python3', [path.join(ROOT, 'samples/make_personas.py'), personas], { stdio: 'ignore' });
  execFileSync(testsBin, ['-tc=views export*', '--no-skip', '--no-intro'], {
    stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SDW_VIEWS_EXPORT: path.join(out, 'x'), SDW_VIEWS_PERSONAS: personas } });
  const dir = path.join(out, 'x');

  // web/views.js's list of view names is the model's
  const model = JSON.parse(fs.readFileSync(path.join(dir, 'domains.json'), 'utf8'));
  const js = fs.readFileSync(path.join(ROOT, 'web/views.js'), 'utf8');
  const listed = [...js.match(/DOMAINS = \[([^\]]*)\]/)[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
  check('web/views.js DOMAINS = the model\'s domains', JSON.stringify(listed) === JSON.stringify(model), `${listed} vs ${model}`);

  const results = {};
  for (const name of fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory()).sort()) {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const q = async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJS();
    await c.run(fs.readFileSync(path.join(dir, name, 'load.sql'), 'utf8'));
    const plan = JSON.parse(fs.readFileSync(path.join(dir, name, 'plan.json'), 'utf8'));
    let planOk = !plan.error;
    for (const sql of plan.statements || []) {
      try { await c.run(sql); } catch (e) { planOk = false; console.log(`  ${name}: ${e.message}\n  ${sql.slice(0, 300)}`); }
    }
    check(`${name}: every view statement runs`, planOk);
    const native = JSON.parse(fs.readFileSync(path.join(dir, name, 'native.json'), 'utf8'));
    const r = { views: plan.views };
    // the same rows as the CLI's merge: counts and every float column's total, per domain
    let timelineRows = 0;
    for (const [d, n] of Object.entries(native)) {
      const [{ rows }] = await q(`SELECT count(*)::DOUBLE AS rows FROM "${d}"`);
      check(`${name}: ${d} rows = the CLI's merge`, rows === n.rows, `${rows} vs ${n.rows}`);
      for (const [col, total] of Object.entries(n.sums)) {
        const [{ s }] = await q(`SELECT sum("${col}") AS s FROM "${d}"`);
        check(`${name}: ${d}.${col} total = the CLI's merge`, near(s, total), `${s} vs ${total}`);
      }
      if (d !== 'location_points') timelineRows += rows;
      r[d] = rows;
    }
    if (plan.views.length) {
      const [{ n }] = await q('SELECT count(*)::DOUBLE AS n FROM timeline');
      check(`${name}: timeline has one event per row of the timeline domains`, n === timelineRows, `${n} vs ${timelineRows}`);
    }
    r.q = q;
    results[name] = r;
  }

  // hand-computed truths (tests/data/merge/make_fixtures.py; the same figures as tests/merge_test.cpp)
  const one = async (name, sql) => Object.values((await results[name].q(sql))[0])[0];
  const km = (name) => one(name, 'SELECT sum(distance_m) / 1000 FROM trips');
  check('Semantic month once: 14.2 km', near(await km('semantic_once'), 14.2));
  check('Semantic month twice: 14.2 km, 4 trips', near(await km('semantic_twice'), 14.2) && results.semantic_twice.trips === 4);
  for (const n of ['semantic_android', 'android_semantic']) {
    check(`${n}: 15.7225 km (Android's distances where both have the trip)`, near(await km(n), 15.7225));
    const ds = (await results[n].q('SELECT distance_m FROM trips ORDER BY distance_m')).map((x) => x.distance_m);
    check(`${n}: trips 800, 1500, 2987, 5201, 5234.5`, JSON.stringify(ds) === '[800,1500,2987,5201,5234.5]', JSON.stringify(ds));
    check(`${n}: one home visit, one place visited once`, results[n].visits === 1
      && (await one(n, 'SELECT sum(visits)::DOUBLE FROM places')) === 1);
    check(`${n}: trips on the timeline in km`, near(await one(n, "SELECT sum(value) FROM timeline WHERE domain = 'trips'"), 15.7225));
  }
  check('Apple Health twice: 15 km of workouts, 1 723 steps', near(await km('health_twice'), 15)
    && (await one('health_twice', "SELECT sum(value) FROM health_measures WHERE type = 'steps'")) === 1723);
  check('Apple Health March + April: 18.1 km, 2 523 steps', near(await km('health_mars_avril'), 18.1)
    && (await one('health_mars_avril', "SELECT sum(value) FROM health_measures WHERE type = 'steps'")) === 2523);
  const curve = (n) => one(n, "SELECT count(*)::DOUBLE || ' ' || round(sum(kwh), 6) FROM energy_readings WHERE kind = 'load_curve'");
  check('Enedis load curve twice + a daily index: the curve counted once', (await curve('enedis_once')) === (await curve('enedis_twice_with_index')),
    `${await curve('enedis_once')} vs ${await curve('enedis_twice_with_index')}`);
  check('Enedis: the daily index is kept beside the curve (the energy challenge picks per day)',
    (await one('enedis_twice_with_index', "SELECT count(*)::DOUBLE FROM energy_readings WHERE kind <> 'load_curve'")) > 0);
  check('a bank statement twice: its transactions once', results.bank_twice.transactions === results.bank_once.transactions
    && results.bank_once.transactions > 0);
  check('personas: views for their domains', (results.personas?.views || []).length >= 6, JSON.stringify(results.personas?.views));
  fs.rmSync(out, { recursive: true, force: true });
}

main().catch((e) => { failed++; console.log('FAIL', e && e.stack || e); }).finally(() => {
  console.log(`views_native: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
});
