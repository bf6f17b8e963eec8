// Node start-up as a whole process: `node -e` importing the package and calling classify,
// against `node -e 0` and against importing `statuses` the same way. Each command runs as a
// fresh process from an app folder where `http-triage` is installed (a copy of pkg/); the
// commands take turns (A B C …, rotated each round) and each round's wall time is compared
// with the others' in the same round. Medians.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { root, pkgDir } from './env.mjs';
import { median, fmtMs, fmtDeltaMs, fmtRatio } from './stats.mjs';

const ROUNDS = 20;
const EMPTY = 'node -e 0';
const STATUSES_ESM = "node --input-type=module -e \"import statuses from 'statuses'; statuses(200)\"";
export const COMMANDS = {
  [EMPTY]: ['-e', '0'],
  "node --input-type=module -e \"import { classify } from 'http-triage'; classify(200)\"": ['--input-type=module', '-e', "import { classify } from 'http-triage'; classify(200)"],
  [STATUSES_ESM]: ['--input-type=module', '-e', "import statuses from 'statuses'; statuses(200)"],
  "node -e \"require('http-triage').classify(200)\"": ['-e', "require('http-triage').classify(200)"],
  "node -e \"require('statuses')(200)\"": ['-e', "require('statuses')(200)"],
};

/** An app folder with pkg/ installed as node_modules/http-triage (statuses resolves above it). */
function app() {
  const dir = join(root, 'target/bench/apps/startup');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(pkgDir, join(dir, 'node_modules', 'http-triage'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bench-startup", "private": true }\n');
  return dir;
}

export async function run() {
  const cwd = app();
  const names = Object.keys(COMMANDS);
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = -2; r < ROUNDS; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(r, 0)) % names.length];
      const t0 = performance.now();
      const p = spawnSync(process.execPath, COMMANDS[name], { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
      const dt = performance.now() - t0;
      if (p.status !== 0) throw new Error(`${name} exited ${p.status}: ${p.stderr}`);
      if (r >= 0) wall[name].push(dt);
    }
  }
  const ratio = (a, b) => median(wall[a].map((x, i) => x / wall[b][i]));
  const diff = (a, b) => median(wall[a].map((x, i) => x - wall[b][i]));
  const data = {};
  const rows = names.map((name) => {
    const d = { median: median(wall[name]), min: Math.min(...wall[name]), max: Math.max(...wall[name]), vsEmpty: ratio(name, EMPTY), overEmpty: diff(name, EMPTY) };
    data[name] = d;
    return [name, fmtMs(d.median), `${fmtMs(d.min)} – ${fmtMs(d.max)}`, name === EMPTY ? 'baseline' : `${fmtRatio(d.vsEmpty)} (${fmtDeltaMs(d.overEmpty)})`];
  });
  const triageEsm = names[1];
  const triageCjs = names[3];
  data.esmVsStatuses = ratio(triageEsm, STATUSES_ESM);
  data.cjsVsStatuses = ratio(triageCjs, names[4]);
  data.esmOverStatuses = diff(triageEsm, STATUSES_ESM);
  data.cjsOverStatuses = diff(triageCjs, names[4]);
  return {
    id: 'startup',
    title: `Node start-up, whole process (wall time from spawn to exit; median of ${ROUNDS} interleaved rounds; ratios and differences: medians of per-round pairs)`,
    columns: ['command', 'median', 'min – max', 'vs node -e 0'],
    rows,
    targets: [{
      label: 'Node start-up, whole process: import + classify against node -e 0 and against statuses (report)',
      value: `${fmtDeltaMs(data[triageEsm].overEmpty)} over node -e 0 (ESM), ${fmtRatio(data.esmVsStatuses)} of importing statuses (${fmtDeltaMs(data.esmOverStatuses)}); CommonJS ${fmtDeltaMs(data[triageCjs].overEmpty)}, ${fmtRatio(data.cjsVsStatuses)} of require('statuses')`,
      met: true,
      report: true,
      key: 'startup',
    }],
    data,
    notes: [
      `Every command runs from target/bench/apps/startup (pkg/ installed there as node_modules/http-triage; statuses resolves from the repo's node_modules). The http-triage commands include the first use (compile + instantiate) since they call classify.`,
    ],
  };
}
