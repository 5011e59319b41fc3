// Energy tab, "Économiser": a newer Tempo calendar dropped like a person drops files (issue 19: "the user can load
// a newer calendar file"). A load curve reaching past the shipped calendar (2025-12-01 .. 2026-02-28, hourly) goes in
// through the file input: the tariff answer read from the accessible layer (#a11y: the tariffs table and the notes)
// is that of `workbench challenge energy --json --tariffs` on the same bytes, and says 44 Tempo days have no colour.
// Then RTE's éCO2mix "Calendrier Tempo" download goes in the same way: the answer is that of
// `workbench challenge energy --json --tariffs --tempo-calendar FILE` (same merge function), names the file and its
// period, and no day is left without a colour. Screenshots in French and English, looked at.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, waitFor, assert, eq, near, log, OUT, ROOT } = h;
  const WB = process.env.WORKBENCH || path.join(ROOT, 'build', 'native', 'workbench');
  const CAL = path.join(ROOT, 'tests', 'data', 'tempo', 'eCO2mix_RTE_tempo_2025-2026.xls');
  const setLang = async (code) => { await h.click('lang.' + code); await waitFor((l) => window.workbench.ui().lang === l, code, 10000); };

  // An Enedis load curve (the customer site's CSV: PRM preamble, "Horodate;Valeur" in W, hourly), winter 2025-2026,
  // in CET all along (no DST change in that period). Deterministic.
  const makeCurve = (file) => {
    const lines = ['\ufeffIdentifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite;Pas en minutes',
      '12345678901234;Courbe de charge;01/12/2025;01/03/2026;Energie active;Consommation;Comptage Brut;W;60', 'Horodate;Valeur'];
    const p2 = (n) => String(n).padStart(2, '0');
    for (let t = Date.UTC(2025, 11, 1, 0, 0); t <= Date.UTC(2026, 1, 28, 23, 0); t += 3600e3) {
      const d = new Date(t + 3600e3);   // local time (CET = UTC+1) of the end of the hour
      const hour = d.getUTCHours();
      const w = 400 + (hour >= 18 && hour <= 21 ? 1800 : hour >= 7 && hour <= 9 ? 900 : 0) + (d.getUTCDate() % 7) * 30;
      lines.push(`${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(hour)}:00:00+01:00;${w}`);
    }
    fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  };
  const cliRun = (args) => JSON.parse(execFileSync(WB, ['challenge', 'energy', '--json', '--tariffs', ...args], { maxBuffer: 64 << 20 })
    .toString('utf8')).energy.find((e) => e.energy === 'electricity');
  // "1 752,16" (French, no-break spaces) or "1,752.16" -> 1752.16
  const num = (s, fr) => Number(String(s).replace(/[\s\u00a0\u202f]/g, '').replace(fr ? /\./g : /,/g, '').replace(',', '.'));
  // What the accessible layer says of the tariffs: the table's rows by option, and the notes.
  const readA11y = () => page.evaluate(() => {
    const t = document.querySelector('#a11y table[data-k="table:energy_save.tariffs"]');
    const rows = t ? [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)) : [];
    const notes = [...document.querySelectorAll('#a11y .k-note')].map((n) => n.textContent);
    return { rows, notes };
  });
  const compare = (a, cli, lang) => {
    const fr = lang === 'fr';
    for (const t of cli.tariffs) {
      const row = a.rows.find((r) => r[0] === t.id);
      assert(row, `the accessible table has a row for ${t.id}`);
      if (t.available) near(num(row[2], fr), t.cost_eur_per_year, 0.006, `${t.id} € per year = CLI (${lang})`);
      near(num(row[3], fr), t.kwh_hp, 0.006, `${t.id} kWh HP = CLI`);
      near(num(row[4], fr), t.kwh_hc, 0.006, `${t.id} kWh HC = CLI`);
      if (t.id === 'tempo') {
        const [b, w, r, u] = row[5].split(' / ').map((x) => num(x, fr));
        const k = t.kwh_by_colour;
        near(b, k.blue.hp + k.blue.hc, 0.02, 'Tempo blue kWh = CLI');
        near(w, k.white.hp + k.white.hc, 0.02, 'Tempo white kWh = CLI');
        near(r, k.red.hp + k.red.hc, 0.02, 'Tempo red kWh = CLI');
        near(u, k.unknown ? k.unknown.hp + k.unknown.hc : 0, 0.02, 'Tempo kWh with no colour = CLI');
      }
    }
    // the notes, word for word, in the page's language (the CLI's JSON carries both)
    const want = cli.tariff_summary.notes.map((n) => n[lang]);
    for (const w of want) assert(a.notes.includes(w), `the page says "${w}"\n  page notes: ${JSON.stringify(a.notes)}`);
  };
  const tempoNote = (a, lang) => a.notes.find((n) => n.startsWith(lang === 'fr' ? 'Couleurs Tempo' : 'Tempo colours')) || '';

  test('energy save: a dropped Tempo calendar (éCO2mix download) colours the days after the shipped one, = the CLI, FR and EN', async () => {
    await h.openApp();
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const s of (await h.st()).sources) await page.evaluate((id) => window.workbench.remove(id), s.id);
    await waitFor(() => window.workbench.state().sources.length === 0, null, 30000);
    const curve = path.join(OUT, 'Enedis_Conso_Heure_20251201-20260228_12345678901234.csv');
    makeCurve(curve);
    const cliShipped = cliRun([curve]);
    const cliFile = cliRun(['--tempo-calendar', CAL, curve]);
    eq(cliShipped.tariff_summary.tempo_unknown_days, 44, 'the CLI: 44 Tempo days after the shipped calendar');
    eq(cliFile.tariff_summary.tempo_unknown_days, 0, 'the CLI with the file: every day coloured');
    // the same through a calendar among the files (no option): one merge rule
    eq(JSON.stringify(cliRun([curve, CAL]).tariffs), JSON.stringify(cliFile.tariffs), 'calendar as a file = --tempo-calendar');

    // the curve alone, through the file input
    await setLang('fr');
    await page.setInputFiles('#file-input', curve);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 1 && s[0].status === 'ready'; }, null, 60000);
    await page.evaluate(() => window.workbench.idle());
    await h.openTab('energy');
    await waitFor(() => !!document.querySelector('#a11y table[data-k="table:energy_save.tariffs"]'), null, 60000);
    let a = await readA11y();
    compare(a, cliShipped, 'fr');
    assert(a.notes.some((n) => n.startsWith('44 jour(s) Tempo de la courbe sans couleur connue')), 'the 44 days without a colour are said');

    // the calendar, through the file input like a person
    await page.setInputFiles('#file-input', CAL);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 2 && s.every((x) => x.status === 'ready'); }, null, 60000);
    const src = (await h.st()).sources.find((s) => s.name === path.basename(CAL));
    eq(src.format, 'tempo', 'the éCO2mix download is recognised as a Tempo calendar');
    await page.evaluate(() => window.workbench.idle());
    await waitFor((n) => [...document.querySelectorAll('#a11y .k-note')].some((x) => x.textContent.includes(n)), path.basename(CAL), 30000);
    a = await readA11y();
    compare(a, cliFile, 'fr');
    assert(!a.notes.some((n) => n.includes('sans couleur connue')), 'no day left without a colour');
    log('  ' + tempoNote(a, 'fr'));
    assert(await h.scrollTo('energy_save.notes', 700), 'the notes are on screen');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'energy_save_tempo_file_fr.png') });

    await setLang('en');
    await waitFor(() => [...document.querySelectorAll('#a11y .k-note')].some((x) => x.textContent.startsWith('Tempo colours')), null, 10000);
    a = await readA11y();
    compare(a, cliFile, 'en');
    log('  ' + tempoNote(a, 'en'));
    assert(await h.scrollTo('energy_save.notes', 700), 'the notes are on screen');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'energy_save_tempo_file_en.png') });

    // removing the calendar brings the shipped one back, unknown days said again
    await page.evaluate((id) => window.workbench.remove(id), src.id);
    await waitFor(() => [...document.querySelectorAll('#a11y .k-note')].some((x) => x.textContent.startsWith('44 Tempo day(s)')), null, 30000);
    compare(await readA11y(), cliShipped, 'en');
    log(`  Tempo per year: ${cliShipped.tariffs.find((t) => t.id === 'tempo').cost_eur_per_year} € with the shipped calendar (44 days priced blue), ` +
        `${cliFile.tariffs.find((t) => t.id === 'tempo').cost_eur_per_year} € with the dropped file`);
    await setLang('fr');
    await page.setViewportSize({ width: 1280, height: 760 });
  });
};
