#!/usr/bin/env bash
# Installs what the build and the tests need, idempotently. Usage: scripts/setup.sh build|test
# build: the wasm32 target and the npm dev packages (binaryen's wasm-opt, esbuild).
# test:  also rustfmt/clippy, the pinned wasm-bindgen CLI (its wasm-bindgen-test-runner runs the
#        wasm32 suites) and Debian's chromium + chromedriver.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then say "apt-get update"; $sudo apt-get update -qq; apt_updated=1; fi
  say "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The wasm-bindgen CLI must match the crate's pinned version exactly.
wb_version="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)"
[ -n "$wb_version" ] || { echo "setup: cannot read the pinned wasm-bindgen version from Cargo.toml" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"; npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = test ]; then
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
    say "cargo install wasm-bindgen-cli $wb_version (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$wb_version" --force
  fi
  for c in rustfmt clippy; do
    rustup component list --installed | grep -q "^$c" || rustup component add "$c"
  done
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || apt_install chromium chromium-driver
  # Fonts for every script the locale packs use, so screenshots show text, not boxes.
  apt_install fonts-noto-core fonts-noto-cjk
fi
