// What people download in 2026, dropped together as they come: Enedis's weekly XLSX load curves (two of them
// overlap on the spring DST day, a day is missing between the others), an Android on-device Timeline and the
// older Takeout Semantic history covering the same month, and a Takeout .tgz holding another Timeline under
// a long translated folder name. The answers the browser states are those `workbench challenge` gives on the
// same files (same core, same merge rules: overlapping exports never double-count).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, waitFor, assert, eq, near, log, OUT, ROOT, url } = h;
  const DATA = path.join(ROOT, 'tests', 'data');
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  const FILES = [
    'xlsx/enedis_courbe_2025-03-24_2025-03-30.xlsx', 'xlsx/enedis_courbe_2025-03-30_2025-04-05.xlsx', 'xlsx/enedis_courbe_2025-04-07_2025-04-13.xlsx',
    'merge/Chronologie.json', 'merge/Semantic Location History/2024/2024_JANUARY.json', 'tgz/takeout-gnu.tgz',
  ];
  const cli = (id) => JSON.parse(execFileSync(WB, ['challenge', id, '--json', ...FILES.map((f) => path.join(DATA, f))], { maxBuffer: 64 << 20 }).toString('utf8'));
  const tabAnswer = async (tab) => {
    await page.focus(`#a11y button[data-action="tab.${tab}"]`);
    await page.keyboard.press('Enter');
    await waitFor((t) => window.workbench.ui().tab === t, tab, 10000);
    await waitFor(() => !!document.querySelector('#a11y #answer'), null, 20000);
    await page.waitForTimeout(300);
    return page.evaluate(() => document.querySelector('#a11y #answer').textContent);
  };

  test('2026 exports dropped together (Enedis XLSX weeks, on-device Timeline + Semantic history, a .tgz Takeout) = the CLI', async () => {
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    await h.dropFiles(FILES.map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(path.join(DATA, f)) })));
    await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.every((x) => ['ready', 'error'].includes(x.status)); }, FILES.length, 90000);
    const s = await h.st();
    for (const x of s.sources) eq(x.status, 'ready', `${x.name} read`);
    // several questions answered by one drop: Home lists them
    await waitFor(() => document.querySelectorAll('#a11y .k-answer').length >= 2, null, 30000);
    const energy = cli('energy').energy.find((e) => e.energy === 'electricity');
    const mobility = cli('mobility');
    eq(await tabAnswer('energy'), energy.answer.sentence, 'energy answer = the CLI (overlapping weeks counted once)');
    const e = (await h.ui()).dashboards.energy;
    near(e.kwh, energy.total_kwh, 1e-6, 'kWh = the CLI');
    eq(e.days, energy.days.length, 'days with readings = the CLI');
    // independently of the merge code: the three weeks have 7 days each, 2025-03-30 is in two of them
    const alone = FILES.slice(0, 3).map((f) => JSON.parse(execFileSync(WB, ['challenge', 'energy', '--json', path.join(DATA, f)]).toString('utf8')).energy[0]);
    eq(alone.map((x) => x.days.length).join(','), '7,7,7', 'each weekly file alone');
    eq(e.days, 20, 'dropped together: 20 days, the shared DST day counted once');
    const shared = alone.map((x) => x.days.find((d) => d.day === '2025-03-30')).filter(Boolean);
    eq(shared.length, 2, 'the DST day is in two files');
    near(e.kwh, alone.reduce((a, x) => a + x.total_kwh, 0) - shared[1].kwh, 0.05, 'the total leaves one copy of the shared day out');
    eq(await tabAnswer('mobility'), mobility.answer.sentence, 'mobility answer = the CLI (the two Google exports merged)');
    near((await h.ui()).dashboards.mobility.km, mobility.mobility.total_km, 1e-6, 'km = the CLI');
    await page.screenshot({ path: path.join(OUT, 'formats_2026_mobility.png') });
    log(`  energy: ${energy.answer.sentence}`);
    log(`  mobility: ${mobility.answer.sentence}`);
  });
};
