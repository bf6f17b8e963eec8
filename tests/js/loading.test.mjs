// How the package loads: one self-contained module per entry (ESM and CommonJS), nothing
// instantiated at import, no top-level await, no import.meta, no asset URL, no fetch, no file read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { pkgDir } from '../support/pkg.mjs';

/** Every .js / .cjs file of pkg/. */
function shipped(dir = pkgDir) {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return shipped(path);
    return /\.c?js$/.test(f) ? [path] : [];
  });
}

function run(args, code) {
  return execFileSync(process.execPath, [...args, '-e', code], { cwd: pkgDir, encoding: 'utf8' }).trim();
}

test('no shipped file has import.meta or top-level await; no entry reads a file or a URL', () => {
  const files = shipped();
  assert.ok(files.length > 20);
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    assert.doesNotMatch(source, /import\.meta/, file);
    // esbuild refuses top-level await in an iife: a clean transform proves there is none.
    assert.doesNotThrow(() => transformSync(source, { format: 'iife', logLevel: 'silent' }), file);
  }
  for (const entry of ['index.js', 'index.cjs']) {
    const source = readFileSync(join(pkgDir, entry), 'utf8');
    assert.doesNotMatch(source, /readFile|\.wasm\b|instantiateStreaming|compileStreaming|WebAssembly\.instantiate\b/, entry);
  }
  assert.ok(!readdirSync(pkgDir).some((f) => f.endsWith('.wasm')), 'the wasm travels inside the modules');
});

test('importing instantiates nothing; the first call does, synchronously', () => {
  const out = run(['--input-type=module'], `
    const t = await import('./index.js');
    const before = t.wasmMemoryBytes();
    const reason = t.classify(503).reason;
    console.log(JSON.stringify([before, reason, t.wasmMemoryBytes() > 0]));`);
  assert.deepEqual(JSON.parse(out), [0, 'Service Unavailable', true]);
});

test('require() gets the CommonJS build, also without require(esm)', () => {
  for (const flags of [[], ['--no-experimental-require-module']]) {
    const out = run(flags, `
      const t = require('./index.cjs');
      const fr = require('./locales/fr.cjs');
      t.addMessages(fr);
      console.log(JSON.stringify([t.classify(503).reason, typeof t.createFetch, t.userMessage(404, { locale: 'fr' }).locale,
        t.isHttpError(new t.HttpError({ status: 404 }))]));`);
    assert.deepEqual(JSON.parse(out), ['Service Unavailable', 'function', 'fr', true], flags.join(' '));
  }
});

test('the ESM and CommonJS builds are the same code', () => {
  const size = (f) => readFileSync(join(pkgDir, f)).length;
  assert.ok(Math.abs(size('index.js') - size('index.cjs')) < 2048, 'one source, two formats');
});

test('without TextEncoder and TextDecoder (Jest jsdom has neither) the same answers come back', () => {
  const probe = `
    const fr = (await import('./locales/fr.js')).default;
    const t = await import('./index.js');
    t.addMessages(fr);
    const body = JSON.stringify({ title: 'Échec « 😀 »', detail: 'naïve \\ud800 façade', errors: [{ field: 'née', message: '✓' }] });
    console.log(JSON.stringify([t.userMessage(429, { locale: 'fr', retryAfterMs: 30_000 }), t.parseErrorBody(body, 'application/json')]));`;
  const native = run(['--input-type=module'], probe);
  const fallback = run(['--input-type=module'], `delete globalThis.TextEncoder; delete globalThis.TextDecoder; ${probe}`);
  assert.equal(fallback, native);
  assert.match(native, /Échec « 😀 »/);
});

test('the wasm decoder inside the entry is scripts/decode.wat as binaryen compiles it', async () => {
  const { default: binaryen } = await import('binaryen');
  const wat = readFileSync(join(pkgDir, '..', 'scripts/decode.wat'), 'utf8');
  const module = binaryen.parseText(wat);
  module.optimize();
  assert.ok(module.validate());
  const expected = Array.from(module.emitBinary()).join(', ');
  const source = readFileSync(join(pkgDir, '..', 'src/js/wasm.js'), 'utf8');
  const listed = /const DECODER = \[([^\]]*)\]/.exec(source)[1].replace(/\s+/g, ' ').trim().replace(/,$/, '');
  assert.equal(listed, expected);
});
