// The exports added to Parser library II, in the browser through the file input: GRDF gas, OFX, an
// Apple Health export ZIP, a Cozy Cloud export ZIP, Facebook, Instagram, Spotify (both histories),
// Netflix and Google My Activity. Each lands in the same domain tables with the same row counts as the
// native CLI (`workbench inspect --json`, the same core) reports for the same file, and the merged views
// (timeline included) see them.
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = (h) => {
  const { page, test, st, waitFor, assert, eq, log, ROOT } = h;
  const DATA = path.join(ROOT, 'tests', 'data');
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  const files = ['grdf/consommations_quotidiennes.csv', 'ofx/releve_sgml_1252.ofx', 'apple_health/export.zip', 'cozy/cozy_export.zip',
                 'facebook/your_posts_1.json', 'instagram/liked_posts.json', 'spotify/StreamingHistory_music_0.json',
                 'spotify/Streaming_History_Audio_2023-2024_0.json', 'netflix/ViewingActivity.csv', 'my_activity/MonActivité.json'];

  // rows per domain for one file, natively
  const native = (rel) => {
    const out = JSON.parse(execFileSync(WB, ['inspect', '--json', path.join(DATA, rel)], { maxBuffer: 64 << 20 }).toString('utf8'));
    const by = {};
    for (const f of out) for (const t of f.tables || []) if (t.domain) by[t.domain] = (by[t.domain] || 0) + t.rows;
    return { format: out[0].format, by };
  };

  test('more exports in the browser: GRDF, OFX, Apple Health, Cozy, Facebook, Instagram, Spotify, Netflix, My Activity = the CLI', async () => {
    await h.openApp();
    const before = (await st()).sources.length;
    await page.setInputFiles('#file-input', files.map((f) => path.join(DATA, f)));
    await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.slice(n - 10).every((x) => ['ready', 'error'].includes(x.status)); },
      before + files.length, 120000);
    await page.evaluate(() => window.workbench.idle());
    const s = await st();
    const total = {};
    for (const rel of files) {
      const name = path.basename(rel);
      const src = s.sources.slice(before).find((x) => x.name === name);
      assert(src, name + ' listed');
      eq(src.status, 'ready', name + ' ready ' + JSON.stringify(src.error || ''));
      const want = native(rel);
      eq(src.format, want.format, name + ' format');
      const got = {};
      for (const t of s.tables.filter((t) => t.source === src.id && t.domain)) got[t.domain] = (got[t.domain] || 0) + t.rows;
      eq(JSON.stringify(got), JSON.stringify(want.by), name + ' rows per domain');
      for (const [d, n] of Object.entries(want.by)) total[d] = (total[d] || 0) + n;
    }
    // the merged views and the timeline see the new domains
    const q = await page.evaluate(() => window.workbench.sql(
      "SELECT domain, count(*) FROM timeline WHERE domain IN ('health_measures', 'activity') GROUP BY 1 ORDER BY 1"));
    const tl = Object.fromEntries(q.rows.map((r) => [r[0], Number(r[1])]));
    eq(tl.health_measures, total.health_measures, 'timeline: Apple Health measures');
    assert(tl.activity >= total.activity, `timeline: activity events (${tl.activity} >= ${total.activity})`);
    const gas = await page.evaluate(() => window.workbench.sql("SELECT count(*), round(sum(m3), 3) FROM energy_readings WHERE energy = 'gas'"));
    assert(Number(gas.rows[0][0]) >= total.energy_readings, 'gas readings in the merged energy view');
    log(`  ${files.length} files: ` + Object.entries(total).map(([d, n]) => `${d} ${n}`).join(', '));
    // leave the app as it was: remove them
    for (const src of s.sources.slice(before)) await page.evaluate((id) => window.workbench.remove(id), src.id);
    await waitFor((n) => window.workbench.state().sources.length === n, before, 30000);
  });
};
