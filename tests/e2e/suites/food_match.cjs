// Food dashboard, receipt recognition (issue 23) on the Martins' loyalty-card file alone, French then
// English, with screenshots: the coverage line and the lines the page counts are those of
// `workbench challenge food --json` on the very bytes the page loaded (same core code); the details block
// (coverage, lines to check, seasons, top-3 swaps) is drawn; one assignment through the first "to check"
// combo ("not food") makes the dashboard recompute with one line fewer counted.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, ui, st, waitFor, assert, eq, log, OUT, ROOT } = h;
  const WB = process.env.WORKBENCH || path.join(ROOT, 'build', 'native', 'workbench');
  const setLang = async (code) => { await h.click('lang.' + code); await waitFor((l) => window.workbench.ui().lang === l, code, 10000); };

  test('food recognition: the Martins, coverage = the CLI, details drawn, one assignment recomputes', async () => {
    await h.openApp();
    const manifest = JSON.parse(await page.evaluate(() => fetch('samples/manifest.json').then((r) => r.text())));
    const file = manifest.personas.find((p) => p.id === 'martin').files.find((f) => /carte_fidelite/.test(f));
    assert(file, 'the Martins have a loyalty-card file');
    const b64 = await page.evaluate((u) => fetch('samples/' + u).then((r) => r.arrayBuffer()).then((a) => {
      let s = ''; const v = new Uint8Array(a); for (let i = 0; i < v.length; i += 32768) s += String.fromCharCode.apply(null, v.subarray(i, i + 32768)); return btoa(s);
    }), file);
    const local = path.join(OUT, 'food_match_' + path.basename(file));
    fs.writeFileSync(local, Buffer.from(b64, 'base64'));
    const cli = JSON.parse(execFileSync(WB, ['challenge', 'food', '--json', local], { maxBuffer: 64 << 20 }).toString('utf8')).food;
    assert(cli.coverage && cli.matches, 'the CLI reports food.coverage and food.matches');

    for (const s of (await st()).sources) await page.evaluate((id) => window.workbench.remove(id), s.id);
    await waitFor(() => window.workbench.state().sources.length === 0, null, 30000);
    await page.evaluate((p) => window.workbench.loadPersona(p), 'martin');
    await waitFor(() => { const s = window.workbench.state().sources; return s.length > 0 && s.every((x) => ['ready', 'error'].includes(x.status)); }, null, 120000);
    await page.evaluate(() => window.workbench.idle());

    for (const lang of ['fr', 'en']) {
      await setLang(lang);
      await h.click('tab.food');
      await waitFor(() => window.workbench.ui().tab === 'food', null, 10000);
      await waitFor(() => { const d = window.workbench.ui().dashboards.food; return d && d.lines > 0; }, null, 30000);
      const d = (await ui()).dashboards.food;
      eq(d.lines, cli.coverage.lines, 'lines = the CLI');
      eq(d.mapped, cli.coverage.lines_recognised, 'lines counted = the CLI\'s recognised food lines');
      // scroll the dashboard down to the details block, then take the picture
      assert(await h.scrollTo('food.match.coverage', 200), 'details block reachable by scrolling');
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(OUT, `food_match_${lang}.png`) });
      assert(await h.scrollTo('food.match.swaps'), 'top-3 swaps drawn');
      log(`  ${lang}: ${d.mapped}/${d.lines} lines counted, CLI coverage ${JSON.stringify(cli.coverage)}`);
    }

    // one-click assignment: the first line to check -> "not food"
    const before = (await ui()).dashboards.food.mapped;
    if (await h.scrollTo('food.match.assign.0')) {
      await h.click('food.match.assign.0');
      await page.waitForTimeout(300);
      const a = (await ui()).rects['food.match.assign.0'];
      await page.screenshot({ path: path.join(OUT, 'food_match_assign_open.png') });
      // the combo's popup: a filter box first, then "Not food"
      const row = a[3] - a[1];
      await page.mouse.click(a[0] + 40, a[3] + 1.5 * row + 12, { delay: 60 });
      await waitFor((b) => window.workbench.ui().dashboards.food.mapped === b - 1, before, 15000);
      await page.screenshot({ path: path.join(OUT, 'food_match_assigned.png') });
      eq((await ui()).dashboards.food.mapped, before - 1, 'one line fewer counted after "not food"');
    } else log('  no line to check on this persona: assignment not exercised');
  });
};
