#!/usr/bin/env bash
# Builds pkg/: cargo (wasm32, release) -> node_modules/.bin/wasm-opt -Oz -> the wasm written as
# JavaScript text -> one self-contained module per entry (ESM and CommonJS, from the same
# source), types, locale modules and package.json. Prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

cargo build --quiet --release --target wasm32-unknown-unknown --lib
mkdir -p target/js
# --converge repeats -Oz until the wasm stops shrinking. --low-memory-unused lets wasm-opt fold
# constant address offsets into loads and stores: rustc's wasm32 layout keeps the first 1 KiB
# of memory unused (the shadow stack sits below 1 MiB and grows down from there, the data above it).
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  target/wasm32-unknown-unknown/release/http_triage.wasm -o target/http_triage.wasm
node scripts/wasm-text.mjs target/http_triage.wasm target/js/wasm-bytes.js
rm -rf pkg
node scripts/package.mjs
