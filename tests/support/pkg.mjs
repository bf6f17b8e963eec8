// Loads the built package by path, following pkg/package.json the way Node resolves it.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const pkgDir = join(root, 'pkg');
export const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

/** The module Node gets for `import 'http-triage'` (the `default` condition of `exports['.']`). */
export async function loadPkg() {
  return import(pathToFileURL(join(pkgDir, manifest.exports['.'].default)).href);
}
