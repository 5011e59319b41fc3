// Mobility from raw positions in the browser: a Records.json (Takeout) without any trip is segmented by the
// core in the page exactly as `workbench challenge mobility` does natively (same function, same merge
// rule): the same answer sentence, kilometres and trips; the dashboard says the trips were rebuilt.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, waitFor, assert, eq, near, log, OUT, ROOT, url } = h;
  const DATA = path.join(ROOT, 'tests', 'data');
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  const cli = (rel, extra = []) => JSON.parse(execFileSync(WB, ['challenge', 'mobility', '--json', ...extra, path.join(DATA, rel)], { maxBuffer: 64 << 20 }).toString('utf8'));

  test('mobility from raw positions: a Records.json is segmented in the page, figures = the CLI', async () => {
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    const rel = 'segment/records_workday.json';   // a workday of Takeout positions: home, office by car, a bike ride
    await h.dropFiles([{ name: 'Records.json', bytes: fs.readFileSync(path.join(DATA, rel)) }]);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 1 && s[0].status === 'ready'; }, null, 60000);
    await waitFor(() => window.workbench.ui().tab === 'mobility' && window.workbench.ui().dashboards.mobility.trips > 0, null, 30000);
    await waitFor(() => !!document.querySelector('#a11y #answer'), null, 10000);
    const want = cli(rel);
    const m = (await h.ui()).dashboards.mobility;
    const answer = await page.evaluate(() => document.querySelector('#a11y #answer').textContent);
    eq(answer, want.answer.sentence, 'the answer = workbench challenge mobility');
    near(m.km, want.mobility.total_km, 1e-6, 'km = the CLI');
    eq(m.trips, want.mobility.by_mode.reduce((a, b) => a + b.trips, 0), 'trips = the CLI');
    assert(m.segmented_trips === m.trips && m.traces === 1, `every trip rebuilt from the one trace: ${JSON.stringify(m)}`);
    const note = await page.evaluate(() => document.getElementById('a11y').innerText);
    assert(/reconstitués? à partir de [\d  ]+ positions brutes/.test(note), 'the dashboard says the trips were rebuilt from raw positions');
    // the map draws each trip as a line coloured by its mode, and says which colours are there, counted
    const legend = () => page.evaluate(() => (document.getElementById('a11y').innerText.match(/chaque trajet est une ligne colorée selon son mode[^\n]*/) || [''])[0]);
    const perMode = (modes) => Object.entries(modes.reduce((a, x) => ({ ...a, [x]: (a[x] || 0) + 1 }), {}));
    const lg = await legend();
    const label = { car: 'voiture', bike: 'vélo', walk: 'marche' };
    for (const [mode, n] of perMode(m.rebuilt_modes)) assert(lg.includes(`${label[mode] || mode} (${n})`), `map legend names ${mode} (${n}): "${lg}"`);
    await page.screenshot({ path: path.join(OUT, 'mobility_from_records.png') });
    eq((await h.ui()).dashboards.mobility.map_lines, m.trips, 'one line on the map per trip');
    // linked selection: the second trip picked in the list (its date, with the mouse) is drawn wider on the map;
    // a screen reader has the same as a toggle button
    await h.scrollTo('mob.trip.1.show', 500);
    await h.click('mob.trip.1.show');
    await waitFor(() => window.workbench.ui().dashboards.mobility.selected_trip === 1, null, 5000);
    // the accessible layer follows on the app's next frame: wait for it, then check
    await waitFor(() => document.querySelector('#a11y [data-action="mob.trip.1.show"]').getAttribute('aria-pressed') === 'true', null, 5000).catch(() => {});
    const pressed = await page.evaluate(() => document.querySelector('#a11y [data-action="mob.trip.1.show"]').getAttribute('aria-pressed'));
    eq(pressed, 'true', 'the accessible toggle says the trip is shown');
    const mk = (await h.ui()).dashboards.mobility.timeline.mark;
    assert(mk && mk[1] > mk[0], `the picked trip is marked on the timeline: ${JSON.stringify(mk)}`);
    await h.scrollTo('mob.map', 400);
    await page.screenshot({ path: path.join(OUT, 'mobility_map_modes.png') });
    await h.pressA11y('mob.trip.1.show');
    await waitFor(() => window.workbench.ui().dashboards.mobility.selected_trip === -1, null, 5000);
    eq((await h.ui()).dashboards.mobility.timeline.mark, null, 'released: no mark on the timeline');
    log(`  map: "${lg}"`);
    log(`  ${m.trips} trips, ${m.km.toFixed(1)} km from ${m.points} points — "${answer}"`);

    // the person corrects the first trip's mode with the keyboard (its row in the trip list), then saves
    // the corrections: the CLI given that file computes the same figures as the page
    const was = m.rebuilt_modes[0];
    const to = was === 'bike' ? 'walk' : 'bike';
    await h.pressA11y(`mob.trip.0.${to}`);
    await waitFor((to) => window.workbench.ui().dashboards.mobility.rebuilt_modes[0] === to, to, 10000);
    const c = (await h.ui()).dashboards.mobility;
    eq(c.corrections, 1, 'one correction');
    assert(c.km_by_mode[to] > (m.km_by_mode[to] || 0), `km by ${to} grew: ${JSON.stringify(m.km_by_mode)} -> ${JSON.stringify(c.km_by_mode)}`);
    const saved = await h.downloadByKeyboard('mob.corrections.save', 'trip_corrections.txt');
    const fixed = cli(rel, ['--corrections', saved]);
    const after = await page.evaluate(() => document.querySelector('#a11y #answer').textContent);
    eq(after, fixed.answer.sentence, 'corrected answer = the CLI with the saved corrections');
    for (const b of fixed.mobility.by_mode) near(c.km_by_mode[b.mode] || 0, b.km, 1e-6, `${b.mode} km = the CLI with the corrections`);
    await h.scrollTo('mob.trip.0', 300);
    await page.screenshot({ path: path.join(OUT, 'mobility_trip_list_corrected.png') });
    log(`  trip 1: ${was} -> ${to}; ${fs.readFileSync(saved, 'utf8').trim().split('\n').pop()}`);
  });

  test('mobility from a GPX track: segmented in the page with its <type>, figures = the CLI', async () => {
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    const rel = 'segment/strava_run.gpx';   // a Strava export: a run with its <type>, a ride without one
    await h.dropFiles([{ name: 'strava_run.gpx', bytes: fs.readFileSync(path.join(DATA, rel)) }]);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 1 && s[0].status === 'ready'; }, null, 60000);
    await waitFor(() => window.workbench.ui().tab === 'mobility' && window.workbench.ui().dashboards.mobility.trips > 0, null, 30000);
    await waitFor(() => !!document.querySelector('#a11y #answer'), null, 10000);
    const want = cli(rel);
    const m = (await h.ui()).dashboards.mobility;
    eq(await page.evaluate(() => document.querySelector('#a11y #answer').textContent), want.answer.sentence, 'the answer = the CLI');
    near(m.km, want.mobility.total_km, 1e-6, 'km = the CLI');
    for (const b of want.mobility.by_mode) near(m.km_by_mode[b.mode] || 0, b.km, 1e-6, `${b.mode} km = the CLI`);
    const run = want.mobility.by_mode.find((b) => b.mode === 'run');
    assert(run && !run.inferred && m.km_by_mode.run > 0, 'the track with <type>running</type> is a run, not a guess');
    log(`  GPX: ${JSON.stringify(m.km_by_mode)} — "${want.answer.sentence}"`);
  });

  test('mobility: a mode correction is kept with the encrypted workspace and comes back after a reload', async () => {
    const PASS = 'vélo sous la pluie 2026';
    await page.goto(url);
    await h.appReady();   // not openApp: it would navigate again while the page loads
    try {
      await h.dropFiles([{ name: 'Records.json', bytes: fs.readFileSync(path.join(DATA, 'segment/records_workday.json')) }]);
      await waitFor(() => window.workbench.ui().dashboards.mobility.rebuilt_modes.length > 0, null, 60000);
      // the workspace turned on through its dialog, then the correction made
      await h.turnOnWorkspace(PASS, 1);
      const was = (await h.ui()).dashboards.mobility.rebuilt_modes[0];
      const to = was === 'train' ? 'bus' : 'train';
      await h.pressA11y(`mob.trip.0.${to}`);
      await waitFor((to) => window.workbench.ui().dashboards.mobility.rebuilt_modes[0] === to, to, 10000);
      const km = (await h.ui()).dashboards.mobility.km_by_mode;
      await h.waitForAsync(async () => !(await window.workbench.persist.status()).busy, null, 30000);
      // nothing of it in clear in the browser's storage
      const objs = await page.evaluate(async () => (await window.workbench.persist.storedBytes()).map((o) => ({ name: o.name, text: new TextDecoder('latin1').decode(o.bytes) })));
      assert(objs.length > 0 && objs.every((o) => !o.text.includes(to + '\n') && !o.text.includes('similar ')), 'the corrections are stored encrypted');
      // reload, reopen: the file and the correction are back, and the figures with them
      await h.reopenWorkspace(PASS, 1);
      await h.openTab('mobility');
      await waitFor((to) => window.workbench.ui().dashboards.mobility.rebuilt_modes[0] === to, to, 30000);
      const back = (await h.ui()).dashboards.mobility;
      eq(back.corrections, 1, 'the correction came back');
      eq(JSON.stringify(back.km_by_mode), JSON.stringify(km), 'the same km per mode as before the reload');
      log(`  trip 1 ${was} -> ${to} kept across a reload: ${JSON.stringify(back.km_by_mode)}`);
    } finally {
      await page.evaluate(() => window.workbench && window.workbench.persist.forget()).catch(() => {});
    }
  });
};
