#!/usr/bin/env bash
# Takes a fresh Debian 12 machine (root) to ready for building, serving and testing the workbench.
# Idempotent: each step checks first, so a second run takes a second or two.
# Installs: Debian packages (toolchain, headers, chromium, fonts), Dear ImGui sources (apt-get source,
# unpacked into the git-ignored third_party/), npm packages from the committed package-lock.json.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
say() { printf '[setup] %s\n' "$*"; }
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

APT_PKGS=(build-essential cmake ninja-build pkg-config python3 dpkg-dev
          emscripten binaryen nodejs
          chromium fonts-dejavu-core
          nlohmann-json3-dev doctest-dev libfast-float-dev zlib1g-dev libexpat1-dev
          ccache clang libclang-rt-14-dev)   # ccache: reused objects; libFuzzer + ASan/UBSan runtimes (scripts/fuzz.sh)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Third-party C/C++ sources that Debian ships only as source packages (or whose -dev package has no
# wasm build): Dear ImGui (UI), zlib (ZIP inflate, CRC-32) and expat (GPX/KML) for the Emscripten build.
# Fetched with `apt-get source` through a private deb-src list, unpacked into the git-ignored third_party/.
APT_SRC_READY=0
fetch_source() {   # fetch_source PKG -> prints the unpacked directory
  local pkg="$1" dir="$ROOT/third_party/.apt"
  mkdir -p "$dir"
  if [ "$APT_SRC_READY" = 0 ]; then
    sed 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources > "$dir/debsrc.sources"
    $SUDO apt-get -o "Dir::Etc::SourceList=$dir/debsrc.sources" -o Dir::Etc::SourceParts=/dev/null update -qq >&2
    APT_SRC_READY=1
  fi
  # The security archive's newest .dsc is sometimes missing from the mirror: fall back to the release's.
  ( cd "$dir" && rm -rf "$pkg"-*/ && for spec in "$pkg" "$pkg/bookworm"; do
      apt-get -o "Dir::Etc::SourceList=$dir/debsrc.sources" -o Dir::Etc::SourceParts=/dev/null \
        source -qq "$spec" >/dev/null 2>&1 && exit 0
    done; exit 1 ) || { echo "apt-get source $pkg failed" >&2; exit 1; }
  find "$dir" -maxdepth 1 -type d -name "$pkg-*" | head -1
}

IMGUI_DIR="$ROOT/third_party/imgui"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  say "fetching Dear ImGui with apt-get source"
  src="$(fetch_source imgui)"
  [ -f "$src/imgui.cpp" ] || { echo "imgui sources not found after apt-get source" >&2; exit 1; }
  rm -rf "$IMGUI_DIR"; mkdir -p "$IMGUI_DIR/backends"
  cp "$src"/imgui*.cpp "$src"/imgui*.h "$src"/imconfig.h "$src"/imstb_*.h "$IMGUI_DIR/"
  cp "$src"/backends/imgui_impl_glfw.* "$src"/backends/imgui_impl_opengl3.* "$IMGUI_DIR/backends/"
  cp "$src"/backends/imgui_impl_opengl3_loader.h "$IMGUI_DIR/backends/" 2>/dev/null || true
  cp "$src"/LICENSE.txt "$IMGUI_DIR/" 2>/dev/null || true
fi

# The app owns its WebGL context: ImGui's backend may skip its per-frame GL state backup (each read is a
# synchronous round trip in WebGL; see cmake/imgui_no_state_backup.py). Idempotent, also on older checkouts.
python3 "$ROOT/cmake/imgui_no_state_backup.py" "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp" | sed 's/^/setup: /'

ZLIB_DIR="$ROOT/third_party/zlib"
if [ ! -f "$ZLIB_DIR/inflate.c" ]; then
  say "fetching zlib with apt-get source"
  src="$(fetch_source zlib)"
  [ -f "$src/inflate.c" ] || { echo "zlib sources not found after apt-get source" >&2; exit 1; }
  rm -rf "$ZLIB_DIR"; mkdir -p "$ZLIB_DIR"
  cp "$src"/*.c "$src"/*.h "$ZLIB_DIR/"
fi

EXPAT_DIR="$ROOT/third_party/expat"
if [ ! -f "$EXPAT_DIR/lib/xmlparse.c" ]; then
  say "fetching expat with apt-get source"
  src="$(fetch_source expat)"
  libdir="$src/expat/lib"; [ -d "$libdir" ] || libdir="$src/lib"
  [ -f "$libdir/xmlparse.c" ] || { echo "expat sources not found after apt-get source" >&2; exit 1; }
  rm -rf "$EXPAT_DIR"; mkdir -p "$EXPAT_DIR/lib"
  cp "$libdir"/*.c "$libdir"/*.h "$EXPAT_DIR/lib/"
fi
cd "$ROOT"

# npm packages, exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
