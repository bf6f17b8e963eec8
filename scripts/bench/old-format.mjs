// The OLD package format (wasm-bindgen glue + a separate .wasm loaded from
// `new URL(…, import.meta.url)`), for the size comparison with the current format in the same
// run. Built once from OLD_COMMIT, the last commit with that format, in a temporary git
// worktree under target/ (its scripts/build.sh needs the wasm-bindgen CLI 0.2.130, which
// `scripts/setup.sh test` installs); its pkg/ is kept under target/bench/ keyed by the commit,
// and the worktree is removed.
//   node scripts/bench/old-format.mjs   (builds it if missing; prints the pkg dir)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './env.mjs';

export const OLD_COMMIT = '196620b';
export const oldPkgDir = join(root, `target/bench/old-pkg-${OLD_COMMIT}`);
const worktree = join(root, `target/bench/old-src-${OLD_COMMIT}`);

function git(args, opts = {}) {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * The old package's directory, building it first when the cache has none; null (with a
 * message) when it cannot be built here (no such commit in this clone, no wasm-bindgen CLI…).
 */
export function oldPkg(log = (s) => process.stderr.write(`${s}\n`)) {
  try {
    return buildOldPkg(log);
  } catch (e) {
    log(`the old format could not be built: ${String(e.message ?? e).split('\n')[0]}`);
    return null;
  }
}

function buildOldPkg(log) {
  if (existsSync(join(oldPkgDir, 'package.json'))) return oldPkgDir;
  log(`building the old format from ${OLD_COMMIT} in ${worktree} (once; a few minutes)`);
  mkdirSync(join(root, 'target/bench'), { recursive: true });
  if (existsSync(worktree)) git(['worktree', 'remove', '--force', worktree]);
  git(['worktree', 'add', '--detach', worktree, OLD_COMMIT]);
  try {
    const r = spawnSync('bash', ['scripts/build.sh'], { cwd: worktree, stdio: ['ignore', 'inherit', 'inherit'], timeout: 1_800_000 });
    if (r.status !== 0) throw new Error(`the old format's scripts/build.sh exited ${r.status}`);
    const tmp = `${oldPkgDir}.partial`;
    rmSync(tmp, { recursive: true, force: true });
    cpSync(join(worktree, 'pkg'), tmp, { recursive: true });
    cpSync(tmp, oldPkgDir, { recursive: true });
    rmSync(tmp, { recursive: true, force: true });
  } finally {
    git(['worktree', 'remove', '--force', worktree]);
  }
  return oldPkgDir;
}

if (process.argv[1]?.endsWith('old-format.mjs')) {
  const dir = oldPkg();
  if (!dir) process.exit(1);
  process.stdout.write(`${dir}\n`);
}
