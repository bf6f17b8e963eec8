# http-triage. Every target installs what it needs itself (scripts/setup.sh), idempotently.
PORT ?= 8080

.PHONY: build demo test
build: ## builds pkg/ (wasm + JS entries + types + locales + package.json)
	scripts/build.sh

demo: build ## builds, then serves www/ on http://127.0.0.1:$(PORT)
	node www/server.mjs $(PORT)

test: ## every test layer; ends with a "N passed, N failed" line
	scripts/test.sh

.PHONY: bench
bench: ## prints the benchmark table and writes BENCHMARKS.md
	scripts/bench.sh

.PHONY: fuzz
fuzz: ## runs each fuzz target for $${FUZZ_SECONDS:-60} s (nightly + cargo-fuzz, installed if missing)
	scripts/fuzz.sh
