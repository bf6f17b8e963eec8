#!/usr/bin/env bash
# Runs every test layer and ends with one line: "total: N passed, N failed".
# Layers: fmt + clippy (native and wasm32) -> native cargo test (with the ABI suite) -> the ABI
# suite as wasm32 in Node and headless Chromium -> build pkg/ -> size budget -> tsc -> node --test
# against pkg/ -> the consumer matrix (npm pack into every toolchain, default configuration) ->
# end to end in Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test || { echo "setup failed"; exit 1; }
export CHROMEDRIVER=/usr/bin/chromedriver
log_dir=target/test-logs
mkdir -p "$log_dir"
passed=0; failed=0; broken=()

# Counts a layer's tests from its log: cargo's "test result:" lines or node's "# pass/# fail".
count() {
  local log=$1 p f
  p=$( { grep -hoE 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | grep -oE '[0-9]+ passed'; grep -hoE '^# pass [0-9]+' "$log"; } | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$( { grep -hoE 'test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$log" | grep -oE '[0-9]+ failed'; grep -hoE '^# fail [0-9]+' "$log"; } | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  echo "${p:-0} ${f:-0}"
}

layer() {
  local name=$1; shift
  local log="$log_dir/$name.log" start=$SECONDS
  printf '── %-22s' "$name"
  if "$@" >"$log" 2>&1; then status=ok; else status=FAILED; fi
  read -r p f < <(count "$log")
  if [ "$status" = FAILED ] && [ "$f" -eq 0 ]; then f=1; fi   # a layer that broke counts as a failure
  passed=$((passed + p)); failed=$((failed + f))
  printf '%-7s %4d passed %3d failed  %4ds\n' "$status" "$p" "$f" $((SECONDS - start))
  if [ "$status" = FAILED ]; then broken+=("$name"); tail -n 60 "$log" | sed 's/^/   │ /'; fi
}

checks() { cargo fmt --check && cargo clippy --quiet --all-targets -- -D warnings \
  && cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings \
  && echo "test result: ok. 3 passed; 0 failed"; }

layer lint            checks
layer native          cargo test --quiet
layer wasm-node       cargo test --target wasm32-unknown-unknown --test node
layer wasm-chromium   cargo test --target wasm32-unknown-unknown --test web
layer build           bash -c 'scripts/build.sh && echo "test result: ok. 1 passed; 0 failed"'
layer size-budget     node scripts/size-budget.mjs
layer types           bash -c 'node_modules/.bin/tsc -p tests/types && node_modules/.bin/tsc -p tests/types/tsconfig.adapters.json && echo "test result: ok. 2 passed; 0 failed"'
layer js              node --test --test-concurrency=1 tests/js/
layer consumer        timeout -k 20 600 node --test tests/consumer/
layer e2e             node --test --test-concurrency=1 tests/e2e/

echo
[ ${#broken[@]} -gt 0 ] && echo "failed layers: ${broken[*]} (logs in $log_dir/)"
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
