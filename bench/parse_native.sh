#!/usr/bin/env bash
# Native parse of files as the parse worker does it (bench/parse_dump.cpp: 1 MiB chunks, lean tables, batches
# drained every 8 MiB, Arrow IPC written), with a hash of every row produced: run before and after a parser
# change to check speed and byte-identical output. Not a timed test.
#   SDW_BUILD=build/hB bench/parse_native.sh FILE... [-- parse_dump options: --full --reps N --nohash --dump OUT]
# Needs the native core library: SDW_BUILD=... bash scripts/build.sh native.
set -euo pipefail
cd "$(dirname "$0")/.."
B="${SDW_BUILD:-build}/native"
[ -f "$B/libcore.a" ] || { echo "build first: bash scripts/build.sh native (libcore.a not in $B)" >&2; exit 2; }
BIN="$B/parse_dump"
if [ ! -x "$BIN" ] || [ bench/parse_dump.cpp -nt "$BIN" ] || [ "$B/libcore.a" -nt "$BIN" ]; then
  g++ -std=c++20 -O2 -g -I. -I"$B/sysinc" bench/parse_dump.cpp "$B/libcore.a" $(ls "$B"/libsdw_*.a 2>/dev/null) -o "$BIN"
fi
files=(); opts=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; opts=("$@"); break; fi
  files+=("$1"); shift
done
for f in "${files[@]}"; do "$BIN" "$f" "${opts[@]}"; done
