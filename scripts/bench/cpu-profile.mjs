// Where the time of a wasm call goes: runs a hot loop under `node --cpu-prof` (cpu-child.mjs) and
// splits the self time of the sampled functions into the boundary (glue, conversions, strings),
// allocation, the Rust logic itself, GC and the rest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CASES = ['decide, no headers', 'decide, Headers object', 'classify in wasm (no JS cache)'];

/** The bucket of one sampled function. */
export function bucket(name, url) {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(program)' || name === '(idle)' || name === '(root)') return 'V8 / other';
  const wasm = /\.wasm|wasm-/.test(url) || /^wasm-to-js/.test(name);
  if (wasm) {
    if (/wasm-to-js|wasm_bindgen|js_sys|serde_wasm_bindgen|externref|__wbindgen|Ref\(String\)|multivalue shim|^http_triage::bindings|^<http_triage::bindings|^[a-zA-Z]+(_[a-zA-Z]+)?$/.test(name)) return 'wasm: JS <-> Rust conversion (bindings, wasm-bindgen, js-sys)';
    if (/dlmalloc|alloc::|drop_in_place|raw_vec|__rust_|__rdl|memcpy|memset|memmove|realloc|RawVec|String as core::clone/.test(name)) return 'wasm: allocation, copies and drops';
    if (/^http_triage::|^<http_triage::/.test(name)) return 'wasm: http-triage core logic';
    return 'wasm: other Rust (core, alloc, std)';
  }
  if (/decode|encode|getStringFromWasm|passStringToWasm|string_get|TextDecoder|TextEncoder|getUint8ArrayMemory|getDataViewMemory|get buffer|getArrayU8|getArrayJsValue/.test(name)) return 'JS glue: strings and memory views';
  if (/http_triage\.js$/.test(url)) {
    if (/^__wbg_|^handleError|^__wbindgen|^addToExternrefTable|^takeFromExternrefTable/.test(name)) return 'JS glue: imports wasm calls (property reads, iterators, new objects)';
    if (/^(getObject|isLikeNone|debugString)/.test(name)) return 'JS glue: imports wasm calls (property reads, iterators, new objects)';
    return 'JS glue: exported functions and classes';
  }
  if (/cpu-child\.mjs$/.test(url)) return 'benchmark loop';
  return 'V8 / Node builtins';
}

/** Profiles one case; resolves to { calls, buckets: [[name, share]], top: [[function, share]] }. */
export function profileCase(what, ms = 1500) {
  const dir = mkdtempSync(join(tmpdir(), 'http-triage-prof-'));
  try {
    const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(new URL('./cpu-child.mjs', import.meta.url)), what, String(ms)], { encoding: 'utf8', timeout: 60_000 });
    if (child.status !== 0) throw new Error(`cpu profile of ${what} failed: ${child.stderr}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const hits = new Map();
    for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
    const buckets = new Map();
    const fns = new Map();
    let total = 0;
    const sources = new Map();
    /** Names an anonymous glue function after the import it implements (`__wbg_get_…: function() { return handleError(function (…`). */
    const nameOf = ({ functionName, url, lineNumber }) => {
      if (functionName || !url.startsWith('file:')) return functionName;
      if (!sources.has(url)) sources.set(url, readFileSync(fileURLToPath(url), 'utf8').split('\n'));
      const lines = sources.get(url);
      for (let l = lineNumber; l >= Math.max(0, lineNumber - 3); l--) {
        const m = /(__wbg_\w+?|__wbindgen_\w+?)(_[0-9a-f]{16})?\s*:/.exec(lines[l] ?? '');
        if (m) return `${m[1]} (import body)`;
      }
      return functionName;
    };
    for (const [id, count] of hits) {
      const { url } = byId.get(id).callFrame;
      const functionName = nameOf(byId.get(id).callFrame);
      if (functionName === '(idle)' || functionName === '(program)') continue;
      total += count;
      const b = bucket(functionName, url);
      buckets.set(b, (buckets.get(b) ?? 0) + count);
      const fn = functionName.replace(/::h[0-9a-f]{16}/g, '').replace(/\[[0-9a-f]{16}\]/g, '') || '(anonymous)';
      fns.set(fn, (fns.get(fn) ?? 0) + count);
    }
    const share = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / total]);
    return { calls: Number(child.stdout.split(' ')[0]), ms, buckets: share(buckets), top: share(fns).slice(0, 8) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  const rows = [];
  const data = {};
  for (const what of CASES) {
    const p = profileCase(what);
    data[what] = p;
    const perCallUs = (p.ms * 1000) / p.calls;
    for (const [b, s] of p.buckets.filter(([, s]) => s >= 0.01)) rows.push([what, `${perCallUs.toFixed(2)} µs/call`, b, `${(s * 100).toFixed(0)}%`]);
  }
  return {
    id: 'cpu',
    title: "Where a wasm call's time goes (Node --cpu-prof, self time by bucket; the un-optimised named build target/glue/node, so per-call times are a little above the shipped build's)",
    columns: ['case', 'per call', 'bucket', 'share of self time'],
    rows,
    targets: [],
    data,
    notes: CASES.map((c) => `${c}, top functions: ${data[c].top.slice(0, 6).map(([f, s]) => `${f.slice(0, 90)} ${(s * 100).toFixed(0)}%`).join('; ')}.`),
  };
}
