// The browser side of the in-process benchmarks: the built package as a page loads it
// (/pkg/index.js), statuses bundled for the browser (/vendor/statuses.js), and the same cases
// and loops as Node. The driver calls window.bench.* through playwright.
import * as triage from '/pkg/index.js';
import statuses from '/vendor/statuses.js';
import { makeCases } from '/bench/classify-cases.mjs';
import { makeSpeedCases } from '/bench/speed-cases.mjs';
import { runSideBySide } from '/bench/side-by-side.mjs';
import { statusCodes } from '/bench/stats.mjs';

const now = () => performance.now();

window.bench = {
  isolated: () => globalThis.crossOriginIsolated === true,
  classify({ rounds, batchMs }) {
    return runSideBySide(makeCases({ classify: triage.classify, statuses }), statusCodes(), { rounds, batchMs, now });
  },
  speed({ rounds, batchMs }) {
    return runSideBySide(makeSpeedCases(triage, Headers), null, { rounds, batchMs, now });
  },
};
window.benchReady = true;
