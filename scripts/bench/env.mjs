// Paths and the machine description shared by the benchmarks.
import { readFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const pkgDir = join(root, 'pkg');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The module Node gets for `import 'http-triage'` (the `node` condition of pkg's exports). */
export function nodeEntry() {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  return join(pkgDir, manifest.exports['.'].node);
}

export async function loadPkg() {
  return import(pathToFileURL(nodeEntry()).href);
}

/** CPU model, cores, memory, OS, Node and Chromium versions. */
export function machine() {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch { /* not Linux */ }
  let chromium = 'not found';
  if (existsSync(CHROMIUM)) {
    try {
      chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch { /* leave 'not found' */ }
  }
  let os = `${platform()} ${release()}`;
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) os = `${m[1]} (${platform()} ${release()})`;
  } catch { /* keep uname */ }
  return {
    cpu: cpuModel,
    cores: cpus().length,
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    os,
    node: process.version,
    chromium,
  };
}
