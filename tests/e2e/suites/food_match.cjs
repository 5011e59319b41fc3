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
      await page.screenshot({ path: path.join(OUT, 'food_match_assign_open.png') });
      // the combo's popup: a filter box first, then "Not food"
      await h.click('food.match.assign.0.not_food');
      await waitFor((b) => window.workbench.ui().dashboards.food.mapped === b - 1, before, 15000);
      await page.screenshot({ path: path.join(OUT, 'food_match_assigned.png') });
      eq((await ui()).dashboards.food.mapped, before - 1, 'one line fewer counted after "not food"');
    } else log('  no line to check on this persona: assignment not exercised');
    const d = (await ui()).dashboards.food;
    assert(d.product_rules >= 1 || before === d.mapped, 'the assignment is a rule of the person\'s');
    eq(d.lines_with_barcode, cli.coverage.lines_with_barcode, 'lines with a product barcode = the CLI');

    // the rules saved as a file (keyboard, through the accessible button) give the CLI the same answer
    if (d.product_rules >= 1) {
      await page.focus('#a11y button[data-action="food.match.rules_save"]');
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.keyboard.press('Enter')]);
      const saved = path.join(OUT, 'food_rules_saved.csv');
      await dl.saveAs(saved);
      const text = fs.readFileSync(saved, 'utf8');
      assert(/^label;code\r\n.+;not_food\r\n/.test(text), 'a label;code file with the assignment: ' + JSON.stringify(text.slice(0, 120)));
      const withRules = JSON.parse(execFileSync(WB, ['challenge', 'food', '--json', '--lang', 'en', '--food-rules', saved, local], { maxBuffer: 64 << 20 }).toString('utf8'));
      eq(d.mapped, withRules.food.coverage.lines_recognised, 'lines counted = the CLI with the saved rules');
      const answer = await page.evaluate(() => document.querySelector('#a11y #answer').textContent);
      eq(answer, withRules.answer.sentence, 'the answer = the CLI with the saved rules');
      assert(/of food spending\)/.test(answer), 'the answer states the share of food spending recognised: ' + answer);
      log(`  rules file: ${text.trim().split('\r\n').length - 1} rule(s); "${answer}"`);
    }
  });

  test('food: an assignment is kept with the encrypted workspace and comes back after a reload', async () => {
    const PASS = 'carottes de Nantes 2026';
    // a receipt export with a barcode column: the assignment of a line with a barcode is kept by barcode
    const csv = '\ufeffDate;Magasin;Libellé produit;Quantité;Prix;Code EAN\r\n' +
      '04/11/2024;HYPER NANTES;PATE A TART NOISET 400G;1;3,49;3017620422003\r\n' +
      '11/11/2024;PROXI REZE;ZORBLAX CROUSTI;1;2,10;3560070048786\r\n' +
      '12/11/2024;PROXI REZE;ZORBLAX CROUSTI;1;2,10;3560070048786\r\n' +
      '12/11/2024;PROXI REZE;CAROTTES 1KG;1;1,29;\r\n';
    await page.goto(h.url);
    await h.appReady();   // not openApp: it would navigate again while the page loads
    try {
      await h.dropFiles([{ name: 'achats_magasin.csv', bytes: Buffer.from(csv, 'utf8') }]);
      await waitFor(() => { const s = window.workbench.state().sources; return s.length === 1 && s[0].status === 'ready'; }, null, 60000);
      await h.openTab('food');
      await waitFor(() => { const d = window.workbench.ui().dashboards.food; return d && d.lines === 4; }, null, 30000);
      const d0 = (await ui()).dashboards.food;
      eq(d0.lines_with_barcode, 3, 'three lines with a product barcode');
      await h.turnOnWorkspace(PASS, 1);
      // the unknown product (two lines, one barcode) assigned "not food" with the mouse
      assert(await h.scrollTo('food.match.assign.0'), 'a line to check');
      await h.click('food.match.assign.0');
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, 'food_match_barcode_combo.png') });
      await h.click('food.match.assign.0.not_food');   // the popup opens up or down, wherever there is room
      await waitFor(() => window.workbench.ui().dashboards.food.lines_by_barcode === 2, null, 15000)
        .catch(async (e) => { await page.screenshot({ path: path.join(OUT, 'food_match_barcode_fail.png') }); log('  ' + JSON.stringify((await ui()).dashboards.food)); throw e; });
      const d1 = (await ui()).dashboards.food;
      eq(d1.product_rules, 1, 'one assignment');
      await page.screenshot({ path: path.join(OUT, 'food_match_barcode_assigned.png') });
      await h.waitForAsync(async () => !(await window.workbench.persist.status()).busy, null, 30000);
      const objs = await page.evaluate(async () => (await window.workbench.persist.storedBytes()).map((o) => new TextDecoder('latin1').decode(o.bytes)));
      assert(objs.length > 0 && objs.every((t) => !t.includes('EAN 3560070048786')), 'the assignment is stored encrypted');
      await h.reopenWorkspace(PASS, 1);
      await h.openTab('food');
      await waitFor(() => { const d = window.workbench.ui().dashboards.food; return d && d.lines === 4 && d.product_rules === 1; }, null, 30000);
      const back = (await ui()).dashboards.food;
      eq(back.lines_by_barcode, 2, 'both lines with that barcode decided by the kept assignment');
      eq(back.mapped, d1.mapped, 'the same lines counted as before the reload');
      log(`  barcode assignment kept across a reload: ${back.mapped}/${back.lines} counted, ${back.lines_by_barcode} by barcode`);
    } finally {
      await page.evaluate(() => window.workbench && window.workbench.persist.forget()).catch(() => {});
    }
  });
};
