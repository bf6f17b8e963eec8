#!/usr/bin/env bash
# Builds pkg/: cargo (wasm32, release) -> wasm-bindgen (web + node glue) -> node_modules/.bin/wasm-opt -Oz ->
# the JS entries, types, locale modules and package.json. Prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build

cargo build --quiet --release --target wasm32-unknown-unknown --lib
wasm=target/wasm32-unknown-unknown/release/http_triage.wasm
glue=target/glue
rm -rf "$glue" pkg
wasm-bindgen --target web --weak-refs --out-dir "$glue/web" "$wasm"
wasm-bindgen --target experimental-nodejs-module --weak-refs --out-dir "$glue/node" "$wasm"
cmp -s "$glue/web/http_triage_bg.wasm" "$glue/node/http_triage_bg.wasm" \
  || { echo "build: the web and node flavours produced different wasm" >&2; exit 1; }

mkdir -p pkg
# --converge repeats -Oz until the wasm stops shrinking. --low-memory-unused lets wasm-opt fold
# constant address offsets into loads and stores: rustc's wasm32 layout keeps the first 1 KiB
# of memory unused (the shadow stack sits below 1 MiB and grows down from there, the data above it).
node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-sign-ext --enable-mutable-globals --enable-multivalue \
  "$glue/web/http_triage_bg.wasm" -o pkg/http_triage_bg.wasm
node scripts/minify-imports.mjs pkg/http_triage_bg.wasm "$glue/web/http_triage.js" "$glue/node/http_triage.js" \
  "$glue/web/http_triage_bg.wasm" "$glue/node/http_triage_bg.wasm"
node scripts/package.mjs "$glue"
