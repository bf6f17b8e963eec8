// The browser side of the classify() and decide() benchmarks: the built package as a page
// loads it (/pkg/index.js), the comparison bundled for the browser (/vendor/statuses.js), and the
// same cases and loops as Node. The driver calls window.bench.* through playwright.
import * as triage from '/pkg/index.js';
import * as glue from '/js/http_triage_web.js';

// The raw glue (unbundled, a module instance of its own) is instantiated with the shipped wasm.
await glue.default({ module_or_path: '/pkg/http_triage_bg.wasm' });
import statuses from '/vendor/statuses.js';
import { makeCases, makeUncachedCase, runSideBySide } from '/bench/classify-cases.mjs';
import { decideContexts, decideBatches, POLICY_OPTIONS } from '/bench/decide-cases.mjs';
import { statusCodes } from '/bench/stats.mjs';

const now = () => performance.now();

window.bench = {
  isolated: () => globalThis.crossOriginIsolated === true,
  classify({ rounds, batchMs }) {
    const codes = statusCodes();
    const cases = { ...makeCases({ classify: triage.classify, statuses }), ...makeUncachedCase(glue.classify) };
    return runSideBySide(cases, codes, { rounds, batchMs, now });
  },
  decide({ rounds, batch }) {
    const policy = new triage.RetryPolicy(POLICY_OPTIONS);
    return decideBatches(policy, decideContexts(Headers), () => triage.wasmMemoryBytes() & 1, { rounds, batch, now });
  },
};
window.benchReady = true;
