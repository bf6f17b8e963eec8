// Runs every ```js example of README.md against the built package. A line `expr; // => value`
// becomes an assertion that `expr` deep-equals `value`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, pkgDir } from '../support/pkg.mjs';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

function instrument(code) {
  return code.split('\n').map((line) => {
    const m = /^(\s*)(.+?);?\s*\/\/ => (.+)$/.exec(line);
    return m ? `${m[1]}__assert.deepStrictEqual(${m[2]}, ${m[3]});` : line;
  }).join('\n');
}

test('the README has runnable examples', () => assert.ok(blocks.length >= 3));

const work = mkdtempSync(join(tmpdir(), 'http-triage-readme-'));
mkdirSync(join(work, 'node_modules'));
symlinkSync(pkgDir, join(work, 'node_modules/http-triage'), 'dir');
// The libraries the adapters' examples import (dev dependencies of this repository).
mkdirSync(join(work, 'node_modules/@tanstack'));
for (const lib of ['axios', 'ky', 'ofetch', 'wretch', 'got', '@tanstack/query-core']) {
  symlinkSync(join(root, 'node_modules', lib), join(work, 'node_modules', lib), 'dir');
}
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

blocks.forEach((code, i) => {
  test(`README example ${i + 1}`, async () => {
    const file = join(work, `example-${i + 1}.mjs`);
    writeFileSync(file, `import __assert from 'node:assert/strict';\n${instrument(code)}\n`);
    await import(pathToFileURL(file).href);
  });
});
