// The consumer matrix (issue 11): the package as users get it, `npm pack` of pkg/, installed into
// one throwaway project per toolchain with that toolchain's DEFAULT configuration, built or run,
// and checked in the real runtime by the probe in lib/probe.mjs (classify(503).reason, and a
// createFetch() call to a 127.0.0.1 server that answers /ok and throws HttpError not_found for
// /missing). Bundler outputs are also searched for the wasm bytes they ship (lib/wasm-payload.mjs)
// and compared with the tarball's.
//
//   node --test tests/consumer/                                 # everything (scripts/test.sh does this)
//   node --test --test-name-pattern='vite|next' tests/consumer/ # some environments (the others skip)
//   KEEP=1 node --test tests/consumer/matrix.test.mjs           # keep the projects to poke at
//
// Environments are grouped by toolchain (envs/*.mjs), one project each; groups run in
// CONSUMER_LANES lanes (default 2), the environments of a group one after the other. Every
// environment is bounded in time and every process and server it starts is stopped. At the end it
// prints one line per environment (name, ok/FAILED, seconds, the cause in one line) and a total.
// Other knobs: CONSUMER_PKG=<dir> packs another build instead of pkg/; CONSUMER_CACHE and
// CONSUMER_FRESH=1 steer the toolchain templates (lib/workspace.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { closeBrowser } from './lib/browser.mjs';
import { stopAll } from './lib/proc.mjs';
import { startTarget } from './lib/target.mjs';
import { findWasmPayloads, shortHash } from './lib/wasm-payload.mjs';
import { makeProject, makeRoot, packPkg, removeRoot } from './lib/workspace.mjs';
import bare from './envs/bare.mjs';
import bundlers from './envs/bundlers.mjs';
import jest from './envs/jest.mjs';
import next from './envs/next.mjs';
import runtimes from './envs/runtimes.mjs';
import vite from './envs/vite.mjs';
import webpack from './envs/webpack.mjs';

/** Longest first, so the slowest group does not start last. */
const GROUPS = [next, vite, jest, webpack, bundlers, bare, runtimes];
const LANES = Math.max(1, Number(process.env.CONSUMER_LANES ?? 2));
/** What node:test allows a test on top of its own bound, for waiting on its group's install. */
const SETUP_ALLOWANCE_MS = 600_000;
/** The matrix's time budget on a 2-core machine (issue 11); the total line says when it is exceeded. */
const BUDGET_MS = 8 * 60_000;

const run = { root: null, packed: null, target: null, reference: null };
const rows = [];
const setupRows = [];
const startedAt = Date.now();

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const firstLine = (error) => (error?.summary ?? String(error?.message ?? error).split('\n').find((l) => l.trim() !== '') ?? '').slice(0, 220);

/** Declaration order of the checks, so the table reads in matrix order whatever finished first. */
const order = new Map();

function record(list, name, status, ms, note = '') {
  list.push({ name, status, ms, note });
}

/** Rejects after `ms` (the environment's own bound; inner steps have tighter ones). */
function bounded(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: not done after ${ms} ms`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

before(async () => {
  run.root = makeRoot();
  run.packed = await packPkg(run.root);
  run.target = await startTarget();
  const shipped = findWasmPayloads(run.packed.contents);
  const digests = [...new Set(shipped.map((p) => p.sha256))];
  run.reference = digests.length === 1
    ? { sha256: digests[0] }
    : { error: `the tarball ships ${digests.length} distinct wasm payloads (${shipped.map((p) => `${p.file} ${p.form}`).join(', ') || 'none'})` };
});

after(async () => {
  for (const group of GROUPS) await group.teardown?.(group.state).catch(() => {});
  await closeBrowser();
  await stopAll();
  await run.target?.close();
  removeRoot(run.root);
  const width = Math.max(...rows.map((r) => r.name.length), ...setupRows.map((r) => r.name.length + 6), 10);
  for (const r of setupRows) console.log(`setup ${r.name.padEnd(width - 6)}  ${r.status.padEnd(6)} ${seconds(r.ms).padStart(8)}  ${r.note}`);
  rows.sort((a, b) => order.get(a.name) - order.get(b.name));
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${r.status.padEnd(6)} ${seconds(r.ms).padStart(8)}  ${r.note}`);
  const count = (list) => `${list.length} (${list.filter((r) => r.status === 'ok').length} ok, ${list.filter((r) => r.status !== 'ok').length} FAILED)`;
  const bytes = rows.filter((r) => r.name.startsWith('wasm-bytes '));
  const wall = Date.now() - startedAt;
  console.log(`consumer matrix: environments ${count(rows.filter((r) => !bytes.includes(r)))}, wasm-bytes checks ${count(bytes)}, `
    + `${seconds(wall)} in all${wall > BUDGET_MS ? ` (over the ${BUDGET_MS / 60_000}-minute budget)` : ''}`);
});

describe('consumer matrix', { concurrency: LANES }, () => {
  for (const group of GROUPS) {
    group.state = {};
    describe(group.name, { concurrency: 1 }, () => {
      let project = null;
      const ready = () => {
        project ??= (async () => {
          const t0 = Date.now();
          try {
            const made = await makeProject(run.root, group.name, { toolchain: group.toolchain, tarball: run.packed.tarball, files: group.files });
            record(setupRows, group.name, 'ok', Date.now() - t0, made.how);
            return made.dir;
          } catch (error) {
            record(setupRows, group.name, 'FAILED', Date.now() - t0, firstLine(error));
            throw new Error(`setting up the ${group.name} project failed: ${error.message}`);
          }
        })();
        return project;
      };
      after(() => group.teardown?.(group.state));

      for (const env of group.envs) {
        order.set(env.name, order.size);
        test(env.name, { timeout: env.timeoutMs + SETUP_ALLOWANCE_MS }, async () => {
          const dir = await ready();
          const t0 = Date.now();
          try {
            await bounded(env.run({ dir, target: run.target.url, targetServer: run.target, state: group.state }), env.timeoutMs, env.name);
            record(rows, env.name, 'ok', Date.now() - t0);
          } catch (error) {
            record(rows, env.name, 'FAILED', Date.now() - t0, firstLine(error));
            throw error;
          }
        });
        if (env.bytes) {
          const name = `wasm-bytes ${env.name}`;
          order.set(name, order.size);
          test(name, { timeout: 60_000 + SETUP_ALLOWANCE_MS }, async () => {
            const dir = await ready();
            const t0 = Date.now();
            try {
              checkBytes(join(dir, env.bytes), env.name);
              record(rows, name, 'ok', Date.now() - t0);
            } catch (error) {
              record(rows, name, 'FAILED', Date.now() - t0, firstLine(error));
              throw error;
            }
          });
        }
      }
    });
  }
});

/** The wasm a bundler's output ships (inline or as an asset) is byte for byte the tarball's. */
function checkBytes(outDir, envName) {
  if (run.reference.error) assert.fail(`no reference: ${run.reference.error}`);
  if (!existsSync(outDir)) assert.fail(`${envName} left no output in ${outDir} (its build failed)`);
  const found = findWasmPayloads(outDir);
  const listing = found.map((p) => `${p.file} (${p.form}, ${p.bytes.length} bytes, sha256 ${shortHash(p.sha256)})`).join('; ');
  assert.ok(found.length > 0, `${envName}: no wasm bytes in its output (no inline literal, no base64, no .wasm asset)`);
  for (const p of found) {
    assert.equal(p.sha256, run.reference.sha256,
      `${envName}: ${p.file} carries different wasm bytes than the tarball (${shortHash(run.reference.sha256)}): ${listing}`);
  }
}
