// "Ce que mes données disent de moi" in the browser, as a person uses it: each persona loaded with one
// click, the tab opened by clicking it, in French and English. What the tab says is read from the
// accessible layer (#a11y) and compared with `workbench reveal --json` (the same core code, natively):
// the holders, every inference sentence; sensitive inferences stay hidden until asked and confirmed; the
// one-page summary is a file of its own; "forget this source" removes the file and what it revealed.
// Screenshots: build/e2e/reveal_<persona>_<lang>.png.
// Classroom mode (?classe): the sample people only — a file chosen or dropped is refused, said in words
// (screen readers too), nothing loaded; a persona still answers.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, waitFor, assert, eq, log, OUT, ROOT, url } = h;
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  const SAMPLES = path.join(ROOT, 'dist', 'samples');
  const manifest = () => JSON.parse(fs.readFileSync(path.join(SAMPLES, 'manifest.json'), 'utf8'));
  const cli = (files, extra = []) => JSON.parse(execFileSync(WB, ['reveal', '--json', ...extra, ...files.map((f) => path.join(SAMPLES, f))],
    { maxBuffer: 64 << 20 }).toString('utf8'));
  const a11y = () => page.evaluate(() => document.getElementById('a11y').innerText);
  const fresh = async () => {
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
  };
  const openReveal = async () => {
    await h.click('tab.reveal');
    await waitFor(() => window.workbench.ui().tab === 'reveal', null, 10000);
    await waitFor(() => window.workbench.ui().dashboards.reveal.computed, null, 60000);
    await page.waitForTimeout(300);
  };
  const setLang = async (code) => {
    await h.click('lang.' + code);
    await waitFor((l) => window.workbench.ui().lang === l, code, 10000);
    await page.waitForTimeout(300);
  };

  test('reveal: each persona, French and English, says what the CLI says; sensitive inferences only on request', async () => {
    for (const p of manifest().personas) {
      await fresh();
      await h.click('persona.' + p.id);
      await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.every((x) => ['ready', 'error'].includes(x.status)); }, p.files.length, 120000);
      await openReveal();
      const want = cli(p.files, ['--sensitive']);
      const r = (await h.ui()).dashboards.reveal;
      eq(JSON.stringify(r.holders), JSON.stringify(want.sources.map((s) => s.holder_en)), `${p.id}: holders = the CLI's`);
      const open = want.inferences.filter((x) => !x.sensitive), sensitive = want.inferences.filter((x) => x.sensitive);
      eq(JSON.stringify(r.kinds), JSON.stringify(open.map((x) => x.kind)), `${p.id}: inferences shown = the CLI's non-sensitive ones`);
      for (const lang of ['fr', 'en']) {
        await setLang(lang);
        const text = await a11y();
        for (const s of want.sources) assert(text.includes(s[`holder_${lang}`]), `${p.id} ${lang}: holder "${s[`holder_${lang}`]}" in the accessible layer`);
        for (const x of open) assert(text.includes(x[`text_${lang}`]), `${p.id} ${lang}: inference "${x[`text_${lang}`]}" in the accessible layer`);
        for (const x of sensitive) assert(!text.includes(x[`text_${lang}`]), `${p.id} ${lang}: sensitive "${x.kind}" hidden until asked`);
        const rows = await page.evaluate(() => { const t = [...document.querySelectorAll('#a11y table')].find((t) => /Qui détient quoi|Who holds what/.test(t.caption.textContent)); return t ? t.tBodies[0].rows.length : -1; });
        eq(rows, want.sources.length, `${p.id} ${lang}: the inventory is a table with one row per source`);
        await page.screenshot({ path: path.join(OUT, `reveal_${p.id}_${lang}.png`) });
      }
      await setLang('fr');
      if (sensitive.length) {   // asked, warned, confirmed: then shown, with their [sensible] mark
        await h.scrollTo('reveal.sensitive', page.viewportSize().height - 60);   // at the bottom of the tab
        await h.click('reveal.sensitive');
        await waitFor(() => /vérifiez que personne ne regarde/.test(document.getElementById('a11y').innerText), null, 5000);
        assert(!(await a11y()).includes(sensitive[0].text_fr), 'not shown before the confirmation');
        await h.scrollTo('reveal.sensitive.confirm', page.viewportSize().height - 60);
        await h.click('reveal.sensitive.confirm');
        await waitFor((t) => document.getElementById('a11y').innerText.includes(t), sensitive[0].text_fr, 5000);
        eq((await h.ui()).dashboards.reveal.kinds.length, want.inferences.length, `${p.id}: every inference once confirmed`);
        log(`  ${p.id}: ${sensitive.length} sensitive inference(s) shown after the confirmation`);
      }
      log(`  ${p.id}: ${want.sources.length} sources, ${open.length} inferences (+${sensitive.length} sensitive), FR and EN`);
    }
  });

  test('reveal: the one-page summary is a file of its own; forgetting a source removes what it revealed', async () => {
    const p = manifest().personas.find((x) => x.id === 'lea');
    await fresh();
    await h.click('persona.lea');
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 3 && s.every((x) => x.status === 'ready'); }, null, 120000);
    await openReveal();
    const downloads = [];
    const onDl = (d) => downloads.push(d);
    page.on('download', onDl);
    await h.click('reveal.png');
    await waitFor(() => (window.workbench.state().saved || []).some((s) => /\.png$/.test(s.file)), null, 15000);
    for (let t = 0; downloads.length < 2 && t < 50; t++) await page.waitForTimeout(100);
    page.off('download', onDl);
    const svg = downloads.find((d) => /\.svg$/.test(d.suggestedFilename()));
    assert(svg && downloads.some((d) => /\.png$/.test(d.suggestedFilename())), 'an SVG and a PNG: ' + downloads.map((d) => d.suggestedFilename()));
    const svgPath = path.join(OUT, 'reveal_summary_lea.svg');
    await svg.saveAs(svgPath);
    const text = fs.readFileSync(svgPath, 'utf8');
    const want = cli(p.files);
    assert(text.includes('<title id="t">Ce que mes données disent de moi</title>'), 'titled');
    for (const s of want.sources) assert(text.includes(s.holder_fr.replace(/&/g, '&amp;').replace(/'/g, '&apos;')), 'holder on the page: ' + s.holder_fr);
    assert(text.includes('Domicile probable'), 'the home inference on the page');
    for (const x of cli(p.files, ['--sensitive']).inferences.filter((x) => x.sensitive))
      assert(!text.includes(x.text_fr.replace(/&/g, '&amp;').replace(/'/g, '&apos;')), `sensitive "${x.kind}" not printed unless shown`);
    // forget the bank statement: its holder and the spending profile go, the rest stays
    const before = (await h.ui()).dashboards.reveal;
    const i = before.holders.indexOf('Your bank');
    assert(i >= 0, 'the bank is listed');
    await h.click('reveal.forget.' + i);
    await waitFor(() => window.workbench.state().sources.length === 2, null, 15000);
    await waitFor(() => { const r = window.workbench.ui().dashboards.reveal; return r.computed && !r.holders.includes('Your bank'); }, null, 60000);
    const after = (await h.ui()).dashboards.reveal;
    assert(!after.kinds.includes('spending'), 'the spending profile went with the bank statement');
    assert(after.kinds.includes('home'), 'what the other files reveal stays');
    const tables = await page.evaluate(() => window.workbench.sql("SELECT count(*) FROM transactions").then(() => 'still', () => 'gone'));
    eq(tables, 'gone', 'no transactions left in DuckDB');
    log(`  summary ${text.length} bytes; forgot the bank: ${before.holders.length} -> ${after.holders.length} holders`);
  });

  test('classroom mode (?classe): sample people only; a chosen or dropped file is refused and said so', async () => {
    await page.goto(url + '?classe');
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    try {
      const u = await h.ui();
      eq(u.classroom, true, 'the app knows it is in classroom mode');
      assert(!u.rects['menu.open'] && !u.rects['home.open.mobility'], 'no button to open one\'s own files');
      assert(/Mode classe\u00a0: on explore avec les personnages/.test(await a11y()), 'Home says what classroom mode is');
      // a pupil chooses a file anyway (the input still exists in the page), then drops one
      await page.setInputFiles('#file-input', path.join(h.FIX, 'releve_compte_2025.csv'));
      await waitFor(() => /« releve_compte_2025\.csv » n’a pas été ouvert/.test(document.getElementById('a11y').innerText), null, 10000);
      await h.dropFiles([{ name: 'Records.json', bytes: fs.readFileSync(path.join(ROOT, 'tests', 'data', 'segment', 'records_workday.json')) }]);
      await waitFor(() => /« Records\.json » n’a pas été ouvert/.test(document.getElementById('a11y').innerText), null, 10000);
      eq((await h.st()).sources.length, 0, 'nothing was loaded');
      const notice = await page.evaluate(() => [...document.querySelectorAll('#a11y [role=status]')].map((e) => e.textContent).join(' | '));
      assert(/n’a pas été ouvert/.test(notice), 'the refusal is a status a screen reader announces: ' + notice);
      await page.screenshot({ path: path.join(OUT, 'classroom_refused_fr.png') });
      await setLang('en');
      await waitFor(() => /Classroom mode: “Records\.json” was not opened/.test(document.getElementById('a11y').innerText), null, 10000);
      await page.setViewportSize({ width: 800, height: 700 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, 'classroom_refused_en_800.png') });
      await page.setViewportSize({ width: 1280, height: 760 });
      await page.waitForTimeout(300);   // the widgets' rectangles of the 800 px frame are stale until the next frames
      await setLang('fr');
      // the sample people still work, and the refusal is gone once something is shown
      const p = manifest().personas[0];
      await h.click('persona.' + p.id);
      await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.every((x) => x.status === 'ready'); }, p.files.length, 120000);
      assert((await h.st()).sources.every((x) => x.sample), 'every source is sample data');
      await openReveal();
      await page.screenshot({ path: path.join(OUT, 'classroom_persona_reveal_fr.png') });
      log(`  classroom: 2 files refused, persona ${p.id} loaded (${p.files.length} files)`);
    } finally {
      await page.goto(url);   // the next tests use the normal app
      await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    }
  });
};
