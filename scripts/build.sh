#!/usr/bin/env bash
# Builds everything, incrementally: native core + tests + CLI (build/native), the two wasm modules
# (build/wasm), and the static site in dist/ (esbuild bundles of web/, DuckDB-wasm files, fonts).
#   scripts/build.sh [native|wasm|web|all]   (default: all)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
what="${1:-all}"
JOBS="${JOBS:-$(nproc)}"
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's node-acorn
GEN=(); command -v ninja >/dev/null && GEN=(-G Ninja)

build_native() {
  [ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$JOBS"
}
build_wasm() {
  [ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm "${GEN[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j "$JOBS"
}
build_web() {
  mkdir -p dist/duckdb
  local EB=node_modules/.bin/esbuild
  "$EB" web/main.js --bundle --format=esm --target=es2022 --outfile=dist/main.js --log-level=warning
  "$EB" web/parse_worker.js --bundle --format=iife --target=es2022 --outfile=dist/parse_worker.js --log-level=warning
  cp web/index.html web/style.css dist/
  for f in app.js app.wasm app.data core.js core.wasm; do cp -p "build/wasm/$f" dist/; done
  cp -p node_modules/parquet-wasm/esm/parquet_wasm_bg.wasm dist/
  for f in duckdb-eh.wasm duckdb-browser-eh.worker.js; do
    [ dist/duckdb/$f -nt node_modules/@duckdb/duckdb-wasm/dist/$f ] || cp node_modules/@duckdb/duckdb-wasm/dist/$f dist/duckdb/
  done
  # Service worker with the list of files to cache for offline use, versioned by their content.
  (cd dist && python3 - <<'PY'
import hashlib, json, os
files = sorted(os.path.join(d, f)[2:] for d, _, fs in os.walk('.') for f in fs if f != 'sw.js')
h = hashlib.sha256()
for f in files:
    with open(f, 'rb') as fh: h.update(f.encode() + b'\0' + hashlib.sha256(fh.read()).digest())
src = open('../web/sw.js').read().replace("'__VERSION__'", repr(h.hexdigest()[:16])).replace('__FILES__', json.dumps(['./'] + files))
open('sw.js', 'w').write(src)
PY
  )
}
case "$what" in
  native) build_native ;;
  wasm) build_wasm; build_web ;;
  web) build_web ;;
  all) build_native; build_wasm; build_web ;;
  *) echo "usage: $0 [native|wasm|web|all]" >&2; exit 2 ;;
esac
