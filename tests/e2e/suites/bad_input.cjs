// Bad-input corpus in the browser (issues #3 and #11): tests/badinput/make_corpus.py's files go through the
// real file input after a good bank statement; each gets its own clear message (with a byte offset or line
// where the CLI gives one), the app keeps drawing and answering SQL, and the statement's table keeps its rows.
// The 100 MB one-line JSON is made in the page as a Blob (no 100 MB transfer); the request log of the final
// e2e test covers this suite too.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = (h) => {
  const { page, test, st, waitFor, assert, eq, log, FIX, ROOT } = h;

  // name -> what the Sources panel must show: error code (or null when the file is read) and where
  const EXPECT = {
    'vide.csv': { code: 'format.empty', fr: /vide/i, en: /empty/i },
    'coupe_dans_chaine.json': { code: 'json.eof_in_string', offset: 60, line: 1, fr: /octet 60/, en: /byte 60/ },
    'takeout_tronque.zip': { code: null, entry: ['Takeout/Historique des positions/Records.json', 'zip.truncated_entry', /octet 30966/] },
    'photo_renommee.json': { code: 'format.unknown', offset: 0, fr: /non reconnu : données binaires/, en: /Unknown format: binary data/ },
    'releve_utf16_sans_bom.csv': { code: null, rows: 3, encoding: 'utf-16le' },
    'utf8_invalide.json': { code: null, rows: 2, warning: ['json.invalid_utf8', 40] },
    'bombe.zip': { code: null, entry: ['Takeout/donnees.csv', 'zip.bomb_ratio', /200:1/] },
    'bombe.tgz': { code: null, entry: ['Takeout/Historique des positions/Records.json', 'tar.entry_stopped', /entrée interrompue/] },
    'taille_mensongere.zip': { code: null, entry: ['Takeout/releve.csv', 'zip.size', /taille 162 au lieu des 4294967280 octets/] },
    'imbriquee.zip': { code: null },
    'chemins_hostiles.zip': { code: null },
    'classeur_hostile.xlsx': { code: null, rows: 2 },
    'imbrication.json': { code: 'json.too_deep', offset: 512, line: 1, fr: /Imbrication trop profonde/, en: /Nesting too deep/ },
    'cles_en_double.json': { code: null, rows: 2, warning: ['json.duplicate_key', 37] },
    'une_seule_ligne.csv': { code: 'csv.record_too_long', offset: 0, line: 1, fr: /plus de 32 Mio/, en: /longer than 32 MiB/ },
    'facture.pdf': { code: 'format.unknown', offset: 0, fr: /non reconnu/, en: /Unknown format/ },
    'une_seule_ligne.json': { code: null, rows: 2100000 },   // made in the page
  };

  test('bad-input corpus: each file gets its clear message, the app and the sources loaded before stay intact', async () => {
    await h.openApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-badinput-'));
    try {
      execFileSync('python3', [path.join(ROOT, 'tests', 'badinput', 'make_corpus.py'), dir, '--browser']);
      const n0 = (await st()).sources.length;
      await page.setInputFiles('#file-input', path.join(FIX, 'releve_compte_2025.csv'));
      await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n + 1 && s[n].status === 'ready'; }, n0);
      const good = (await st()).sources[n0];
      const goodTable = good.tables[0].name;
      const goodRows = good.rows;
      assert(goodRows > 0, 'the statement loaded');

      const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
      await page.setInputFiles('#file-input', files);
      await page.evaluate(() => {   // a minified JSON array of 100 MB on one line, built here
        const rec = '{"id": 1, "ville": "La Rochelle", "temp": 12.5}';
        const parts = ['['];
        for (let i = 0; i < 2100000; i++) parts.push(i ? ',' + rec : rec);
        parts.push(']');
        window.workbench.load([new File(parts, 'une_seule_ligne.json')]);
      });
      const total = n0 + 1 + files.length + 1;
      await waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.every((x) => ['ready', 'error'].includes(x.status)); },
                    total, 120000);
      const s = await st();
      for (const [name, e] of Object.entries(EXPECT)) {
        const src = s.sources.find((x) => x.name === name);
        assert(src, 'source listed: ' + name);
        if (e.code) {
          eq(src.status, 'error', name + ' status');
          eq(src.error.code, e.code, name + ' error code');
          assert(e.fr.test(src.error.fr) && e.en.test(src.error.en), `${name}: message in both languages: ${JSON.stringify(src.error)}`);
          if (e.offset !== undefined) eq(src.error.offset, e.offset, name + ' byte offset');
          if (e.line !== undefined) eq(src.error.line, e.line, name + ' line');
          eq(src.tables.length, 0, name + ': no table left behind');
          continue;
        }
        eq(src.status, 'ready', name + ' read: ' + JSON.stringify(src.error));
        if (e.rows !== undefined) eq(src.rows, e.rows, name + ' rows');
        if (e.encoding) eq(src.encoding, e.encoding, name + ' encoding');
        if (e.warning) {
          const w = src.warnings.find((x) => x.code === e.warning[0]);
          assert(w && w.offset === e.warning[1], `${name}: warning ${e.warning[0]} at byte ${e.warning[1]}: ${JSON.stringify(src.warnings)}`);
        }
        if (e.entry) {
          const en = src.entries.find((x) => x.path === e.entry[0]);
          assert(en && en.status === 'error' && en.error && en.error.code === e.entry[1] && e.entry[2].test(en.error.fr),
                 `${name}: entry ${e.entry[0]} has ${e.entry[1]}: ${JSON.stringify(en)}`);
        }
      }
      // alive: frames are still drawn, SQL answers, the statement has all its rows
      const f0 = (await h.ui()).frames;
      await waitFor((f) => window.workbench.ui().frames > f + 2, f0, 10000);
      const r = await page.evaluate((t) => window.workbench.sql(`SELECT count(*) FROM "${t}"`), goodTable);
      eq(Number(r.rows[0][0]), goodRows, 'the statement loaded before keeps its rows');
      const one = await page.evaluate(() => window.workbench.sql('SELECT 41 + 1 AS n'));
      eq(one.rows[0][0], 42, 'SQL still answers');
      const big = s.sources.find((x) => x.name === 'une_seule_ligne.json');
      log(`  ${files.length + 1} bad or odd files; the 100 MB one-line JSON: ${big.rows} rows in ${big.parse_ms} ms, heap ${(big.heap_bytes / 2 ** 20).toFixed(0)} MB`);
      for (const x of s.sources.slice(n0)) await page.evaluate((id) => window.workbench.remove(id), x.id);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
};
