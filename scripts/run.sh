#!/usr/bin/env bash
# The README's "run" command: set up, build, serve on 127.0.0.1 and print the URL.
#   scripts/run.sh [--port N]     (or PORT=N)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${PORT:-8080}"
while [ $# -gt 0 ]; do case "$1" in --port) PORT="$2"; shift 2 ;; *) echo "unknown option $1" >&2; exit 2 ;; esac; done
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" wasm
exec python3 "$ROOT/scripts/serve.py" --root "$ROOT/dist" --port "$PORT"
