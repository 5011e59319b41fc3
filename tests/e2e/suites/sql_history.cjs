// SQL console history: two queries typed and run with Ctrl+Enter, then the older one brought back into
// the editor from the "Requêtes précédentes…" list with the mouse, and run again.
// Query safety (issue 22): a runaway query is stopped with "Annuler la requête" (mouse) and with Escape
// (keyboard) while the page goes on answering; the screen reader is told it was cancelled; a query in
// error then a good one: the app is never left broken.
'use strict';

module.exports = (h) => {
  const { page, test, ui, waitFor, rectCenter, assert, eq, log } = h;
  const run = async (text) => {
    const ed = await rectCenter('sql.editor');
    await page.mouse.click(ed.x, ed.y, { delay: 60 });
    await page.keyboard.press('Control+A', { delay: 60 });
    await page.keyboard.press('Delete', { delay: 60 });
    await page.keyboard.type(text);
    await page.keyboard.press('Control+Enter', { delay: 60 });
    await waitFor((t) => { const u = window.workbench.ui(); return u.sql && !u.sql_pending && u.sql_text === t; }, text, 20000);
  };

  test('SQL history: an earlier query comes back from the list and runs again', async () => {
    await h.openApp();
    await h.openTab('sql');
    const n0 = (await ui()).sql_history;
    await run('SELECT 41 + 1 AS premiere');
    await run('SELECT 7 AS seconde');
    eq((await ui()).sql_history, n0 + 2, 'two queries in the history');
    const hist = await rectCenter('sql.history');
    await page.mouse.click(hist.x, hist.y, { delay: 60 });
    await page.waitForTimeout(150);
    // newest first: the second line of the list is the first query
    const lineH = (await ui()).rects['sql.history'];
    const y = lineH[3] + (lineH[3] - lineH[1]) * 1.5 + 4;
    await page.mouse.click(hist.x, y, { delay: 60 });
    await waitFor(() => window.workbench.ui().sql_text === 'SELECT 41 + 1 AS premiere', null, 5000);
    await h.click('sql.run');
    await waitFor(() => { const u = window.workbench.ui(); return u.sql && !u.sql_pending && u.sql.columns[0] === 'premiere'; }, null, 20000);
    const u = await ui();
    assert(u.sql.ok, 'query ran');
    eq(u.sql.first_row[0], '42', 'its result');
  });

  test('SQL safety: a runaway query is cancelled by button and by Escape, errors leave the app working', async () => {
    await h.openApp();
    await h.openTab('sql');
    // billions of rows: minutes of work for DuckDB-wasm on one thread
    const runaway = 'SELECT count(*) AS n FROM range(40000000000) t(a) WHERE a % 7 = 3';
    const start = async (text) => {
      const ed = await rectCenter('sql.editor');
      await page.mouse.click(ed.x, ed.y, { delay: 60 });
      await page.keyboard.press('Control+A', { delay: 60 });
      await page.keyboard.press('Delete', { delay: 60 });
      await page.keyboard.type(text);
      await waitFor((t) => window.workbench.ui().sql_text === t, text, 10000);
      await h.click('sql.run');
      await waitFor(() => window.workbench.ui().sql_pending && window.workbench.ui().rects['sql.cancel'], null, 20000)
        .catch(async (e) => { const u = await ui(); log(JSON.stringify({ pending: u.sql_pending, text: u.sql_text, sql: u.sql })); throw e; });
    };
    const srText = () => page.evaluate(() => document.querySelector('#a11y').textContent);
    for (const how of ['button', 'escape']) {
      await start(runaway);
      // while it runs, the rest of the page still answers (the dashboards' connection is not blocked)
      const t0 = Date.now();
      const other = await page.evaluate(() => window.workbench.sql('SELECT 6 * 7 AS x'));
      eq(other.rows[0][0], 42, 'another query answered while the runaway one runs');
      log(`  (${how}) another query answered in ${Date.now() - t0} ms during the runaway one`);
      { const u0 = await ui(); assert(u0.sql_pending, 'the runaway query is still running: ' + JSON.stringify(u0.sql)); }
      const c0 = Date.now();
      if (how === 'button') await h.click('sql.cancel');
      else await page.keyboard.press('Escape', { delay: 60 });
      await waitFor(() => { const u = window.workbench.ui(); return !u.sql_pending && u.sql; }, null, 30000);
      log(`  (${how}) stopped ${Date.now() - c0} ms after the press`);
      const u = await ui();
      eq(u.sql.ok, false, `${how}: the query did not finish`);
      eq(u.sql.cancelled, true, `${how}: the result says cancelled (${u.sql.error})`);
      await waitFor(() => /Requête annulée/.test(document.querySelector('#a11y').textContent), null, 5000);
    }
    // an error, then a good query: both answered, nothing stuck
    await run('SELECT * FROM table_qui_n_existe_pas');
    let u = await ui();
    eq(u.sql.ok, false, 'the bad query fails');
    await waitFor(() => /n’existe pas/.test(document.querySelector('#a11y').textContent), null, 5000)
      .catch(async () => { throw new Error('the error is not said in plain words to a screen reader: ' + (await srText()).slice(0, 400)); });
    await run('SELECT 40 + 2 AS apres');
    u = await ui();
    assert(u.sql.ok && u.sql.first_row[0] === '42', 'a good query after the error and the cancellations works');
  });
};
