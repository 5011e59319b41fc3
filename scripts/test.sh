#!/usr/bin/env bash
# The README's "test" command: set up, build (native + wasm + site), run every test.
# Output ends with doctest's summary and the browser tests' "N passed, N failed" line.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
T0=$(date +%s)
bash scripts/setup.sh || exit 1
bash scripts/build.sh all || { echo "build failed"; exit 1; }
status=0

echo "== layering: Emscripten code only under wasm/"
if grep -rlE '#include *<emscripten|EM_JS|EM_ASM' parsers viz tools challenges --include='*.cpp' --include='*.h' 2>/dev/null; then
  echo "FAIL: Emscripten code outside wasm/ (above)"; status=1
fi

echo "== native unit tests (doctest)"
./build/native/tests || status=1
echo "== native headless rendering of every chart (ImGui without a GPU)"
./build/native/viz_render_test || status=1

# ---- fuzzing smoke run (scripts/fuzz.sh; clang + libFuzzer + ASan/UBSan in build/fuzz): replays every
# tests/data/fuzz_regressions/ input, then fuzzes each parser for FUZZ_SMOKE_SECONDS (default 10) each.
# Fails the test command if any target crashes. The long run: bash scripts/fuzz.sh 300
echo "== fuzzing smoke run (libFuzzer, ${FUZZ_SMOKE_SECONDS:-3} s per target)"
FUZZ_JOBS="${FUZZ_JOBS:-2}" bash scripts/fuzz.sh "${FUZZ_SMOKE_SECONDS:-3}" || status=1   # 2 targets at a time
# ---- end of fuzzing smoke run

echo "== sample personas: generated files recognised, figures as generated"
bash tests/personas_test.sh "$ROOT/build/native/workbench" || status=1

echo "== bad-input corpus through the CLI: a clear error naming file and offset, never a crash"
bash tests/badinput_test.sh "$ROOT/build/native/workbench" || status=1

echo "== donations, the territory's side: 300 donations validated, merged, analysed with DuckDB"
WORKBENCH="$ROOT/build/native/workbench" bash tests/donations_test.sh || status=1

echo "== merged views natively: the core's view SQL on DuckDB (node-api) over parser output (prints N passed, N failed)"
node tests/views_native_test.cjs --tests "$ROOT/build/native/tests" || status=1

echo "== browser end-to-end tests (headless Chromium)"
mkdir -p build/e2e
timeout --kill-after=30 "${E2E_TIMEOUT:-1500}" node tests/e2e/e2e.cjs 2>&1 | tee build/e2e/e2e.log
[ "${PIPESTATUS[0]}" = 0 ] || status=1

echo "test command finished in $(( $(date +%s) - T0 )) s, status $status"
# The browser tests' failures (if any) and summary line close the output (the doctest summary is above it).
grep -E '^\[e2e [0-9.]+s\] FAIL ' build/e2e/e2e.log | cut -c1-400 || true
grep -E '^e2e: [0-9]+ passed, [0-9]+ failed' build/e2e/e2e.log | tail -1 || echo "e2e: 0 passed, 1 failed"
exit $status
