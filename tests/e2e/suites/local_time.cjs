// Local time from the data, in the browser: three weeks in New York across the US DST change, as the
// phone's on-device export writes them (local times with their offsets) and again in UTC (no offsets: the
// places' time zone gives them). The "What my data reveals" tab must say what `workbench reveal --json`
// says (the browser reads the offsets from the merged views' "<ts>_utc_offset_min", the CLI from the
// tables), and both must say New York hours: leaves home around 8:10, not 13:10 or 14:10 Paris time.
// Files are generated here (the truth is set below); the CLI is SDW_WORKBENCH or build/native/workbench.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

// Visits of a commuter in Brooklyn working in Midtown, Monday 3 to Sunday 23 March 2025: weekdays home
// until 08:10, at work 08:40-17:20, home from 17:50. EST (-05:00) until Sunday 9 March, EDT (-04:00) after.
function newYorkExport(zulu) {
  const day0 = Date.UTC(2025, 2, 3) / 86400000;   // days since 1970-01-01
  const dst = Date.UTC(2025, 2, 9) / 86400000;
  const off = (d) => (d >= dst ? -240 : -300);
  const pad = (n) => String(n).padStart(2, '0');
  const iso = (d, h, m) => {
    const o = off(d);
    const utcMs = (d * 1440 + h * 60 + m - o) * 60000;
    if (zulu) return new Date(utcMs).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    const local = new Date((d * 1440 + h * 60 + m) * 60000);
    return `${local.toISOString().slice(0, 19)}.000${o < 0 ? '-' : '+'}${pad(Math.abs(o) / 60 | 0)}:${pad(Math.abs(o) % 60)}`;
  };
  const segs = [];
  const visit = (d0, h0, m0, d1, h1, m1, lat, lon) => {
    const s = { startTime: iso(d0, h0, m0), endTime: iso(d1, h1, m1) };
    if (!zulu) Object.assign(s, { startTimeTimezoneUtcOffsetMinutes: off(d0), endTimeTimezoneUtcOffsetMinutes: off(d1) });
    s.visit = { hierarchyLevel: 0, probability: 0.9, topCandidate: { placeId: `ChIJ${Math.trunc(lat * 1000)}`, semanticType: 'UNKNOWN',
      probability: 0.9, placeLocation: { latLng: `${lat.toFixed(7)}°, ${lon.toFixed(7)}°` } } };
    segs.push(s);
  };
  const HOME = [40.6782, -73.9442], WORK = [40.7580, -73.9855];
  let since = day0 - 1;
  for (let d = day0; d < day0 + 21; d++) {
    if ((d + 3) % 7 >= 5) continue;   // Saturday, Sunday (1970-01-01 was a Thursday)
    visit(since, 17, 50, d, 8, 10, ...HOME);
    visit(d, 8, 40, d, 17, 20, ...WORK);
    since = d;
  }
  visit(since, 17, 50, day0 + 21, 7, 0, ...HOME);
  return JSON.stringify({ semanticSegments: segs }, null, 1);
}

