#!/usr/bin/env bash
# Runs every cargo-fuzz target (fuzz/fuzz_targets/) for ${FUZZ_SECONDS:-60} s each and prints a
# table: target, seconds, executions, crashes. Installs what it needs (the nightly toolchain
# and cargo-fuzz), idempotently.
#
#   FUZZ_SECONDS=600 scripts/fuzz.sh              # every target, 10 minutes each
#   FUZZ_TARGETS="decide catalog" scripts/fuzz.sh # some targets
#   FUZZ_JOBS=2 scripts/fuzz.sh                   # two targets at a time (one core each)
#
# Seeds are read from fuzz/corpus/<target>/ (committed, never written); what the fuzzer learns
# goes to fuzz/target/corpus/<target>/ and crashing inputs to fuzz/artifacts/<target>/ (both
# ignored by git). Exits non-zero when any target crashed, timed out or ran out of memory.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
logs=fuzz/target/logs

# --- what it needs -------------------------------------------------------------------------
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi

targets=${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}
echo "fuzz: building targets: $(echo $targets)"
if ! out=$(cargo +nightly fuzz build 2>&1); then echo "$out"; exit 1; fi
mkdir -p "$logs"

# --- one target ----------------------------------------------------------------------------
run_one() {
  local t=$1 work=fuzz/target/corpus/$1 seeds=fuzz/corpus/$1 log=$logs/$1.log
  mkdir -p "$work" "$seeds" "fuzz/artifacts/$t"
  # -timeout: one input taking over 10 s counts as a failure (hostile input must stay bounded).
  cargo +nightly fuzz run "$t" "$work" "$seeds" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    >"$log" 2>&1 || true
}

started=$(date +%s)
stamp=$(mktemp)
running=0
for t in $targets; do
  echo "fuzz: $t for ${seconds}s"
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait || true

# --- the table -----------------------------------------------------------------------------
failed=0
echo
printf '%-16s %8s %14s %10s %8s %8s\n' target seconds executions exec/s corpus crashes
for t in $targets; do
  log=$logs/$t.log
  # Final stats when the run ended normally; after a crash, the last status line ("#N ...").
  execs=$( { grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" || true; } | grep -oE '[0-9]+$' | tail -n1 || true)
  [ -n "$execs" ] || execs=$( { grep -oE '^#[0-9]+' "$log" || true; } | tail -n1 | tr -d '#')
  secs=$( { grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" || true; } | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' | tail -n1 || true)
  corpus=$(find "fuzz/target/corpus/$t" -type f | wc -l)
  crashes=$(find "fuzz/artifacts/$t" -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) -newer "$stamp" | wc -l)
  if grep -qE '^==[0-9]+== ERROR|^SUMMARY: libFuzzer|panicked at' "$log" && [ "$crashes" -eq 0 ]; then crashes=1; fi
  [ -n "$execs" ] || { execs=0; crashes=$((crashes > 0 ? crashes : 1)); }
  [ "$crashes" -eq 0 ] || failed=1
  printf '%-16s %8s %14s %10s %8s %8s\n' "$t" "${secs:-$seconds}" "$execs" \
    "$(( execs / (${secs:-$seconds} > 0 ? ${secs:-$seconds} : 1) ))" "$corpus" "$crashes"
done
rm -f "$stamp"
echo "fuzz: $(( $(date +%s) - started )) s in all; logs in $logs/, crashing inputs in fuzz/artifacts/"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED (reproduce with: cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>)"
  exit 1
fi
