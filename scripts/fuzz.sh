#!/usr/bin/env bash
# Fuzzes every parser with libFuzzer (clang, AddressSanitizer + UBSan) in its own build dir, build/fuzz.
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 300 s; targets: fuzz_csv, csv, ...)
#   FUZZ_JOBS=2 bash scripts/fuzz.sh 600                       (two targets at a time)
#   FUZZ_KEEP_GOING=1 bash scripts/fuzz.sh 600                 (fork mode: go on after a crash, keep them all)
#   bash scripts/fuzz.sh --long [TARGET...]                    (the long campaign: every target up to
#        FUZZ_GOAL=1000000 executions in total, resumable slices of FUZZ_SLICE=900 s, FUZZ_JOBS at a time;
#        ledger tests/fuzz/campaign.tsv, table tests/fuzz/RESULTS.md; see tests/fuzz/campaign.py)
# Before fuzzing, replays tests/data/fuzz_regressions/<target>/* (every crash found so far) under the
# sanitizers. Corpora persist in build/fuzz/corpus/<target>/ (seeded from the fixtures by
# tests/fuzz/seed_corpus.py), crashes go to build/fuzz/crashes/<target>/, logs to build/fuzz/logs/.
# Ends with a table (target, executions, exec/s, cov, ft, crashes); exits 1 if any target crashed.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
LONG=0
if [ "${1:-}" = --long ]; then LONG=1; shift; SECS=0; else SECS="${1:-300}"; shift || true; fi
JOBS="${FUZZ_JOBS:-1}"
B=build/fuzz

if [ ! -f "$B/build.ninja" ] && [ ! -f "$B/Makefile" ]; then
  gen=(); command -v ninja >/dev/null && gen=(-G Ninja)
  CC=clang CXX=clang++ cmake -S . -B "$B" "${gen[@]}" -DSDW_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null \
    || { echo "fuzz: cmake configure failed"; exit 1; }
fi
cmake -S . -B "$B" >/dev/null || { echo "fuzz: cmake configure failed"; exit 1; }  # picks up new formats
mapfile -t ALL < "$B/fuzz_targets.txt"
if [ $# -gt 0 ]; then
  TARGETS=()
  for t in "$@"; do t="fuzz_${t#fuzz_}"
    printf '%s\n' "${ALL[@]}" | grep -qx "$t" || { echo "fuzz: no target $t (have: ${ALL[*]})"; exit 1; }
    TARGETS+=("$t"); done
else
  TARGETS=("${ALL[@]}")
fi
nice cmake --build "$B" -j2 --target "${TARGETS[@]}" 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' \
  || true
for t in "${TARGETS[@]}"; do [ -x "$B/$t" ] || { echo "fuzz: build of $t failed"; exit 1; }; done

python3 tests/fuzz/seed_corpus.py "$B/corpus" "${TARGETS[@]}" | sed 's/^/fuzz: /'
cat tests/fuzz/*.dict > "$B/all.dict"
dict_of() {
  case "${1#fuzz_}" in
    csv|enedis|bank|trains|receipts|netflix) echo tests/fuzz/csv.dict ;;
    json|ndjson|geojson|google_*|xapi|facebook|instagram|spotify|my_activity) echo tests/fuzz/json.dict ;;
    gpx|kml) echo tests/fuzz/xml.dict ;;
    zip) echo tests/fuzz/zip.dict ;;
    *) echo "$B/all.dict" ;;
  esac
}

status=0
# Regression inputs first: each must run clean under ASan/UBSan.
for t in "${TARGETS[@]}"; do
  reg="tests/data/fuzz_regressions/${t#fuzz_}"
  ls "$reg"/* >/dev/null 2>&1 || continue
  if ! "$B/$t" -runs=1 "$reg"/* >"$B/replay_$t.log" 2>&1; then
    echo "fuzz: $t fails on a regression input in $reg (see $B/replay_$t.log)"; status=1
  fi
done

if [ "$LONG" = 1 ]; then
  [ "$status" = 0 ] || { echo "fuzz: fix the failing regression inputs before a long campaign"; exit 1; }
  exec python3 tests/fuzz/campaign.py "$B" "${TARGETS[@]}"
fi

mkdir -p "$B/logs"
run_one() {   # run_one TARGET
  local t="$1" crash="$B/crashes/$1" corpus="$B/corpus/${1#fuzz_}"
  mkdir -p "$crash" "$corpus"
  local extra=()
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  nice "$B/$t" "$corpus" "${extra[@]}" -max_total_time="$SECS" -max_len=65536 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -timeout=30 -dict="$(dict_of "$t")" -artifact_prefix="$crash/" -print_final_stats=1 \
    >"$B/logs/$t.log" 2>&1
  echo $? >"$B/logs/$t.rc"
}
t0=$(date +%s)
running=0
for t in "${TARGETS[@]}"; do
  before=$(ls "$B/crashes/$t" 2>/dev/null | wc -l); echo "$before" >"$B/logs/$t.before"
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

printf '\n%-22s %14s %9s %8s %8s %8s\n' target executions exec/s cov ft crashes
for t in "${TARGETS[@]}"; do
  log="$B/logs/$t.log"
  last=$(grep -aE '^#[0-9]+' "$log" | grep -aE 'cov: ' | tail -1)
  execs=$(grep -aoE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' <<<"$last" | tr -d '#')
  eps=$(grep -aoE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  [ -n "$eps" ] || { [ -n "$execs" ] && eps=$(( execs / (SECS > 0 ? SECS : 1) )); }   # fork mode
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
  new=$(( $(ls "$B/crashes/$t" 2>/dev/null | wc -l) - $(cat "$B/logs/$t.before") ))
  rc=$(cat "$B/logs/$t.rc")
  [ "$rc" != 0 ] && [ "$new" = 0 ] && new="rc=$rc"
  printf '%-22s %14s %9s %8s %8s %8s\n' "$t" "${execs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "$new"
  if [ "$rc" != 0 ] || [ "$new" != 0 ]; then
    status=1
    { grep -a -m1 -E 'ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error|invariant broken' "$log" \
      || grep -a -m1 'ERROR: libFuzzer' "$log"; } | cut -c1-160 | tr -c '[:print:]\n' '?' | sed 's/^/  -> /'
    grep -aoE 'Test unit written to .*' "$log" | sed 's/^/  -> /'
  fi
done
echo "fuzz: ${#TARGETS[@]} targets x ${SECS} s in $(( $(date +%s) - t0 )) s, status $status (logs: $B/logs/)"
exit $status
