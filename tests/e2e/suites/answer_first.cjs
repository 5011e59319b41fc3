// The journey a newcomer makes, read as a person or a screen reader gets it: drop one's own exports and
// the answers open by themselves; every step reachable from the keyboard alone; no serious accessibility
// violation (axe-core) on the start page, a dashboard and the donation window; the screens in French
// and English at 800, 1366 and 1920 px wide, saved for review (build/e2e/journey_*.png).
// Answers are read from the accessible DOM layer (#a11y), not from the test API, and compared with what
// `workbench challenge` (the same core code, natively) says on the same files.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, st, waitFor, assert, eq, log, OUT, ROOT, url } = h;
  const DATA = path.join(ROOT, 'tests', 'data');
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  // Real-shaped exports: a Takeout under its French folder names, a Linky load curve across the spring
  // DST change, a bank's SGML OFX declared Windows-1252.
  const FILES = {
    google: 'google/Historique des positions/Semantic Location History/2023/2023_OCTOBRE.json',
    linky: 'enedis/courbe_de_charge_printemps.csv',
    bank: 'ofx/releve_sgml_1252.ofx',
  };
  const file = (rel) => ({ name: path.basename(rel), bytes: fs.readFileSync(path.join(DATA, rel)) });
  const cli = (id, rel, lang = 'fr') => {
    const out = JSON.parse(execFileSync(WB, ['challenge', id, '--json', '--lang', lang, path.join(DATA, rel)], { maxBuffer: 64 << 20 }).toString('utf8'));
    return id === 'energy' ? out.energy.find((e) => e.energy === 'electricity').answer.sentence : out.answer.sentence;
  };
  const selectedTab = () => page.evaluate(() => (document.querySelector('#a11y [role=tab][aria-selected=true]') || {}).textContent || '');
  const fresh = async () => {   // a newcomer's first visit: a page with nothing loaded
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    await waitFor(() => document.querySelectorAll('#a11y button').length > 5, null, 20000);
  };
  const allIn = (n) => waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.every((x) => ['ready', 'error'].includes(x.status)); }, n, 60000);
  // Tab through the page until the focused control's text matches `re` (what a keyboard user does).
  const tabTo = async (re, max = 120) => {
    const seen = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const t = await page.evaluate(() => { const e = document.activeElement; return e && e.closest('#a11y') ? (e.getAttribute('aria-label') || (e.closest('label') || e).textContent) : ''; });
      seen.push(t);
      if (re.test(t)) return i + 1;
    }
    throw new Error(`Tab never reached ${re}; focus went through: ${seen.filter(Boolean).slice(0, 40).join(' | ')}`);
  };

  test('answer first: one drop of a Google export, a Linky curve and a bank OFX answers three questions, no click', async () => {
    await fresh();
    eq(await selectedTab(), 'Accueil', 'a newcomer lands on Home, not in an SQL editor');
    await h.dropFiles([file(FILES.google), file(FILES.linky), file(FILES.bank)]);
    await allIn(3);
    // one drop answering three questions: Home lists each answer under its question
    await waitFor(() => document.querySelectorAll('#a11y .k-answer').length >= 3, null, 30000);
    eq(await selectedTab(), 'Accueil', 'several answers at once: Home shows them together');
    const answers = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#a11y [role=group]')]
      .filter((g) => g.querySelector('.k-answer')).map((g) => [g.dataset.k, g.querySelector('.k-answer').textContent])));
    log('  ' + JSON.stringify(answers));
    const mob = answers['region:question.mobility'], en = answers['region:question.energy'], bank = answers['region:question.budget'];
    assert(mob && en && bank, 'an answer under the mobility, energy and money questions: ' + Object.keys(answers));
    // each states its period and its figure with the unit, in French typography (decimal comma, no-break space)
    assert(/^Le 29 octobre 2023 /.test(mob) && /km et émet 0,\d\u00a0kg CO₂e\.$/.test(mob), 'mobility: day, km, CO₂: ' + mob);
    assert(/^Du 25 mars au 27 mars 2023 \(3\u00a0jours\)/.test(en) && /\d+\u00a0kWh d’électricité/.test(en), 'energy: period and kWh: ' + en);
    assert(/^En janvier 2025, 197,49\u00a0€ sont sortis/.test(bank) && /«\u00a0Autres\u00a0»/.test(bank), 'money: month, amount, category in words: ' + bank);
    // the same sentences as the CLI computes with the same core code
    eq(mob, cli('mobility', FILES.google), 'mobility answer = workbench challenge mobility');
    eq(en, cli('energy', FILES.linky), 'energy answer = workbench challenge energy');
    eq(bank, cli('budget', FILES.bank), 'budget answer = workbench challenge budget');
    await page.screenshot({ path: path.join(OUT, 'journey_home_answers_fr.png') });
    // "Voir la réponse" under the energy question, with the keyboard: the dashboard opens on that answer
    await page.focus('#a11y [data-k="region:question.energy"] button[data-action="home.answer.energy"]');
    await page.keyboard.press('Enter');
    await waitFor(() => ((document.querySelector('#a11y [role=tab][aria-selected=true]') || {}).textContent) === 'Énergie', null, 10000);
    await waitFor(() => !!document.querySelector('#a11y #answer'), null, 10000);
    eq(await page.evaluate(() => document.querySelector('#a11y #answer').textContent), en, 'the dashboard states the same answer as Home');
    // a later drop of one file opens its own answer
    await h.dropFiles([{ name: 'releve_2025.csv', bytes: fs.readFileSync(path.join(DATA, 'bank', 'banque_postale.csv')) }]);
    await allIn(4);
    await waitFor(() => ((document.querySelector('#a11y [role=tab][aria-selected=true]') || {}).textContent) === 'Budget', null, 15000);
  });

  test('keyboard only: Tab reaches "Ouvrir des fichiers", a persona, a dashboard tab and an export; Enter uses them', async () => {
    await fresh();
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    // 1. open files: the browser's file chooser appears, the person picks their Linky file
    const chooserP = page.waitForEvent('filechooser', { timeout: 30000 });   // listening before the key (interception is set up asynchronously)
    await tabTo(/^Ouvrir des fichiers…$/);
    assert(await page.evaluate(() => !document.getElementById('a11y-ring').hidden), 'the focused control is outlined on the canvas');
    await page.keyboard.press('Enter');
    const chooser = await chooserP;
    await chooser.setFiles(path.join(DATA, FILES.linky));
    await allIn(1);
    await waitFor(() => ((document.querySelector('#a11y [role=tab][aria-selected=true]') || {}).textContent) === 'Énergie', null, 20000);
    // 2. a dashboard tab: back to Home
    await tabTo(/^Accueil$/);
    await page.keyboard.press('Enter');
    await waitFor(() => ((document.querySelector('#a11y [role=tab][aria-selected=true]') || {}).textContent) === 'Accueil', null, 10000);
    // 3. a persona, by name
    await tabTo(/^Famille Martin, Nantes — /);
    await page.keyboard.press('Enter');
    await allIn(4);
    await waitFor(() => ((document.querySelector('#a11y [role=tab][aria-selected=true]') || {}).textContent) === 'Énergie', null, 30000);
    await waitFor(() => !!document.querySelector('#a11y #answer'), null, 20000);
    // 4. an export: the figures as CSV
    await tabTo(/^Exporter les chiffres/);
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.keyboard.press('Enter')]);
    assert(/\.csv$/.test(dl.suggestedFilename()), 'a CSV was saved: ' + dl.suggestedFilename());
    const saved = path.join(OUT, 'keyboard_export.csv');
    await dl.saveAs(saved);
    assert(fs.readFileSync(saved, 'utf8').includes('kWh'), 'the saved figures are the energy dashboard\'s');
  });

  test('"Essayer avec un exemple" under a question opens that question\'s answer, not the persona\'s default', async () => {
    await fresh();
    await h.click('persona.martin.food');   // the Martins' default is energy; the card asked about food
    await allIn(3);
    await waitFor(() => ((document.querySelector('#a11y [role=tab][aria-selected=true]') || {}).textContent) === 'Alimentation', null, 30000);
    await waitFor(() => /achats alimentaires/.test((document.querySelector('#a11y #answer') || {}).textContent || ''), null, 30000);
    await page.waitForTimeout(1500);   // later state pushes (files done) do not move the person elsewhere
    eq(await selectedTab(), 'Alimentation', 'still on the food answer once every file is in');
  });

  test('a price typed the French way ("0,3") is read as 0.30 €/kWh and the cost follows', async () => {
    await fresh();
    await h.dropFiles([file(FILES.linky)]);
    await allIn(1);
    await waitFor(() => window.workbench.ui().tab === 'energy' && window.workbench.ui().dashboards.energy.kwh > 0, null, 30000);
    const before = (await h.ui()).dashboards.energy;
    await h.click('dash.energy.price');
    await page.keyboard.press('Control+A', { delay: 60 });
    await h.typeText('0,3');
    await page.keyboard.press('Enter', { delay: 60 });
    await waitFor(() => Math.abs(window.workbench.ui().dashboards.energy.price_eur_kwh - 0.3) < 1e-6, null, 10000);
    const after = (await h.ui()).dashboards.energy;
    // the subscription is unchanged: the cost moves by kWh × the price difference
    const moved = after.cost_eur - before.cost_eur, want = after.kwh * (0.3 - before.price_eur_kwh);
    assert(Math.abs(moved - want) < 0.01, `cost moved by ${moved} €, kWh × Δprice = ${want} € (${before.price_eur_kwh} -> 0,3 €/kWh)`);
    // the same field from the accessible layer: it shows the price the French way, and takes an edit
    const shown = await page.evaluate(() => { const i = document.querySelector('#a11y input[data-field^="number."]'); return i ? i.value : null; });
    assert(/^0,3(000)?$/.test(shown), 'the accessible field shows the price with a decimal comma: ' + shown);
    await page.focus('#a11y input[data-field^="number."]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0,2');
    await page.keyboard.press('Enter');
    await waitFor(() => Math.abs(window.workbench.ui().dashboards.energy.price_eur_kwh - 0.2) < 1e-6, null, 10000);
    log(`  price field: ${before.price_eur_kwh} -> ${after.price_eur_kwh} €/kWh, cost ${before.cost_eur.toFixed(2)} -> ${after.cost_eur.toFixed(2)} €; then 0,2 from the accessible field`);
  });

  test('keyboard and screen reader: a donation prepared, read row by row and saved without the mouse', async () => {
    await fresh();
    await h.click('persona.lea');
    await allIn(3);
    await waitFor(() => !!document.querySelector('#a11y #answer'), null, 30000);
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await tabTo(/^Faire un don$/);
    await page.keyboard.press('Enter');
    await waitFor(() => !!document.querySelector('#a11y [role=dialog]'), null, 10000);
    // the purpose is a real text field in the accessible layer: typed, then Enter
    await tabTo(/^Finalité du don/);
    await page.keyboard.type('Plan vélo de La Rochelle', { delay: 5 });
    await page.keyboard.press('Enter');
    await waitFor(() => { const d = window.workbench.ui().donation; return d.ready && d.manifest.includes('Plan vélo de La Rochelle'); }, null, 30000);
    // what would be shared, as a screen reader reads it: every row of the file, in a table
    const d = (await h.ui()).donation;
    const rows = await page.evaluate(() => { const t = [...document.querySelectorAll('#a11y [role=dialog] table')].find((x) => /Lignes exactes|exact rows/.test(x.caption.textContent)); return t ? [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent).join(',')) : null; });
    assert(rows, 'the rows are a table in the dialog');
    const lines = d.data.trim().split('\n').slice(1);
    eq(rows.length, lines.length, 'one table row per line of the file');
    eq(rows.join('\n'), lines.join('\n'), 'the table holds exactly the bytes that would be given');
    const downloads = [];
    const onDl = (x) => downloads.push(x.suggestedFilename());
    page.on('download', onDl);
    await tabTo(/^Télécharger le fichier du don$/);
    await page.keyboard.press('Enter');
    for (let t = 0; downloads.length < 2 && t < 100; t++) await page.waitForTimeout(100);
    page.off('download', onDl);
    assert(downloads.some((x) => /\.csv$/.test(x)) && downloads.some((x) => /\.json$/.test(x)), 'data and manifest saved: ' + downloads);
    await page.focus('#a11y button[data-action="donate.close"]');
    await page.keyboard.press('Enter');
    await waitFor(() => !window.workbench.ui().donation.open, null, 5000);
    log(`  donation by keyboard: ${rows.length} rows read, ${downloads.join(' + ')}`);
  });

  test('axe-core: no serious or critical accessibility violation on Home, a dashboard and the donation window', async () => {
    await fresh();
    await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));   // evaluated in the page, not fetched
    const audit = async (where) => {
      const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      log(`  axe on ${where}: ${r.violations.length} violations, ${bad.length} serious or critical`);
      for (const v of r.violations) log(`    ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
      eq(bad.map((v) => v.id).join(','), '', `serious or critical violations on ${where}`);
    };
    await audit('Home');
    await h.click('persona.lea');
    await allIn(3);
    await waitFor(() => !!document.querySelector('#a11y #answer'), null, 30000);
    await audit('the mobility dashboard');
    await h.click('menu.donate');
    await waitFor(() => { const d = window.workbench.ui().donation; return d.open && d.ready; }, null, 60000);
    await audit('the donation window');
  });

  test('screens in French and English at 800, 1366 and 1920 px: the answer stays whole and readable', async () => {
    await fresh();
    await h.click('persona.lea');
    await allIn(3);
    const vp = page.viewportSize();
    try {
      for (const w of [800, 1366, 1920]) {
        await page.setViewportSize({ width: w, height: w === 800 ? 600 : w === 1366 ? 768 : 1080 });
        // the canvas follows the window; widgets are laid out again on the next frames
        await waitFor((w) => document.getElementById('canvas').width === w, w, 10000);
        await page.waitForTimeout(500);
        for (const lang of ['fr', 'en']) {
          await h.click('lang.' + lang);
          await waitFor((l) => window.workbench.ui().lang === l, lang, 10000).catch(async () => {
            throw new Error(`the ${lang.toUpperCase()} button at ${w} px did not switch the language (rect ${(await h.ui()).rects['lang.' + lang]})`);
          });
          await page.waitForTimeout(400);
          const answer = await page.evaluate(() => (document.querySelector('#a11y #answer') || {}).textContent || '');
          assert(answer.length > 30, `an answer at ${w} px in ${lang}: ${answer}`);
          const r = (await h.ui()).rects['headline.mobility'];
          assert(r && r[2] <= w && r[0] >= 0, `the answer fits the width at ${w} px: ${r}`);
          await page.screenshot({ path: path.join(OUT, `journey_mobility_${lang}_${w}.png`) });
        }
      }
    } finally {
      await page.setViewportSize(vp);
      await h.click('lang.fr');
    }
  });
};
