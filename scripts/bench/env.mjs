// Paths and the machine description shared by the benchmarks.
import { readFileSync, existsSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const pkgDir = join(root, 'pkg');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The ESM entry Node and browsers get for `import 'http-triage'` (the `default` condition). */
export function nodeEntry(dir = pkgDir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, manifest.exports['.'].default);
}

/** The CommonJS entry (`require('http-triage')`). */
export function cjsEntry(dir = pkgDir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, manifest.exports['.'].require);
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
