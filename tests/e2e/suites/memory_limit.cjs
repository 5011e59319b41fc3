// A file whose output cannot fit in the parse worker's memory (issue #11): the parse stops with "mémoire
// insuffisante / out of memory" and the byte reached, the worker starts a fresh core module, later files
// parse, and the sources loaded before keep their rows. The real ceiling is MAXIMUM_MEMORY (4 GB); the test
// uses a 64 MB test-only ceiling (workbench.testMemoryLimit) so the file is 80 MB, made in the page.
'use strict';
const path = require('path');

module.exports = (h) => {
  const { page, test, st, waitFor, assert, eq, log, FIX, url } = h;

  test('memory: a file that cannot fit fails with "out of memory" and its byte, the app and other sources live on', async () => {
    if (!page.url().startsWith(url)) {   // run alone (--only): open the app first
      await page.goto(url);
      await waitFor(() => window.workbench && window.workbench.ui() && window.workbench.state().duck.ready);
    }
    const n0 = (await st()).sources.length;
    await page.setInputFiles('#file-input', path.join(FIX, 'releve_compte_2025.csv'));
    await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n + 1 && s[n].status === 'ready'; }, n0);
    const good = (await st()).sources[n0];
    await page.evaluate(() => {
      window.workbench.testMemoryLimit(64);
      // an object whose "items" array is one candidate among others: built whole, not streamed
      const parts = ['{"export": "carnet", "version": 3, "items": ['];
      const text = 'Relevé de la station de La Rochelle, temps couvert, vent d’ouest, mer agitée, visibilité réduite';
      for (let i = 0; i < 700000; i++) parts.push(`${i ? ',' : ''}{"id": ${i}, "texte": "${text} ${i}"}`);
      parts.push('], "tags": [{"k": 1}]}');
      window.workbench.load([new File(parts, 'carnet_trop_gros.json')]);
    });
    await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n + 2 && ['ready', 'error'].includes(s[n + 1].status); }, n0, 120000);
    const big = (await st()).sources[n0 + 1];
    eq(big.status, 'error', 'the file that cannot fit fails: ' + JSON.stringify(big.error));
    eq(big.error.code, 'parse.out_of_memory', 'error code');
    assert(/Mémoire insuffisante/.test(big.error.fr) && /Out of memory/.test(big.error.en), 'message in both languages: ' + JSON.stringify(big.error));
    assert(big.error.offset > 0 && big.error.offset < big.size, `byte reached ${big.error.offset} of ${big.size}`);
    eq(big.tables.length, 0, 'nothing half-loaded');
    await page.evaluate(() => window.workbench.testMemoryLimit(0));

    // a later file parses (fresh core module), the earlier source is intact, the app draws and answers
    await page.setInputFiles('#file-input', path.join(FIX, 'enedis_conso_jour.csv'));
    await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n + 3 && ['ready', 'error'].includes(s[n + 2].status); }, n0);
    const after = (await st()).sources[n0 + 2];
    eq(after.status, 'ready', 'the next file parses: ' + JSON.stringify(after.error));
    assert(after.rows > 0, 'it has rows');
    const r = await page.evaluate((t) => window.workbench.sql(`SELECT count(*) FROM "${t}"`), good.tables[0].name);
    eq(Number(r.rows[0][0]), good.rows, 'the source loaded before keeps its rows');
    const f0 = (await h.ui()).frames;
    await waitFor((f) => window.workbench.ui().frames > f + 2, f0, 10000);
    log(`  out of memory at byte ${big.error.offset} of ${big.size} under a 64 MB ceiling; next file ${after.rows} rows`);
    for (const x of (await st()).sources.slice(n0)) await page.evaluate((id) => window.workbench.remove(id), x.id);
  });
};
