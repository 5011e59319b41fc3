// Touch and wheel, as on a tablet: real touch input through Chromium's input pipeline (CDP
// Input.dispatchTouchEvent with touch emulation on), not synthetic DOM events. A tap opens the charts
// demo, a pinch zooms its electricity timeline about the fingers, a one-finger drag pans it; the mouse
// wheel zooms by one step (×1.25) per notch. The visible range is read back through the test API.
'use strict';
const path = require('path');

module.exports = (h) => {
  const { page, test, ui, waitFor, rectCenter, assert, near, log, OUT } = h;

  test('touch: a tap opens the charts demo, a pinch zooms and a drag pans the timeline; the wheel zooms ×1.25 a notch', async () => {
    await h.openApp();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    const frame = () => page.waitForTimeout(60);   // Dear ImGui samples input once per frame
    const touch = async (type, points) => {
      await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, i) => ({ x: p.x, y: p.y, id: i, radiusX: 4, radiusY: 4 })) });
      await frame();
    };
    try {
      // tap "⋯", then the charts demo in its menu
      const tapMenu = async () => {
        const m = await rectCenter('menu.more');
        await touch('touchStart', [m]); await touch('touchEnd', []);
        const b = await rectCenter('menu.charts_demo');
        await touch('touchStart', [b]); await touch('touchEnd', []);
      };
      if ((await ui()).viz_demo) {  // already open: close it with a tap first
        await tapMenu();
        await waitFor(() => window.workbench.ui().viz_demo === false, null, 5000);
      }
      await tapMenu();
      await waitFor(() => window.workbench.ui().viz_demo === true, null, 5000);
      await waitFor(() => { const d = window.workbench.ui().demo_power; return d && d.t1 > d.t0 && d.rect[2] > d.rect[0]; }, null, 10000);
      const r = (await ui()).demo_power.rect;
      const c = { x: (r[0] + r[2]) / 2 + 20, y: (r[1] + r[3]) / 2 };
      const before = (await ui()).demo_power;
      const span0 = before.t1 - before.t0;

      // pinch out: fingers from 60 px apart to 240 px apart = ×4
      const steps = 8;
      await touch('touchStart', [{ x: c.x - 30, y: c.y }, { x: c.x + 30, y: c.y }]);
      for (let i = 1; i <= steps; i++) {
        const half = 30 + (90 * i) / steps;
        await touch('touchMove', [{ x: c.x - half, y: c.y }, { x: c.x + half, y: c.y }]);
      }
      await touch('touchEnd', []);
      await frame();
      const zoomed = (await ui()).demo_power;
      const span1 = zoomed.t1 - zoomed.t0;
      near(span0 / span1, 4, 0.05, 'pinch ×4 shows a quarter of the time span');
      assert(zoomed.t0 > before.t0 && zoomed.t1 < before.t1, 'zoomed about the fingers, inside the former range');

      // one-finger drag to the left by 200 px: later times come into view, same span
      await touch('touchStart', [c]);
      for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: c.x - 40 * i, y: c.y }]);
      await touch('touchEnd', []);
      await frame();
      const panned = (await ui()).demo_power;
      near(panned.t1 - panned.t0, span1, span1 * 1e-6, 'panning keeps the span');
      assert(panned.t0 > zoomed.t0, `drag left shows later times (${zoomed.t0} -> ${panned.t0})`);
      const plotW = r[2] - r[0];
      assert(panned.t0 - zoomed.t0 < span1 * (200 / (plotW * 0.5)), 'moved by about the dragged distance');
      await page.screenshot({ path: path.join(OUT, 'touch_pinch_pan.png') });

      // the plain wheel over the chart scrolls the page and leaves the chart (once the pointer has left the
      // chart the fingers just used); Ctrl+wheel: one notch up = ×1.25
      await page.mouse.move(c.x, Math.max(2, r[1] - 60));
      await frame();
      await page.mouse.move(c.x, c.y);
      await frame();
      await page.mouse.wheel(0, -100);
      await frame(); await frame();
      const unzoomed = (await ui()).demo_power;
      near(unzoomed.t1 - unzoomed.t0, span1, span1 * 1e-6, 'the plain wheel does not zoom');
      await page.keyboard.down('Control');
      await frame();
      await page.mouse.wheel(0, -100);
      await frame(); await frame();
      await page.keyboard.up('Control');
      const wheeled = (await ui()).demo_power;
      near(span1 / (wheeled.t1 - wheeled.t0), 1.25, 0.01, 'one wheel notch zooms ×1.25');
      log(`  spans (h): ${(span0 / 3600).toFixed(1)} -> pinch ${(span1 / 3600).toFixed(1)} -> wheel ${((wheeled.t1 - wheeled.t0) / 3600).toFixed(1)}`);

      // tap to close (through "⋯" again)
      await tapMenu();
      await waitFor(() => window.workbench.ui().viz_demo === false, null, 5000);
    } finally {
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false }).catch(() => {});
      await cdp.detach().catch(() => {});
    }
  });
};
