// Where the bytes of the wasm go, without extra tools: reads the module's sections, the code
// body of every function and the names the un-optimised cargo output keeps
// (target/wasm32-unknown-unknown/release/http_triage.wasm: release strips debug info, not the
// name section), demangles them and groups code by crate and module. The shipped, wasm-opt'ed
// file has no names, so its section split (code vs data) is measured directly.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const brotli = (buf) => brotliCompressSync(buf, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
}).length;

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

/** Parses the sections, code bodies, data segments and function names of a wasm binary. */
export function parseWasm(buf) {
  let p = 8;
  const u32 = () => {
    let result = 0; let shift = 0; let b;
    do { b = buf[p++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return result >>> 0;
  };
  const name = () => { const n = u32(); const s = buf.toString('utf8', p, p + n); p += n; return s; };
  const sections = [];
  const bodies = [];
  const data = [];
  const names = new Map();
  let importedFuncs = 0;
  while (p < buf.length) {
    const id = buf[p++];
    const size = u32();
    const start = p;
    const end = p + size;
    let label = SECTION_NAMES[id] ?? `section ${id}`;
    if (id === 0) {
      const n = name();
      label = `custom "${n}"`;
      if (n === 'name') {
        while (p < end) {
          const sub = buf[p++];
          const subSize = u32();
          const subEnd = p + subSize;
          if (sub === 1) {
            const count = u32();
            for (let i = 0; i < count; i++) { const idx = u32(); names.set(idx, name()); }
          }
          p = subEnd;
        }
      }
    } else if (id === 2) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        name(); name();
        const kind = buf[p++];
        if (kind === 0) { u32(); importedFuncs++; } else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { p += 2; } else if (kind === 4) { p++; u32(); }
      }
    } else if (id === 10) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        const bodyStart = p;
        const len = u32();
        p += len;
        bodies.push({ index: importedFuncs + i, size: p - bodyStart, start: bodyStart, end: p });
      }
    } else if (id === 11) {
      const count = u32();
      for (let i = 0; i < count; i++) {
        const flag = u32();
        if (flag === 2) u32();
        if (flag !== 1) { while (buf[p] !== 0x0b) p++; p++; }
        const len = u32();
        data.push({ size: len, bytes: buf.subarray(p, p + len) });
        p += len;
      }
    }
    sections.push({ id, label, size: end - start, bytes: buf.subarray(start, end) });
    p = end;
  }
  for (const b of bodies) b.name = demangle(names.get(b.index) ?? `func[${b.index}]`);
  return { sections, bodies, data, names };
}

/** `$LT$`-style escapes of Rust's legacy symbol mangling. */
const ESCAPES = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };

/**
 * A Rust legacy-mangled symbol (`_ZN11http_triage5retry…17h<hash>E`) as a path
 * (`http_triage::retry::…`), without the hash; other names as they are.
 */
export function demangle(sym) {
  if (sym.startsWith('_R')) return demangleV0(sym);
  if (!sym.startsWith('_ZN') || !sym.endsWith('E')) return sym;
  const parts = [];
  let i = 3;
  while (i < sym.length - 1) {
    const m = /^\d+/.exec(sym.slice(i));
    if (!m) return sym;
    const n = Number(m[0]);
    i += m[0].length;
    parts.push(sym.slice(i, i + n));
    i += n;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.map((p) => p.replace(/^_\$/, '$')
    .replace(/\$u([0-9a-f]+)\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/\$([A-Z]+)\$/g, (m, k) => ESCAPES[k] ?? m)
    .replace(/\.\./g, '::')).join('::');
}

/**
 * The path of a v0-mangled symbol (`_RNvNtCs…_4core3fmt5write`, how the precompiled std is
 * mangled), roughly: the identifiers in order, joined by `::` (disambiguators, back-references
 * and generic arguments dropped). Enough to group code by crate and module.
 */
function demangleV0(sym) {
  const parts = [];
  let i = 2;
  while (i < sym.length) {
    const c = sym[i];
    if (c === 'N') { i += 2; continue; }
    if (c === 's' || c === 'B') { const end = sym.indexOf('_', i); if (end < 0) break; i = end + 1; continue; }
    const m = /^(\d+)(_?)/.exec(sym.slice(i));
    if (m) {
      const n = Number(m[1]);
      const start = i + m[0].length;
      parts.push(sym.slice(start, start + n));
      i = start + n;
      continue;
    }
    i++;
  }
  return parts.length ? parts.join('::') : sym;
}

const PRIMITIVES = new Set(['char', 'str', 'bool', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'f32', 'f64']);

/** The crate a (demangled) Rust symbol belongs to, and its first two path segments. */
export function ownerOf(symbol) {
  let s = symbol.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{8,}\]/g, '');
  // '<T as Trait>::f' and '<impl X for Y>': the type the code is generated for usually tells the most.
  const asMatch = /^<(.+?) as (.+?)>::/.exec(s);
  if (asMatch) {
    const self = asMatch[1].replace(/^[&*]+(mut |const )?/, '').replace(/^\[|\]$/g, '');
    s = /::/.test(self) ? self : asMatch[2];
  }
  s = s.replace(/^<+/, '').replace(/^(dyn |&|mut |\*const |\*mut )+/, '');
  const parts = s.split('::');
  let crate = /^[a-z_][a-z0-9_]*$/.test(parts[0]) ? parts[0] : '(other)';
  // Methods of primitive types ('<char>::escape_debug_ext', '<u32 as Display>::fmt') live in core.
  if (PRIMITIVES.has(parts[0].replace(/[<>&\s]/g, ''))) crate = 'core';
  if (/^__rust|^__rdl|^__rg_/.test(parts[0])) crate = 'alloc';
  const module = crate === '(other)' ? crate : parts.slice(0, 2).join('::').replace(/<.*$/, '');
  return { crate, module };
}

/** The profile: section split of the shipped wasm, and code by crate / module / function of the named one. */
export function profile({ shipped, named, top = 30 }) {
  const ship = parseWasm(readFileSync(shipped));
  const shipTotal = readFileSync(shipped).length;
  const sectionRows = ship.sections
    .map((s) => ({ label: s.label, raw: s.size, brotli: brotli(s.bytes) }))
    .sort((a, b) => b.raw - a.raw);

  const nm = parseWasm(readFileSync(named));
  const codeTotal = nm.bodies.reduce((s, b) => s + b.size, 0);
  const group = (key) => {
    const m = new Map();
    for (const b of nm.bodies) {
      const k = key(b);
      const e = m.get(k) ?? { name: k, size: 0, count: 0 };
      e.size += b.size; e.count += 1;
      m.set(k, e);
    }
    return [...m.values()].sort((a, b) => b.size - a.size);
  };
  const byCrate = group((b) => ownerOf(b.name).crate);
  const byModule = group((b) => ownerOf(b.name).module);
  const topFunctions = [...nm.bodies].sort((a, b) => b.size - a.size).slice(0, top)
    .map((b) => ({ name: b.name.replace(/::h[0-9a-f]{16}$/, ''), size: b.size }));
  const dataTotal = nm.data.reduce((s, d) => s + d.size, 0);
  return {
    shipped: { total: shipTotal, brotli: brotli(readFileSync(shipped)), sections: sectionRows },
    named: { total: readFileSync(named).length, codeTotal, dataTotal, functions: nm.bodies.length, byCrate, byModule, topFunctions },
  };
}

/** Brotli size of a blob of strings joined by NULs (what a text table costs when compressed alone). */
export function textCost(strings) {
  const buf = Buffer.from(strings.join('\0'), 'utf8');
  return { raw: buf.length, brotli: brotli(buf) };
}
