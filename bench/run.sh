#!/usr/bin/env bash
# Regenerates BENCHMARKS.md in one command: set up, build, run every benchmark in headless Chromium and
# natively, write the report from bench/out/*.json.
#   bash bench/run.sh [--sizes 10,100] [--kinds records,enedis,bank,gpx,zip] [--records-extra 500] [--no-1gb] [--note TEXT]
# SDW_BUILD / SDW_DIST (as for scripts/build.sh) pick the build and site under test (default build, dist);
# --no-build measures them as they are (a shared tree whose other work does not build at the moment).
# Steps: scripts/precompress.py (the .gz/.br siblings scripts/serve.py sends), bench/run.cjs (peers, parse alone
# next to the tight-kernel ceiling, pool scaling with 1/2/4 workers, wasm tax, app start and bytes on the wire),
# bench/streaming.cjs (1 GB Records.json, JSON array and CSV: MB/s, heap, longest frame gap), bench/frames.cjs
# (frame times), bench/google_records_native.sh 500 (native Records.json), bench/report.cjs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
build=1
for a in "$@"; do if [ "$a" = --no-build ]; then build=0; fi; done
if [ "$build" = 1 ]; then bash "$ROOT/scripts/setup.sh"; bash "$ROOT/scripts/build.sh" all; fi
B="$ROOT/${SDW_BUILD:-build}"; D="$ROOT/${SDW_DIST:-dist}"
python3 "$ROOT/scripts/precompress.py" "$D"
args=(); one_gb=1
for a in "$@"; do case "$a" in --no-1gb) one_gb=0 ;; --no-build) ;; *) args+=("$a") ;; esac; done
[[ " ${args[*]:-} " == *" --sizes "* ]] || args+=(--sizes 100)
node "$ROOT/bench/run.cjs" --dist "$D" --cli "$B/native/workbench" "${args[@]}"
[ "$one_gb" = 1 ] && node "$ROOT/bench/streaming.cjs" --dist "$D" --mb 1000 --gap-mb 0 --kinds records,objects,sensors
SDW_DIST="$D" node "$ROOT/bench/frames.cjs"
SDW_BUILD="$B" bash "$ROOT/bench/google_records_native.sh" 500 "${TMPDIR:-/tmp}/sdw_Records_500.json" > "$ROOT/bench/out/google_records_native.txt" 2>&1
node "$ROOT/bench/report.cjs"
