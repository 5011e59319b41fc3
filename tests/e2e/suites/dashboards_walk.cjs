// Every dashboard opened on the sample personas in French and in English, as a person would (clicking the
// tabs), with screenshots; the figures on screen are checked against `workbench challenge --json` (the
// same core functions, natively, on the same sample files) and against SQL over the merged views. Then
// the dashboards' exports: figures as CSV (bytes checked), the chart as SVG titled with the answer and PNG.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, ui, st, waitFor, assert, eq, near, log, OUT, ROOT } = h;
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  const SAMPLES = path.join(ROOT, 'dist', 'samples');
  const challenge = (id, files, extra = []) => JSON.parse(execFileSync(WB, ['challenge', id, '--json', ...extra, ...files.map((f) => path.join(SAMPLES, f))],
    { maxBuffer: 64 << 20 }).toString('utf8'))[id];
  const tab = async (id) => {
    await h.click('tab.' + id);
    await waitFor((i) => window.workbench.ui().tab === i, id, 10000);
  };
  const setLang = async (code) => {
    await h.click('lang.' + code);
    await waitFor((l) => window.workbench.ui().lang === l, code, 10000);
  };
  const ensurePersonas = async () => {   // also when run alone (--only): open the app first
    await h.openApp();
    const s = await st();
    for (const id of ['martin', 'lea', 'noah'])
      if (!s.sources.some((x) => x.sample && x.sample.id === id)) await page.evaluate((p) => window.workbench.loadPersona(p), id);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length >= 8 && s.every((x) => ['ready', 'error'].includes(x.status)); }, null, 120000);
    await page.evaluate(() => window.workbench.idle());
  };

  test('every dashboard opens on the personas in French and English; figures = the CLI\'s', async () => {
    await ensurePersonas();
    const files = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'manifest.json'), 'utf8'));
    const of = (persona) => files.personas.find((p) => p.id === persona).files;
    const energies = challenge('energy', of('martin'));   // one result per energy: electricity, gas
    const cli = {
      energy: energies.find((e) => e.energy === 'electricity'),
      gas: energies.find((e) => e.energy === 'gas'),
      food: challenge('food', of('martin')),
      mobility: challenge('mobility', of('lea')),
      budget: challenge('budget', of('lea')),
      footprint: challenge('footprint', of('noah')),
    };
    const checks = {
      energy: (d, all) => {
        near(d.kwh, cli.energy.total_kwh, 1e-6, 'energy kWh = CLI');
        assert(cli.gas, 'the Martins have GRDF gas');
        near(all.gas.kwh, cli.gas.total_kwh, 1e-6, 'gas kWh = CLI');
        near(all.gas.cost_eur, cli.gas.total_cost_eur, 1e-6, 'gas cost with the gas tariff = CLI');
      },
      food: (d) => { near(d.kgco2e, cli.food.total_kgco2e, 1e-6, 'food kgCO2e = CLI'); near(d.kg, cli.food.total_kg, 1e-6, 'food kg = CLI'); },
      mobility: (d) => { near(d.km, cli.mobility.total_km, 1e-6, 'km = CLI'); near(d.kgco2e, cli.mobility.total_kgco2e, 1e-6, 'kgCO2e = CLI'); },
      budget: (d) => { near(d.income, cli.budget.income, 1e-6, 'income = CLI'); near(d.spending, cli.budget.spending, 1e-6, 'spending = CLI');
                       eq(d.uncategorised, cli.budget.uncategorised, 'uncategorised = CLI'); },
      learning: (d) => {   // the pupil picked in the app, computed by the CLI for that actor
        const c = challenge('learning', of('noah'), ['--actor', d.actor]);
        eq(d.statements, c.statements, 'learning statements of ' + d.actor + ' = CLI');
        near(d.seconds, c.total_seconds, 1e-6, 'learning seconds = CLI');
      },
      footprint: (d) => { eq(d.events, cli.footprint.events, 'footprint events = CLI'); eq(d.night, cli.footprint.night_events, 'night events = CLI'); },
    };
    const ready = { energy: 'days', food: 'lines', mobility: 'trips', budget: 'months', learning: 'statements', footprint: 'events' };
    const views = (await st()).views || [];
    for (const lang of ['fr', 'en']) {
      await setLang(lang);
      for (const id of ['mobility', 'energy', 'food', 'learning', 'budget', 'footprint']) {
        await tab(id);
        const hasData = id !== 'footprint' || views.includes('activity');
        if (hasData) {
          // the dashboard's count field (ready below) becomes > 0 once its data is in
          await waitFor(([i, k]) => { const d = window.workbench.ui().dashboards[i]; return !!d && d[k] > 0; }, [id, ready[id]], 30000);
          if (id === 'energy') await waitFor(() => window.workbench.ui().dashboards.gas.days > 0, null, 30000);
          checks[id]((await ui()).dashboards[id], (await ui()).dashboards);
        }
        await page.waitForTimeout(250);
        const shot = path.join(OUT, `walk_${lang}_${id}.png`);
        await page.screenshot({ path: shot });
      }
    }
    // learning: the pupil's own statements only, as SQL says
    const lr = (await ui()).dashboards.learning;
    const q = await page.evaluate((a) => window.workbench.sql(`SELECT count(*) FROM learning_statements WHERE actor = '${a.replace(/'/g, "''")}'`), lr.actor);
    eq(lr.statements, q.rows[0][0], 'learning: the chosen pupil\'s statements');
    await setLang('fr');
    // places: Léa's visits gathered into places, every visit counted once
    const pl = await page.evaluate(() => window.workbench.sql(
      'SELECT (SELECT count(*) FROM places), (SELECT sum(visits) FROM places), (SELECT count(*) FROM visits WHERE lat IS NOT NULL AND lon IS NOT NULL)'));
    const [nPlaces, nVisitsInPlaces, nVisits] = pl.rows[0].map(Number);
    eq(nVisitsInPlaces, nVisits, 'places hold every located visit once');
    assert(nPlaces > 3 && nPlaces < nVisits, `visits gathered into fewer places (${nPlaces} places for ${nVisits} visits)`);
    const top = await page.evaluate(() => window.workbench.sql('SELECT name, visits, round(hours) FROM places ORDER BY hours DESC LIMIT 3'));
    log('  places: ' + nPlaces + ' for ' + nVisits + ' visits; most time: ' + top.rows.map((r) => `${r[0]} (${r[1]} visits, ${r[2]} h)`).join(', '));
  });

  test('dashboard exports: figures as CSV for French spreadsheets, the chart as SVG and PNG', async () => {
    await ensurePersonas();
    await tab('food');
    await waitFor(() => window.workbench.ui().dashboards.food.lines > 0, null, 30000);
    const food = (await ui()).dashboards.food;
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), h.click('dash.export_csv')]);
    const csvPath = path.join(OUT, 'food_figures.csv');
    await dl.saveAs(csvPath);
    const bytes = fs.readFileSync(csvPath);
    eq(bytes.slice(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).trim().split('\n');
    eq(lines[0], 'mois;kg;kg CO₂e;lignes', 'French header with ; and the unit as people write it');
    let sum = 0, i = 1;
    for (; i < lines.length && /^\d{4}-\d{2};/.test(lines[i]); i++) sum += Number(lines[i].split(';')[2].replace(',', '.'));
    assert(i > 1, 'month rows');
    near(sum, food.kgco2e, 0.01, 'months in the CSV add up to the total on screen');
    // the chart alone as a picture: an SVG whose title is the stated answer, and a PNG drawn from it
    const downloads = [];
    const onDl = (d) => downloads.push(d);
    page.on('download', onDl);
    await h.click('dash.export_png');
    await waitFor(() => (window.workbench.state().saved || []).some((s) => /\.png$/.test(s.file)), null, 15000);
    for (let t = 0; downloads.length < 2 && t < 50; t++) await page.waitForTimeout(100);
    page.off('download', onDl);
    const byExt = Object.fromEntries(downloads.map((d) => [d.suggestedFilename().split('.').pop(), d]));
    assert(byExt.svg && byExt.png, 'an SVG and a PNG were downloaded: ' + downloads.map((d) => d.suggestedFilename()));
    const svgPath = path.join(OUT, 'food_chart.svg'), pngPath = path.join(OUT, 'food_chart.png');
    await byExt.svg.saveAs(svgPath);
    await byExt.png.saveAs(pngPath);
    const svgText = fs.readFileSync(svgPath, 'utf8');
    const answer = await page.evaluate(() => document.querySelector('#a11y #answer')?.textContent || '');
    assert(answer.length > 20, 'the dashboard states its answer in the accessible layer: ' + answer);
    assert(svgText.includes(`<title id="t">${answer.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')}</title>`),
      'the picture is titled with the answer on screen');
    assert(/kg CO₂e/.test(svgText) && /Agribalyse/.test(svgText), 'unit and source in the picture');
    const bars = (svgText.match(/<rect x=/g) || []).length;
    eq(bars, food.top, 'one bar per food in the top list');
    const png = fs.readFileSync(pngPath);
    eq(png.slice(1, 4).toString('latin1'), 'PNG', 'a PNG file');
    const w = png.readUInt32BE(16), hgt = png.readUInt32BE(20);
    eq(w + '×' + hgt, '1920×1080', 'the PNG is the 960×540 picture at twice the pixels');
    assert(png.length > 20000, 'picture has content: ' + png.length + ' bytes');
    log(`  food CSV ${bytes.length} bytes, PNG ${w}×${hgt} ${png.length} bytes`);
    await tab('sql');
  });
};
