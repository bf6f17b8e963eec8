// The format of what `npm pack` of pkg/ ships, file by file (issue 11, "Done when"). It runs before
// matrix.test.mjs (file order), so the matrix's table ends the log:
//   - no top-level await in any JavaScript file (found by parsing: esbuild refuses to turn a module
//     with top-level await into CommonJS, and names the line);
//   - no `import.meta` in any shipped file but Markdown (import.meta.url is what bundlers rewrite
//     or drop; any import.meta is also a syntax error in a CommonJS build). The README may explain
//     the format in prose, so .md files are not searched;
//   - every copy of the wasm the tarball carries (inline or as a file) is the same valid module:
//     that digest is the reference the matrix compares each bundle's bytes with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { transform } from 'esbuild';
import { findWasmPayloads, shortHash } from './lib/wasm-payload.mjs';
import { makeRoot, packPkg, removeRoot } from './lib/workspace.mjs';

const JS = new Set(['.js', '.mjs', '.cjs']);
let root;
let packed;

before(async () => {
  root = makeRoot('http-triage-tarball-');
  packed = await packPkg(root);
});
after(() => removeRoot(root));

test('no shipped JavaScript file has a top-level await', async () => {
  const offenders = [];
  const checked = packed.files.filter((f) => JS.has(extname(f)));
  assert.ok(checked.length > 0, `no JavaScript in the tarball: ${packed.files.join(', ')}`);
  for (const file of checked) {
    const code = readFileSync(join(packed.contents, file), 'utf8');
    try {
      await transform(code, { loader: 'js', format: 'cjs', logLevel: 'silent', sourcefile: file });
    } catch (error) {
      const reasons = (error.errors ?? [{ text: error.message }]).map((e) => `${file}:${e.location?.line ?? '?'}:${e.location?.column ?? '?'} ${e.text}`);
      offenders.push(...reasons);
    }
  }
  assert.deepEqual(offenders, [], `top-level await (or a parse error) in the tarball:\n${offenders.join('\n')}`);
});

test('no shipped file but Markdown mentions import.meta', () => {
  const offenders = [];
  for (const file of packed.files.filter((f) => extname(f) !== '.md')) {
    const lines = readFileSync(join(packed.contents, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/import\s*\.\s*meta(?:\s*\.\s*[A-Za-z_$]+)?/g)) {
        offenders.push(`${file}:${i + 1}:${m.index + 1} ${m[0]}`);
      }
    });
  }
  assert.deepEqual(offenders, [], `import.meta in the tarball:\n${offenders.join('\n')}`);
});

test('every wasm copy in the tarball is the same valid module', () => {
  const found = findWasmPayloads(packed.contents);
  const listing = found.map((p) => `${p.file} (${p.form}, ${p.bytes.length} bytes, sha256 ${shortHash(p.sha256)})`).join('; ');
  assert.ok(found.length > 0, `no wasm in the tarball (files: ${packed.files.join(', ')})`);
  assert.equal(new Set(found.map((p) => p.sha256)).size, 1, `the tarball carries different wasm bytes: ${listing}`);
  assert.ok(WebAssembly.validate(found[0].bytes), `the tarball's wasm does not validate: ${listing}`);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(found[0].bytes));
  assert.ok(exports.some((e) => e.kind === 'memory'), 'the wasm exports no memory');
  assert.ok(exports.filter((e) => e.kind === 'function').length > 0, 'the wasm exports no function');
});
