// Regenerates the lockfile of each pinned toolchain (or of those named):
//   node tests/consumer/lock.mjs [vite next ...]
// Edit the exact versions in toolchains/<name>/package.json first. Resolution only
// (npm install --package-lock-only in a temp dir): nothing is installed in the repo.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './lib/proc.mjs';
import { consumerDir, toolchainNames } from './lib/workspace.mjs';

const names = process.argv.length > 2 ? process.argv.slice(2) : toolchainNames();
for (const name of names) {
  const dir = join(consumerDir, 'toolchains', name);
  const tmp = mkdtempSync(join(tmpdir(), `lock-${name}-`));
  try {
    copyFileSync(join(dir, 'package.json'), join(tmp, 'package.json'));
    await run('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tmp, timeoutMs: 300_000 });
    copyFileSync(join(tmp, 'package-lock.json'), join(dir, 'package-lock.json'));
    console.log(`${name}: package-lock.json written`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
