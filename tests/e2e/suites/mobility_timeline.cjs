// The mobility tab's timeline (issue #18 "a time range brushed on the timeline filters the map and the
// list"): Léa's sample files (a Google Timeline of March to November 2025 and her SNCF trips), a period
// brushed with Shift + drag as a person does, then month by month with the keyboard. Every count is checked
// against SQL on the merged trips view for the period the app says it chose.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, waitFor, assert, eq, near, log, OUT, ROOT, url } = h;
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  const SAMPLES = path.join(ROOT, 'dist', 'samples');
  const LEA = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'manifest.json'), 'utf8')).personas.find((p) => p.id === 'lea').files;
  // workbench challenge mobility --json on Léa's files, with the options given
  const cliLea = (extra = []) => JSON.parse(execFileSync(WB, ['challenge', 'mobility', '--json', ...extra, ...LEA.map((f) => path.join(SAMPLES, f))],
    { maxBuffer: 64 << 20 }).toString('utf8'));
  const a11y = () => page.evaluate(() => document.getElementById('a11y').innerText);
  const tl = async () => (await h.ui()).dashboards.mobility.timeline;
  // trips starting in [a, b] (UTC seconds), all of them and those with both ends (the map draws those)
  const count = async (a, b) => (await page.evaluate((q) => window.workbench.sql(q),
    `SELECT count(*), count(*) FILTER (WHERE start_lat IS NOT NULL AND start_lon IS NOT NULL AND end_lat IS NOT NULL AND end_lon IS NOT NULL)
       FROM trips WHERE ts_start IS NOT NULL AND epoch_us(ts_start) BETWEEN ${Math.round(a * 1e6)} AND ${Math.round(b * 1e6)}`)).rows[0].map(Number);
  // the first instant of a month in Europe/Paris, UTC seconds (node's ICU, independent of the app's tz code)
  const parisMonthStart = (y, m) => {
    while (m > 12) { m -= 12; y++; }
    const guess = Date.UTC(y, m - 1, 1, 0, 0, 0);
    for (const off of [60, 120]) {
      const t = guess - off * 60000;
      const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hour12: false })
        .formatToParts(new Date(t)).reduce((o, x) => ({ ...o, [x.type]: x.value }), {});
      if (+p.year === y && +p.month === m && +p.day === 1 && +p.hour % 24 === 0) return t / 1000;
    }
    throw new Error(`no Paris midnight for ${y}-${m}`);
  };
  const parisYearMonth = (s) => {
    const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
      .formatToParts(new Date(s * 1000)).reduce((o, x) => ({ ...o, [x.type]: x.value }), {});
    return [+p.year, +p.month];
  };
  // waits until the accessible layer's period sentence gives `want` = [trips in the period, all trips]
  const periodIs = async (re, want, msg) => {
    let got = null;
    for (let i = 0; i < 100; i++) {
      const m = (await a11y()).match(re);
      got = m ? [Number(m[1].replace(/\D/g, '')), Number(m[2].replace(/\D/g, ''))] : null;
      if (got && got[0] === want[0] && got[1] === want[1]) return;
      await page.waitForTimeout(100);
    }
    throw new Error(`${msg}: expected ${JSON.stringify(want)}, the page says ${JSON.stringify(got)}`);
  };
  const FR = /Période choisie\u00a0: du [^—\n]+ — ([\d\u202f\u00a0 ]+) trajets? sur ([\d\u202f\u00a0 ]+)\./;
  const EN = /Chosen period: from [^—\n]+ — ([\d,]+) of ([\d,]+) trips\./;

  test('mobility timeline and budget: the budget = the CLI; a period brushed with Shift + drag, then month by month, filters the map\'s trips (= SQL), FR and EN', async () => {
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    await page.setViewportSize({ width: 1366, height: 768 });
    await h.click('persona.lea');
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 3 && s.every((x) => x.status === 'ready'); }, null, 120000);
    await page.evaluate(() => window.workbench.idle());
    await h.openTab('mobility');
    const [total, withEnds] = await count(-1e12, 1e12);
    await waitFor((n) => { const m = window.workbench.ui().dashboards.mobility; return m.timeline && m.timeline.trips === n; }, total, 30000);
    eq((await h.ui()).dashboards.mobility.map_lines, withEnds, 'without a period, the map draws every trip with both ends');

    // the mobility budget (bank statement + SNCF ticket prices) = workbench challenge mobility on the same files
    const plain = cliLea();   // the CLI on the same files, default options
    const want = plain.budget;
    await waitFor((t) => Math.abs(window.workbench.ui().dashboards.mobility.budget.total_eur - t) < 1e-6, want.total_eur, 30000);
    const got = (await h.ui()).dashboards.mobility.budget;
    for (const c of want.by_category) near(got.by_category[c.category], c.eur, 1e-6, `budget ${c.category} = the CLI`);
    eq(Object.keys(got.by_category).length, want.by_category.length, 'the same categories as the CLI');
    for (const c of want.cost_per_km) near(got.eur_per_km[c.mode], c.eur_per_km, 1e-9, `${c.mode} €/km = the CLI`);
    const euro = want.total_eur.toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
    assert((await a11y()).includes(`vos dépenses de transport trouvées font ${euro} €`), `the budget sentence gives ${euro} €`);
    // a payment the rules missed (the port's car park): a word of its label and its category, from the keyboard;
    // the saved rules give the CLI the same budget
    await page.focus('#a11y input[data-field="mob.rules.keyword"]');
    await page.keyboard.type('La Rochelle port');
    await page.keyboard.press('Enter');
    await waitFor(() => !!document.querySelector('#a11y button[data-action="mob.rules.add.parking"]'), null, 5000);
    await h.pressA11y('mob.rules.add.parking');
    await waitFor((t) => { const b = window.workbench.ui().dashboards.mobility.budget; return b.own_rules === 1 && b.total_eur > t + 1; }, want.total_eur, 10000);
    const rulesFile = await h.downloadByKeyboard('mob.rules.save', 'regles_mobilite.txt');
    assert(fs.readFileSync(rulesFile, 'utf8').includes('parking;LA ROCHELLE PORT'), 'the saved rule');
    const withRule = cliLea(['--mobility-rules', rulesFile]).budget;
    const mine = (await h.ui()).dashboards.mobility.budget;
    near(mine.total_eur, withRule.total_eur, 1e-6, 'with the rule: total = the CLI --mobility-rules');
    near(mine.by_category.parking, withRule.by_category.find((c) => c.category === 'parking').eur, 1e-6, 'parking = the CLI --mobility-rules');
    eq(withRule.own_rules.rules, 1, 'the CLI read one rule');
    log(`  budget ${want.total_eur.toFixed(2)} € -> ${mine.total_eur.toFixed(2)} € with "LA ROCHELLE PORT" as parking (CLI ${withRule.total_eur.toFixed(2)} €)`);
    await h.scrollTo('mob.budget', 420);
    await page.screenshot({ path: path.join(OUT, 'mobility_budget_fr.png') });
    await h.pressA11y('mob.rules.remove.0');
    await waitFor((t) => Math.abs(window.workbench.ui().dashboards.mobility.budget.total_eur - t) < 1e-6, want.total_eur, 10000);

    // carpooling: the whole car counted (the accessible checkbox, with the keyboard): the method says so, in the
    // CLI's words with --carpool-method alternative, and the exported figures carry it
    const [divided, whole] = [plain.answer, cliLea(['--carpool-method', 'alternative']).answer];
    assert(divided.method !== whole.method, 'the two methods are worded apart');
    await h.pressA11y('headline.how.mobility');
    await waitFor((m) => document.getElementById('a11y').innerText.includes(m), divided.method, 5000);
    eq(await page.evaluate(() => document.querySelector('#a11y [data-action="mob.whole_car"]').getAttribute('aria-checked')), 'false', 'not ticked at first');
    await h.pressA11y('mob.whole_car');
    await waitFor((m) => document.getElementById('a11y').innerText.includes(m), whole.method, 5000);
    eq(await page.evaluate(() => document.querySelector('#a11y [data-action="mob.whole_car"]').getAttribute('aria-checked')), 'true', 'ticked');
    eq(await page.evaluate(() => document.querySelector('#a11y #answer').textContent), whole.sentence, 'the answer = the CLI with --carpool-method alternative');
    const csvFile = await h.downloadByKeyboard('dash.export_csv', 'mobilite_chiffres_voiture_entiere.csv');
    assert(fs.readFileSync(csvFile, 'utf8').includes('toute la voiture vous est comptée'), 'the exported figures state the method');
    await h.pressA11y('mob.whole_car');
    await waitFor((m) => document.getElementById('a11y').innerText.includes(m), divided.method, 5000);

    // Shift + drag across the middle of the plot, as a person brushes
    await h.scrollTo('mob.timeline', 300);
    await page.waitForTimeout(300);
    const v = await tl();
    const [x0, y0, x1, y1] = v.plot;
    const ya = (y0 + y1) / 2, xa = x0 + 0.35 * (x1 - x0), xb = x0 + 0.6 * (x1 - x0);
    await page.mouse.click(xa, ya, { delay: 60 });   // back to the canvas from the accessible layer, as a person clicks before dragging
    await page.waitForTimeout(100);
    await page.keyboard.down('Shift');
    await page.waitForTimeout(100);   // ImGui reads the keys once a frame
    await page.mouse.down();
    await page.mouse.move(xb, ya, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await waitFor(() => window.workbench.ui().dashboards.mobility.timeline.selection, null, 5000);
    const b = await tl();
    const secPerPx = (v.t1 - v.t0) / (x1 - x0);
    const at = (x) => v.t0 + (x - x0) * secPerPx;
    assert(Math.abs(b.sel_t0 - at(xa)) < 3 * secPerPx && Math.abs(b.sel_t1 - at(xb)) < 3 * secPerPx,
      `the period is where the mouse went: ${b.sel_t0}..${b.sel_t1} vs ${at(xa)}..${at(xb)}`);
    const [n, ends] = await count(b.sel_t0, b.sel_t1);
    assert(n > 0 && n < total, `the brushed period holds some trips, not all: ${n} of ${total}`);
    await periodIs(FR, [n, total], 'the sentence says how many trips the period holds (= SQL)');
    await waitFor((k) => window.workbench.ui().dashboards.mobility.map_lines === k, ends, 5000);
    await page.screenshot({ path: path.join(OUT, 'mobility_timeline_brushed_fr.png') });

    // the keyboard: whole period again, then the first month, then the next one (a screen reader has the same buttons)
    await h.pressA11y('mob.period.all');
    await waitFor(() => !window.workbench.ui().dashboards.mobility.timeline.selection, null, 5000);
    await waitFor((k) => window.workbench.ui().dashboards.mobility.map_lines === k, withEnds, 5000);
    const first = (await page.evaluate(() => window.workbench.sql('SELECT min(epoch_us(ts_start)) FROM trips'))).rows[0][0] / 1e6;
    const [y, m] = parisYearMonth(first);
    const months = [];
    for (const [k, button] of [[0, 'mob.period.next'], [1, 'mob.period.next'], [0, 'mob.period.prev']]) {
      await h.pressA11y(`${button}`);
      const a = parisMonthStart(y, m + k), e = parisMonthStart(y, m + k + 1);
      await waitFor((a) => { const t = window.workbench.ui().dashboards.mobility.timeline; return t.selection && Math.abs(t.sel_t0 - a) < 1; }, a, 5000);
      const s = await tl();
      assert(Math.abs(s.sel_t1 - e) < 1, `the month ends at Paris midnight: ${s.sel_t1} vs ${e}`);
      const [mn, mends] = await count(a, e - 1e-3);
      await periodIs(FR, [mn, total], `month ${new Date(a * 1000 + 864e5).toISOString().slice(0, 7)}: trips (= SQL)`);
      await waitFor((k) => window.workbench.ui().dashboards.mobility.map_lines === k, mends, 5000);
      months.push(`${new Date(a * 1000 + 864e5).toISOString().slice(0, 7)}: ${mn}`);
    }
    await page.screenshot({ path: path.join(OUT, 'mobility_timeline_month_fr.png') });

    // in English, at 800 px
    await h.click('lang.en');
    await waitFor(() => window.workbench.ui().lang === 'en', null, 10000);
    await page.setViewportSize({ width: 800, height: 700 });
    await page.waitForTimeout(300);
    const s = await tl();
    await periodIs(EN, await count(s.sel_t0, s.sel_t1).then((c) => [c[0], total]), 'English: the same period and counts');
    // the wheel over the main panel until the whole timeline is in sight
    await page.mouse.move(400, 520);
    for (let i = 0; i < 60; i++) {
      const r = (await h.ui()).rects['mob.timeline'];
      if (r && r[1] >= 230 && r[3] <= 690) break;
      await page.mouse.wheel(0, !r || r[3] > 690 ? 120 : -120);
      await page.waitForTimeout(80);
    }
    await page.screenshot({ path: path.join(OUT, 'mobility_timeline_en_800.png') });
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.waitForTimeout(300);
    await h.click('lang.fr');
    await waitFor(() => window.workbench.ui().lang === 'fr', null, 10000);
    log(`  brushed: ${n}/${total} trips, ${ends} on the map; months ${months.join(', ')}`);
  });

  test('mobility compared with the territory: a city\'s aggregate file (donation format) dropped with Léa\'s; her district picked; shares = the CLI --compare', async () => {
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    await h.click('persona.lea');
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 3 && s.every((x) => x.status === 'ready'); }, null, 120000);
    // the city's file: two districts (17300, 17306) and an energy row, in the donation output's CSV
    const city = path.join(ROOT, 'tests', 'data', 'segment', 'aggregate_la_rochelle.csv');
    await h.dropFiles([{ name: 'agregat_mobilite_ville.csv', bytes: fs.readFileSync(city) }]);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 4 && s.every((x) => x.status === 'ready'); }, null, 60000);
    await h.openTab('mobility');
    await waitFor(() => /couvre 2\u00a0zones|couvre 2 zones/.test(document.getElementById('a11y').innerText), null, 30000);
    // the person types her area in the accessible field (a list on the canvas does the same)
    await page.focus('#a11y input[data-field="mob.compare.area"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('17300');
    await page.keyboard.press('Enter');
    await waitFor(() => { const c = window.workbench.ui().dashboards.mobility.compare; return c && c.found && c.area === '17300'; }, null, 10000);
    const want = cliLea(['--compare', city, '--district', '17300']).mobility.compare;
    const got = (await h.ui()).dashboards.mobility.compare;
    near(got.area_km, want.district_km, 1e-9, 'the area\'s km = the CLI');
    for (const m of want.modes) {
      near(got.shares[m.mode][0], m.user_share, 1e-9, `${m.mode}: your share = the CLI`);
      near(got.shares[m.mode][1], m.district_share, 1e-9, `${m.mode}: the area's share = the CLI`);
    }
    eq(Object.keys(got.shares).length, want.modes.length, 'the same modes as the CLI');
    const text = await a11y();
    assert(/Vous\u00a0: \d+\u00a0% de vos km en [^;]+\u202f; votre zone \(17300, 2024-03 à 2024-04, 1\u202f500\u00a0km de 315 trajets\)\u00a0: \d+\u00a0%\./.test(text),
      'the comparison sentence: ' + (text.match(/Vous\u00a0:[^\n]*/) || [''])[0]);
    await h.scrollTo('mob.compare', 450);
    await page.screenshot({ path: path.join(OUT, 'mobility_compare_fr.png') });
    log(`  area 17300: ${JSON.stringify(got.shares)}`);
  });
};
