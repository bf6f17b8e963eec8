// Finds the WebAssembly bytes a build output (or the package itself) ships, in whichever form:
//   - 'asset':   a separate .wasm file (today's format: Vite and webpack emit one);
//   - 'literal': inside JavaScript text, in any spelling, this package's own encoding included,
//                or base64 ('base64'): scripts/wasm-literal.mjs finds and reads it.
// Source maps are skipped (their sourcesContent repeats the package's own literal).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, relative } from 'node:path';
import { wasmInText } from '../../../scripts/wasm-literal.mjs';

const MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const TEXT_EXTS = new Set(['.js', '.mjs', '.cjs', '.html', '.json']);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** Every wasm payload under `dir`: `[{ file, form, bytes, sha256 }]` (file relative to dir). */
export function findWasmPayloads(dir) {
  const payloads = [];
  const add = (path, form, bytes) => payloads.push({
    file: relative(dir, path), form, bytes, sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  for (const path of walk(dir)) {
    const ext = extname(path);
    if (ext === '.wasm') {
      const bytes = readFileSync(path);
      if (bytes.subarray(0, 8).equals(MAGIC)) add(path, 'asset', bytes);
    } else if (TEXT_EXTS.has(ext)) {
      for (const { form, bytes } of wasmInText(readFileSync(path, 'utf8'))) {
        add(path, form === 'base64' ? 'base64' : 'literal', Buffer.from(bytes));
      }
    }
  }
  return payloads;
}

/** Digest shown in messages. */
export const shortHash = (sha256) => sha256.slice(0, 12);
