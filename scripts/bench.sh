#!/usr/bin/env bash
# make bench: installs what it needs (scripts/setup.sh test: the npm dev packages, including ky,
# statuses, http-status-codes and esbuild, and Debian's chromium), builds pkg/, runs every
# benchmark (scripts/bench/run.mjs), prints the table and writes BENCHMARKS.md.
# Loopback only; about 2-3 minutes on a 2-core machine, plus the build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/build.sh
node scripts/bench/run.mjs "$@"
