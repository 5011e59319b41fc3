#!/usr/bin/env bash
# Segmentation of generated points (challenges/segment.h): time and peak memory (/usr/bin/time -v) of
# bench/segment_bench.cpp, streaming (points generated into the Segmenter: bounded memory) and array (all
# points held first, as the CLI's collector holds them: 40 bytes a point). Not a timed test.
#   bench/segment_native.sh [POINTS=10000000] [BUILD=build/native]
# Needs the native core library: SDW_BUILD=... bash scripts/build.sh native.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000000}"
B="${2:-build/native}"
[ -f "$B/native/libcore.a" ] && B="$B/native"
[ -f "$B/libcore.a" ] || { echo "build first: bash scripts/build.sh native (libcore.a not in $B)" >&2; exit 2; }
BIN="$B/segment_bench"
if [ ! -x "$BIN" ] || [ bench/segment_bench.cpp -nt "$BIN" ] || [ "$B/libcore.a" -nt "$BIN" ]; then
  g++ -std=c++20 -O2 -I. -I"$B/generated" bench/segment_bench.cpp "$B/libcore.a" $(ls "$B"/libsdw_*.a 2>/dev/null) -o "$BIN"
fi
for mode in stream array; do
  /usr/bin/time -v "$BIN" "$N" "$mode" 2> "$BIN.$mode.time"
  grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$BIN.$mode.time" | sed 's/^\s*/  /'
done
