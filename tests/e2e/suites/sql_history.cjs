// SQL console history: two queries typed and run with Ctrl+Enter, then the older one brought back into
// the editor from the "Requêtes précédentes…" list with the mouse, and run again.
'use strict';

module.exports = (h) => {
  const { page, test, ui, waitFor, rectCenter, assert, eq } = h;
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
};
