// How every browser test and benchmark starts Debian's Chromium: headless, no network of its own (no
// background requests, no component updates, no QUIC), software WebGL (SwiftShader), a persistent profile.
'use strict';
const { chromium } = require('playwright-core');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
              '--disable-background-networking', '--disable-component-update', '--disable-sync',
              '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

// A persistent context on the profile folder `udd`; `options` adds to (or overrides) the defaults.
function launchPersistent(udd, options = {}) {
  return chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
    viewport: { width: 1280, height: 760 }, ...options,
  });
}

module.exports = { ARGS, launchPersistent };
