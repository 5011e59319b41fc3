// How every browser test and benchmark starts Debian's Chromium: headless, no network of its own (no
// background requests, no component updates, no QUIC), software WebGL (SwiftShader), a persistent profile.
'use strict';
const { chromium } = require('playwright-core');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
              '--disable-background-networking', '--disable-component-update', '--disable-sync',
              '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

// A persistent context on the profile folder `udd`; `options` adds to (or overrides) the defaults, and
// `extraArgs` adds command-line flags (e.g. --js-flags=--expose-gc for a memory benchmark). gpu: without
// --disable-gpu, so the page is composited in the GPU process (SwiftShader here) as on a machine with a GPU;
// with it, the compositor is software and reads every WebGL frame back on the page's thread (GLES2::ReadPixels).
function launchPersistent(udd, { extraArgs = [], gpu = false, ...options } = {}) {
  const args = gpu ? ARGS.filter((a) => a !== '--disable-gpu') : ARGS;
  return chromium.launchPersistentContext(udd, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: [...args, ...extraArgs],
    viewport: { width: 1280, height: 760 }, ...options,
  });
}

// A browser without a persistent profile (each page gets a fresh context), same flags.
function launch({ extraArgs = [], ...options } = {}) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
                           args: [...ARGS, ...extraArgs], ...options });
}

module.exports = { ARGS, launch, launchPersistent };
