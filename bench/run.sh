#!/usr/bin/env bash
# Regenerates BENCHMARKS.md in one command: set up, build, run every benchmark in headless Chromium and
# natively, write the report from bench/out/*.json.
#   bash bench/run.sh [--sizes 10,100] [--kinds records,enedis,bank,gpx,zip] [--records-extra 500] [--no-1gb]
# Steps: scripts/precompress.py (the .gz/.br siblings scripts/serve.py sends), bench/run.cjs (peers, parse alone
# next to the tight-kernel ceiling, pool scaling with 1/2/4 workers, wasm tax, app start and bytes on the wire),
# bench/streaming.cjs (1 GB Records.json, JSON array and CSV: MB/s, heap, longest frame gap), bench/frames.cjs
# (frame times), bench/google_records_native.sh 500 (native Records.json), bench/report.cjs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" all
python3 "$ROOT/scripts/precompress.py" "$ROOT/dist"
args=(); one_gb=1
for a in "$@"; do if [ "$a" = --no-1gb ]; then one_gb=0; else args+=("$a"); fi; done
[[ " ${args[*]:-} " == *" --sizes "* ]] || args+=(--sizes 100)
node "$ROOT/bench/run.cjs" "${args[@]}"
[ "$one_gb" = 1 ] && node "$ROOT/bench/streaming.cjs" --mb 1000 --gap-mb 0 --kinds records,objects,sensors
node "$ROOT/bench/frames.cjs"
bash "$ROOT/bench/google_records_native.sh" 500 "${TMPDIR:-/tmp}/sdw_Records_500.json" > "$ROOT/bench/out/google_records_native.txt" 2>&1
node "$ROOT/bench/report.cjs"
