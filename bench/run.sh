#!/usr/bin/env bash
# Regenerates BENCHMARKS.md: set up, build, run every benchmark in headless Chromium, write the report.
#   bench/run.sh [--sizes 10,100,1000] [--kinds enedis,bank]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" all
node "$ROOT/bench/run.cjs" "$@"
