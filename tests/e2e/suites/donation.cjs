// Data donation in the browser: the sample personas loaded, the "Faire un don" window opened from the menu
// bar, a purpose typed and parts picked as a person would; the preview's bytes are compared byte for byte
// with the two downloaded files (data + manifest), the SHA-256 checked, every row holds at least k
// records, no cell centre lies within 500 m of the detected home, and no identifier of the fixtures (xAPI
// actors, e-mails, bank labels, place names) appears. The native `workbench donations validate` accepts
// the downloaded pair. Screenshot: build/e2e/donation.png.
'use strict';
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, ui, waitFor, rectCenter, typeText, assert, eq, log, OUT, ROOT } = h;
  const WB = path.join(ROOT, 'build', 'native', 'workbench');
  const click = async (name) => {
    const c = await rectCenter(name);
    await page.mouse.click(c.x, c.y, { delay: 60 });
  };
  const haversine = (a, b, c, d) => {
    const r = Math.PI / 180, s1 = Math.sin(((c - a) * r) / 2), s2 = Math.sin(((d - b) * r) / 2);
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(s1 * s1 + Math.cos(a * r) * Math.cos(c * r) * s2 * s2)));
  };

  test('donation: preview bytes = downloaded file, k >= 5, nothing near home, no identifier', async () => {
    await h.openApp();
    const s0 = await page.evaluate(() => window.workbench.state());
    for (const id of ['lea', 'noah', 'martin'])
      if (!s0.sources.some((x) => x.sample && x.sample.id === id)) await page.evaluate((p) => window.workbench.loadPersona(p), id);
    await waitFor(() => { const s = window.workbench.state().sources; return s.length >= 8 && s.every((x) => ['ready', 'error'].includes(x.status)); }, null, 120000);
    await page.evaluate(() => window.workbench.idle());

    if (!(await ui()).donation.open) await click('menu.donate');
    await waitFor(() => { const d = window.workbench.ui().donation; return d.open && d.ready; }, null, 60000);
    await click('donate.purpose');
    const purpose = 'Enquête déplacements La Rochelle 2026';
    await typeText(purpose);
    await click('donate.by_month');   // months: more trips per cell, so cells survive k
    await waitFor((p) => { const d = window.workbench.ui().donation; return d.ready && d.manifest.includes(p); }, purpose, 20000);
    const d = (await ui()).donation;
    assert(d.home, 'home detected from Léa\'s nights');
    eq(d.k, 5, 'k');
    const lines = d.data.trim().split('\n');
    eq(lines[0], 'part,period,period_start,area,cell_lat,cell_lon,category,value,unit,records', 'header');
    const rows = lines.slice(1).map((l) => l.split(','));
    assert(rows.length > 10, `rows (${rows.length})`);
    for (const part of ['mobility', 'energy', 'learning']) assert(rows.some((r) => r[0] === part), `${part} rows present`);
    const cells = rows.filter((r) => r[4] !== '');
    assert(cells.length > 0, 'some rows placed on the 1 km grid');
    for (const r of rows) assert(Number(r[9]) >= 5, `k >= 5: ${r.join(',')}`);
    for (const r of cells) {
      const m = haversine(d.home[0], d.home[1], Number(r[4]), Number(r[5]));
      assert(m >= 500, `cell ${r[3]} is ${m.toFixed(0)} m from home`);
      if (d.work) assert(haversine(d.work[0], d.work[1], Number(r[4]), Number(r[5])) >= 500, `cell ${r[3]} near work`);
    }
    // identifiers of the loaded fixtures: none may appear in the data or the manifest
    const ids = await page.evaluate(async () => {
      const { conn } = await window.workbench.engine();
      const q = async (sql) => (await conn.query(sql)).toArray().map((r) => Object.values(r.toJSON())[0]).filter((v) => v && String(v).length >= 4);
      return [
        ...(await q('SELECT DISTINCT actor FROM learning_statements')),
        ...(await q('SELECT DISTINCT object_name FROM learning_statements')),
        ...(await q('SELECT DISTINCT label FROM transactions')),
        ...(await q("SELECT DISTINCT name FROM visits WHERE name IS NOT NULL")),
        ...(await q("SELECT DISTINCT meter_id FROM energy_readings WHERE meter_id IS NOT NULL")),
      ].map(String);
    });
    assert(ids.length > 20, `identifiers collected (${ids.length})`);
    for (const text of [d.data, d.manifest]) {
      assert(!/@/.test(text), 'no e-mail');
      for (const id of ids) assert(!text.includes(id), `identifier in the donation: ${id}`);
    }
    assert(d.summary_fr.includes('Il ne contient pas') && d.summary_en.includes('It does not hold'), 'summaries FR/EN');

    // the download: exactly the previewed bytes, and the manifest that hashes them
    const downloads = [];
    const got = new Promise((resolve) => {
      const on = (dl) => { downloads.push(dl); if (downloads.length === 2) { page.off('download', on); resolve(); } };
      page.on('download', on);
    });
    await click('donate.download');
    await got;
    const dir = path.join(OUT, 'donation');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const dl of downloads) await dl.saveAs(path.join(dir, dl.suggestedFilename()));
    const csv = fs.readFileSync(path.join(dir, d.data_file));
    const man = fs.readFileSync(path.join(dir, d.manifest_file));
    assert(csv.equals(Buffer.from(d.data, 'utf8')), 'downloaded data = preview bytes');
    assert(man.equals(Buffer.from(d.manifest, 'utf8')), 'downloaded manifest = preview');
    const sha = crypto.createHash('sha256').update(csv).digest('hex');
    eq(sha, d.sha256, 'SHA-256 of the bytes');
    eq(JSON.parse(man.toString('utf8')).sha256, sha, 'manifest states that hash');
    eq(JSON.parse(man.toString('utf8')).purpose, purpose, 'purpose in the manifest');
    const out = execFileSync(WB, ['donations', 'validate', dir, '--json']).toString('utf8');
    const v = JSON.parse(out);
    eq(v.valid, 1, 'the city\'s validator accepts it');
    eq(v.rejected, 0, 'nothing rejected');

    await click('donate.stats');   // keep the window in front for the picture
    const shot = path.join(OUT, 'donation.png');
    await page.screenshot({ path: shot });
    log(`donation: ${rows.length} rows (${cells.length} on the grid), ${d.bytes} bytes, ${d.suppressed_cells} cells suppressed, ${shot}`);
    await click('donate.close');   // as a person would, and the next suites start without it
    await waitFor(() => !window.workbench.ui().donation.open, null, 5000);
  });
};
