#!/usr/bin/env bash
# Regenerates BENCHMARKS.md in one command: set up, build, run every benchmark in headless Chromium and
# natively, write the report from bench/out/*.json.
#   bash bench/run.sh [--sizes 10,100] [--kinds records,enedis,bank,gpx,zip] [--records-extra 500]
# Steps: bench/run.cjs (peers, wasm tax, app start; Records.json also at 500 MB unless --records-extra is given),
# bench/frames.cjs (frame times), bench/google_records_native.sh 500 (native Records.json), bench/report.cjs.
# bench/out/streaming.json (1 GB, node bench/streaming.cjs) is included when present; it is not rerun here.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" all
extra=(); [[ " $* " == *" --records-extra "* ]] || extra=(--records-extra 500)
node "$ROOT/bench/run.cjs" "${extra[@]}" "$@"
node "$ROOT/bench/frames.cjs"
bash "$ROOT/bench/google_records_native.sh" 500 "${TMPDIR:-/tmp}/sdw_Records_500.json" > "$ROOT/bench/out/google_records_native.txt" 2>&1
node "$ROOT/bench/report.cjs"
