// Where the consumer projects live and how they get their packages.
//
// A run works in one temp dir under os.tmpdir() (outside the repo, so no tool finds the repo's
// package.json or lockfile above the project and changes its root or workspace guess). It holds the
// `npm pack` tarball of pkg/, the tarball's files, and one project per toolchain (a group of
// environments). Removed at the end unless KEEP=1.
//
// Installing, fast on 2 cores without changing any default: each toolchain is pinned, with its
// lockfile, in tests/consumer/toolchains/<name>/. `npm ci` of that lockfile is done once per
// lockfile and kept as a template under ~/.cache/http-triage-consumer/ (CONSUMER_CACHE overrides);
// a run copies the template into its project dir (`cp -a`: a private, real node_modules, exactly
// what `npm ci` leaves) and then runs `npm install <tarball>` there, as a user would. The first run
// on a machine pays the `npm ci`s (npm's own cache, ~/.npm, is shared, --prefer-offline); later runs
// pay a copy. The templates take ~0.7 GB; one unused for 7 days is removed when its toolchain's
// lockfile has changed. CONSUMER_FRESH=1 skips the templates and runs `npm ci` in each project.
import { createHash } from 'node:crypto';
import {
  existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './proc.mjs';

export const consumerDir = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = join(consumerDir, '../..');
/** The built package to pack: pkg/, or CONSUMER_PKG (another build of it, e.g. a trial format). */
export const pkgDir = process.env.CONSUMER_PKG ?? join(repoRoot, 'pkg');
const toolchainsDir = join(consumerDir, 'toolchains');
const cacheRoot = process.env.CONSUMER_CACHE ?? join(homedir(), '.cache', 'http-triage-consumer');

export const KEEP = process.env.KEEP === '1';
const FRESH = process.env.CONSUMER_FRESH === '1';

const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--update-notifier=false'];
const INSTALL_TIMEOUT_MS = 240_000;

/** Creates the run's temp dir. */
export function makeRoot(prefix = 'http-triage-consumer-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Removes the run's temp dir, or says where it is when KEEP=1. */
export function removeRoot(root) {
  if (!root) return;
  if (KEEP) console.log(`KEEP=1: the consumer projects are in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

/**
 * `npm pack` of pkg/ into `root`, unpacked beside it; resolves to
 * `{ tarball, contents (the unpacked package/ dir), files (paths in the tarball) }`.
 */
export async function packPkg(root) {
  if (!existsSync(join(pkgDir, 'package.json'))) throw new Error(`${pkgDir} has no package.json: run scripts/build.sh first`);
  // The file list is read off the unpacked tarball: npm's --json report can be longer than the
  // output tail run() keeps.
  await run('npm', ['pack', pkgDir, '--pack-destination', root, '--loglevel=error'], { timeoutMs: 60_000 });
  const filename = readdirSync(root).find((f) => f.endsWith('.tgz'));
  if (!filename) throw new Error(`npm pack left no tarball in ${root}`);
  const tarball = join(root, filename);
  const unpacked = join(root, 'tarball');
  mkdirSync(unpacked);
  await run('tar', ['-xzf', tarball, '-C', unpacked], { timeoutMs: 30_000 });
  const contents = join(unpacked, 'package');
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? walk(join(dir, e.name)) : [relative(contents, join(dir, e.name))]));
  return { tarball, contents, files: walk(contents).sort() };
}

/** The pinned toolchains (folder names under toolchains/). */
export function toolchainNames() {
  return readdirSync(toolchainsDir).filter((name) => existsSync(join(toolchainsDir, name, 'package.json')));
}

/** The pinned direct dependencies of a toolchain, `{ name: version }`. */
export function pinnedVersions(toolchain) {
  return JSON.parse(readFileSync(join(toolchainsDir, toolchain, 'package.json'), 'utf8')).dependencies ?? {};
}

function templateKey(toolchain) {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(toolchainsDir, toolchain, file)));
  hash.update(`${process.version} ${process.platform} ${process.arch}`);
  return `${toolchain}-${hash.digest('hex').slice(0, 16)}`;
}

async function npmCi(toolchain, dir) {
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) {
    writeFileSync(join(dir, file), readFileSync(join(toolchainsDir, toolchain, file)));
  }
  await run('npm', ['ci', ...NPM_FLAGS], { cwd: dir, timeoutMs: INSTALL_TIMEOUT_MS });
}

/** Templates of older lockfiles are removed once unused this long (another worktree may use them). */
const STALE_MS = 7 * 24 * 3600_000;

/** The template dir for a toolchain, made by `npm ci` if this machine has none for its lockfile. */
async function template(toolchain) {
  const key = templateKey(toolchain);
  const dir = join(cacheRoot, key);
  let made = false;
  if (!existsSync(join(dir, 'node_modules', '.package-lock.json'))) {
    const staging = `${dir}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    await npmCi(toolchain, staging);
    try {
      renameSync(staging, dir);
      made = true;
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run made it first
    }
  }
  const now = new Date();
  utimesSync(dir, now, now); // last use
  for (const other of readdirSync(cacheRoot)) {
    if (!other.startsWith(`${toolchain}-`) || other === key) continue;
    const path = join(cacheRoot, other);
    if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
  return { dir, made };
}

/**
 * Makes `root/<name>`: the toolchain installed (from the template, or `npm ci` when
 * CONSUMER_FRESH=1), `npm install <tarball>`, then `files` ({ relative path: text }) written.
 * Resolves to `{ dir, how }` (how: a few words on what the install did).
 */
export async function makeProject(root, name, { toolchain, tarball, files = {}, manifest = {} }) {
  const dir = join(root, name);
  let how;
  if (!toolchain) {
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${name}`, private: true, ...manifest }, null, 2)}\n`);
    how = 'empty project';
  } else if (FRESH) {
    await npmCi(toolchain, dir);
    how = 'npm ci';
  } else {
    const { dir: tpl, made } = await template(toolchain);
    await run('cp', ['-a', tpl, dir], { timeoutMs: 120_000 });
    how = made ? 'npm ci into the template, copy' : 'template copy';
  }
  await run('npm', ['install', ...NPM_FLAGS, tarball], { cwd: dir, timeoutMs: INSTALL_TIMEOUT_MS });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, how: `${how} + npm install <tarball>` };
}
