#!/usr/bin/env bash
# make bench: installs what it needs (scripts/setup.sh test: the npm dev packages — ky, statuses,
# ofetch, wretch, axios, axios-retry, esbuild, Vite, webpack, playwright-core — the wasm-bindgen
# CLI the old format's build needs, and Debian's chromium), builds pkg/ (scripts/build.sh), runs
# every benchmark over it (scripts/bench/run.mjs), prints the table and writes BENCHMARKS.md.
# Loopback only. About 5 minutes on a loaded 2-core machine, the build included; the first run
# also builds the old package format once (scripts/bench/old-format.mjs), a few minutes more.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/build.sh
node scripts/bench/run.mjs "$@"
