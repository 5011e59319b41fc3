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
          nlohmann-json3-dev doctest-dev libfast-float-dev)
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

# Dear ImGui sources: only in Debian's source package (libimgui-dev has no .cpp).
IMGUI_DIR="$ROOT/third_party/imgui"
if [ ! -f "$IMGUI_DIR/imgui.cpp" ]; then
  say "fetching Dear ImGui with apt-get source"
  mkdir -p "$ROOT/third_party/.apt" && cd "$ROOT/third_party/.apt"
  SRC_LIST="$PWD/debsrc.sources"
  sed 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources > "$SRC_LIST"
  APT_OPTS=(-o "Dir::Etc::SourceList=$SRC_LIST" -o Dir::Etc::SourceParts=/dev/null)
  $SUDO apt-get "${APT_OPTS[@]}" update -qq
  rm -rf imgui-*/
  apt-get "${APT_OPTS[@]}" source -qq imgui >/dev/null 2>&1 || apt-get "${APT_OPTS[@]}" source imgui
  src="$(find . -maxdepth 1 -type d -name 'imgui-*' | head -1)"
  [ -f "$src/imgui.cpp" ] || { echo "imgui sources not found after apt-get source" >&2; exit 1; }
  rm -rf "$IMGUI_DIR"; mkdir -p "$IMGUI_DIR/backends"
  cp "$src"/imgui*.cpp "$src"/imgui*.h "$src"/imconfig.h "$src"/imstb_*.h "$IMGUI_DIR/"
  cp "$src"/backends/imgui_impl_glfw.* "$src"/backends/imgui_impl_opengl3.* "$IMGUI_DIR/backends/"
  cp "$src"/backends/imgui_impl_opengl3_loader.h "$IMGUI_DIR/backends/" 2>/dev/null || true
  cp "$src"/LICENSE.txt "$IMGUI_DIR/" 2>/dev/null || true
  cd "$ROOT"
fi

# npm packages, exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
