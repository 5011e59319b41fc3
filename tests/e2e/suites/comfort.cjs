// Comfort controls of the menu bar: larger text (A+) really enlarges the widgets' text (their height
// grows with the scale) and the layout still fits 1280×720; high contrast switches to black and white.
// Screenshots of both; everything is put back after.
'use strict';
const path = require('path');

module.exports = (h) => {
  const { page, test, ui, waitFor, click, assert, eq, near, OUT } = h;

  test('comfort: A+ enlarges the text, high contrast turns black and white, both undone', async () => {
    await h.openApp();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(300);
    const h0 = (await ui()).rects['menu.open'];
    await click('comfort.larger');
    await waitFor(() => window.workbench.ui().text_scale > 1.1, null, 5000);
    await click('comfort.larger');
    await waitFor(() => window.workbench.ui().text_scale > 1.25, null, 5000);
    await page.waitForTimeout(200);
    const h1 = (await ui()).rects['menu.open'];
    near((h1[3] - h1[1]) / (h0[3] - h0[1]), 1.3, 0.12, 'button height follows the text scale');
    assert(h1[2] - h1[0] > (h0[2] - h0[0]) * 1.15, 'and its text is wider');
    const fr = (await ui()).rects['lang.en'];
    assert(fr && fr[2] <= 1280 + 0.5, 'language buttons still on screen at 1280 px: ' + JSON.stringify(fr));
    await page.screenshot({ path: path.join(OUT, 'comfort_text_130.png') });
    // ◐ cycles light (default) → dark → high contrast → light
    eq((await ui()).theme, 0, 'light theme by default');
    await click('comfort.contrast');
    await waitFor(() => window.workbench.ui().theme === 1, null, 5000);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(OUT, 'comfort_dark.png') });
    await click('comfort.contrast');
    await waitFor(() => window.workbench.ui().high_contrast === true, null, 5000);
    await page.waitForTimeout(200);
    const shot = await page.screenshot({ path: path.join(OUT, 'comfort_contrast.png') });
    assert(shot.length > 0, 'screenshot');
    // back to normal
    await click('comfort.contrast');
    await waitFor(() => window.workbench.ui().high_contrast === false && window.workbench.ui().theme === 0, null, 5000);
    await click('comfort.smaller');
    await waitFor(() => window.workbench.ui().text_scale < 1.2, null, 5000);
    await click('comfort.smaller');
    await waitFor(() => Math.abs(window.workbench.ui().text_scale - 1) < 0.01, null, 5000);
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.waitForTimeout(300);
  });
};
