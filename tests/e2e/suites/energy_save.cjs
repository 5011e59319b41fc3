// Energy tab, "Économiser / Save money" (issue 19) on the Martins persona at 1366×768, French then English,
// with screenshots: the section is drawn (tariff table, bar chart, solar figures, day-profile chart), and the
// figures exported as CSV are those of `workbench challenge energy --json --tariffs --pv-kwc 3` on the very bytes
// the page loaded (same core functions): cost per year per option, Tempo kWh by colour, solar production.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, ui, waitFor, assert, eq, near, log, OUT, ROOT } = h;
  const WB = process.env.WORKBENCH || path.join(ROOT, 'build', 'native', 'workbench');
  const setLang = async (code) => { await h.click('lang.' + code); await waitFor((l) => window.workbench.ui().lang === l, code, 10000); };
  const num = (s) => Number(String(s).replace(',', '.'));

  test('energy save: the Martins, tariffs and solar drawn in FR and EN, exported figures = the CLI', async () => {
    await h.openApp();
    await page.setViewportSize({ width: 1366, height: 768 });
    const manifest = JSON.parse(await page.evaluate(() => fetch('samples/manifest.json').then((r) => r.text())));
    const file = manifest.personas.find((p) => p.id === 'martin').files.find((f) => /Enedis_Conso_Heure/.test(f));
    assert(file, 'the Martins have a Linky load curve');
    const b64 = await page.evaluate((u) => fetch('samples/' + u).then((r) => r.arrayBuffer()).then((a) => {
      let s = ''; const v = new Uint8Array(a); for (let i = 0; i < v.length; i += 32768) s += String.fromCharCode.apply(null, v.subarray(i, i + 32768)); return btoa(s);
    }), file);
    const local = path.join(OUT, 'energy_save_' + path.basename(file));
    fs.writeFileSync(local, Buffer.from(b64, 'base64'));
    const cli = JSON.parse(execFileSync(WB, ['challenge', 'energy', '--json', '--tariffs', '--pv-kwc', '3', local], { maxBuffer: 64 << 20 })
      .toString('utf8')).energy.find((e) => e.energy === 'electricity');
    assert(cli.tariffs && cli.solar, 'the CLI reports energy[].tariffs and energy[].solar');

    const before = (await h.st()).sources;
    if (!before.some((x) => x.sample && x.sample.id === 'martin')) await page.evaluate((p) => window.workbench.loadPersona(p), 'martin');
    await waitFor(() => { const s = window.workbench.state().sources; return s.length > 0 && s.every((x) => ['ready', 'error'].includes(x.status)); }, null, 120000);
    await page.evaluate(() => window.workbench.idle());

    for (const lang of ['fr', 'en']) {
      await setLang(lang);
      await h.click('tab.energy');
      await waitFor(() => window.workbench.ui().tab === 'energy', null, 10000);
      // scroll down to the section, then take the pictures (table + bars, then solar)
      assert(await h.scrollTo('energy_save.title', 120), 'the savings section is reachable by scrolling');
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(OUT, `energy_save_tariffs_${lang}.png`) });
      for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, 200); await page.waitForTimeout(60); }
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(OUT, `energy_save_solar_${lang}.png`) });
      for (const k of ['energy_save.table', 'energy_save.bars', 'energy_save.solar_figures', 'energy_save.day_chart'])
        assert(await h.scrollTo(k), k + ' drawn');
    }

    // the figures as CSV (English: ',' separated, '.' decimals) against the CLI
    assert(await h.scrollTo('energy_save.export_csv'), 'export button reachable');
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), h.click('energy_save.export_csv')]);
    const csvPath = path.join(OUT, 'energy_save_figures.csv');
    await dl.saveAs(csvPath);
    const bytes = fs.readFileSync(csvPath);
    eq(bytes.slice(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM');
    const rows = bytes.toString('utf8').slice(1).trim().split('\n').map((l) => l.split(','));
    for (const t of cli.tariffs) {
      const row = rows.find((x) => x[0] === t.id);
      assert(row, 'CSV row ' + t.id);
      if (t.available) near(num(row[2]), t.cost_eur_per_year, 0.01, t.id + ' cost per year = CLI');
      near(num(row[3]), t.kwh_hp, 0.01, t.id + ' kWh HP = CLI');
    }
    const tempo = cli.tariffs.find((t) => t.id === 'tempo');
    for (const c of ['blue', 'white', 'red']) near(num(rows.find((x) => x[0] === c)[1]), tempo.kwh_by_colour[c].hp, 0.01, c + ' HP kWh = CLI');
    near(num(rows.find((x) => x[0] === 'production_kwh')[1]), cli.solar.production_kwh, 0.01, 'solar production = CLI');
    near(num(rows.find((x) => x[0] === 'self_consumed_kwh')[1]), cli.solar.self_consumed_kwh, 0.01, 'self-consumed = CLI');
    log(`  best ${cli.best}, saving ${cli.saving_eur_per_year} €/yr; solar 3 kWc: ${cli.solar.production_kwh} kWh, ` +
        `${Math.round(100 * cli.solar.self_consumption_rate)} % self-consumed, payback ${cli.solar.payback_years} years`);
    await page.setViewportSize({ width: 1280, height: 760 });
  });
};