// A pupil's exchange year in Montréal (school days 3 September 2024 - 27 June 2025): xAPI statements at
// 17:00-18:20 Montréal time, written with their offset (EDT -04:00, EST -05:00 from 3 November to 9 March).
// No positions: without the offsets these evenings would be read as 22:00-00:20 in Paris.
function montrealStatements() {
  const first = Date.UTC(2024, 8, 3) / 86400000, last = Date.UTC(2025, 5, 27) / 86400000;
  const est0 = Date.UTC(2024, 10, 3) / 86400000, est1 = Date.UTC(2025, 2, 9) / 86400000;
  const out = [];
  for (let d = first; d <= last; d++) {
    if ((d + 3) % 7 >= 5) continue;
    const o = d >= est0 && d < est1 ? -300 : -240;
    for (const m of [0, 20, 40, 60, 80]) {
      const local = new Date((d * 1440 + 17 * 60 + m) * 60000).toISOString().slice(0, 19);
      out.push({ actor: { name: 'Léa Martin', mbox: 'mailto:lea@college.fr' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
        object: { id: `https://college.fr/maths/${m}`, definition: { name: { 'en-US': 'Exercise' } } },
        context: { contextActivities: { grouping: [{ id: 'https://college.fr/maths', definition: { name: { 'en-US': 'Maths' } } }] } },
        timestamp: `${local}-0${-o / 60}:00` });
    }
  }
  return JSON.stringify(out);
}

module.exports = (h) => {
  const { page, test, waitFor, assert, eq, log, OUT, ROOT, url } = h;

  // A fresh page, the file chosen through the file input, the reveal tab opened with the mouse and computed.
  async function openRevealWith(file) {
    await page.goto(url);
    await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready, null, 60000);
    await page.setInputFiles('#file-input', file);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length === 1 && ['ready', 'error'].includes(s[0].status); }, null, 120000);
    await h.click('tab.reveal');
    await waitFor(() => window.workbench.ui().tab === 'reveal', null, 10000);
    await waitFor(() => window.workbench.ui().dashboards.reveal.computed, null, 60000);
  }
  const WB = process.env.SDW_WORKBENCH || path.join(ROOT, 'build', 'native', 'workbench');

  for (const zulu of [false, true]) {
    test(`local time: a week in New York ${zulu ? 'written in UTC (time zone from the places)' : 'with its offsets'} says New York hours, as the CLI`, async () => {
      const file = path.join(OUT, zulu ? 'Timeline_new_york_utc.json' : 'Timeline_new_york.json');
      fs.writeFileSync(file, newYorkExport(zulu));
      const want = JSON.parse(execFileSync(WB, ['reveal', '--json', file], { maxBuffer: 64 << 20 }).toString('utf8'));
      const schedule = want.inferences.find((x) => x.kind === 'schedule');
      assert(schedule, 'the CLI finds a schedule');
      eq(schedule.evidence.counts.leave_home_min, 8 * 60 + 10, 'the CLI: leaves home at 08:10 New York time');

      await openRevealWith(file);
      await page.waitForTimeout(300);
      const r = (await h.ui()).dashboards.reveal;
      eq(JSON.stringify(r.kinds), JSON.stringify(want.inferences.filter((x) => !x.sensitive).map((x) => x.kind)), 'inferences = the CLI\'s');
      for (const lang of ['fr', 'en']) {
        await h.click('lang.' + lang);
        await waitFor((l) => window.workbench.ui().lang === l, lang, 10000);
        await page.waitForTimeout(300);
        const text = await page.evaluate(() => document.getElementById('a11y').innerText);
        for (const x of want.inferences.filter((i) => !i.sensitive))
          assert(text.includes(x[`text_${lang}`]), `${lang}: "${x[`text_${lang}`]}" in the page`);
        assert(text.includes(lang === 'fr' ? 'départ du domicile vers 8 h 10' : 'leaves home around 8:10'), `${lang}: 8:10 in the page`);
      }
      await page.screenshot({ path: path.join(OUT, `local_time_new_york${zulu ? '_utc' : ''}.png`) });
      log(`  ${zulu ? 'UTC' : 'offsets'}: ${want.inferences.length} inferences, schedule "${schedule.text_en}"`);
    });
  }

  test('local time: a pupil\'s exchange year in Montréal (xAPI offsets, no positions) is read in Montréal hours, as the CLI', async () => {
    const file = path.join(OUT, 'statements_montreal.json');
    fs.writeFileSync(file, montrealStatements());
    const want = JSON.parse(execFileSync(WB, ['reveal', '--json', '--lang', 'en', file], { maxBuffer: 64 << 20 }).toString('utf8'));
    const x = want.inferences.find((i) => i.kind === 'learning_time');
    assert(x, 'the CLI finds the hours of work');
    const start = x.evidence.counts.start_hour;
    assert((17 - start + 24) % 24 < 3 && (23 - start + 24) % 24 >= 3, `the CLI: a window holding 17:00, not 23:00 (starts at ${start})`);
    await openRevealWith(file);
    await h.click('lang.en');
    await waitFor(() => window.workbench.ui().lang === 'en', null, 10000);
    await page.waitForTimeout(300);
    const text = await page.evaluate(() => document.getElementById('a11y').innerText);
    for (const i of want.inferences.filter((k) => !k.sensitive)) assert(text.includes(i.text_en), `"${i.text_en}" in the page`);
    log(`  Montréal: "${x.text_en}"`);
  });
};
