#!/usr/bin/env bash
# Data donation, the territory's side, small: 300 generated donations (one tampered, one malformed) through
# `workbench donations validate` and `merge`, then the README's two DuckDB analyses checked against the
# generator's totals (bench/donations.cjs; the 10 000-donation run is `node bench/donations.cjs`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/build/donations-test"
node "$ROOT/bench/donations.cjs" --count 300 --out "$OUT" --workbench "${WORKBENCH:-$ROOT/build/native/workbench}"
