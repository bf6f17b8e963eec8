// Renders the benchmark sections: a plain-text table for the terminal and BENCHMARKS.md. The
// "what it needs" paragraphs are computed from the run's figures (nothing here is a constant
// figure), so `run.mjs --render` gives the same text from target/bench/results.json.
import { fmtKB, fmtMs, fmtRatio } from './stats.mjs';

const pad = (s, n) => String(s) + ' '.repeat(Math.max(0, n - [...String(s)].length));

/** A fixed-width text table. */
function textTable(columns, rows) {
  const widths = columns.map((c, i) => Math.min(70, Math.max([...c].length, ...rows.map((r) => [...String(r[i] ?? '')].length))));
  const line = (cells) => cells.map((c, i) => pad(c ?? '', widths[i])).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const mdEscape = (s) => String(s ?? '').replace(/\|/g, '\\|');
function mdTable(columns, rows) {
  return [`| ${columns.map(mdEscape).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${columns.map((_, i) => mdEscape(r[i])).join(' | ')} |`)].join('\n');
}

const allTargets = (sections) => sections.flatMap((s) => s.targets ?? []);
const verdict = (t) => (t.report ? 'report' : t.met ? 'met' : 'NOT MET');
const targetRows = (sections) => allTargets(sections).map((t) => [t.label, t.value, verdict(t)]);
const unmet = (sections) => allTargets(sections).filter((t) => !t.met && !t.report);

function loadLine(m) {
  return `load average (1 min) at start / end: ${m.loadStart.toFixed(2)} / ${m.loadEnd.toFixed(2)} on ${m.cores} cores`;
}

export function renderText(report) {
  const out = [];
  for (const s of report.sections) {
    out.push('', `== ${s.title}`, textTable(s.columns, s.rows.map((r) => r.map((c) => String(c).slice(0, 140)))));
  }
  out.push('', '== Targets', textTable(['target', 'measured', 'result'], targetRows(report.sections).map((r) => r.map((c) => String(c).slice(0, 160)))));
  const t = allTargets(report.sections).filter((x) => !x.report);
  out.push('', `machine: ${report.machine.cpu}, Node ${report.machine.node}, ${report.machine.chromium}; ${loadLine(report.machine)}`);
  out.push(`targets: ${t.filter((x) => x.met).length} met, ${t.filter((x) => !x.met).length} not met  (${report.durationS.toFixed(0)} s; details in BENCHMARKS.md)`);
  return out.join('\n');
}

/** Size: how far over, where the bytes are, and what reaching the target and the goal takes. */
function sizeNeeds(by, t) {
  const size = by.size.data;
  const text = size.text;
  const profile = by['size-profile']?.data?.contributors ?? [];
  const over = size.worst - t.limitKB * 1024;
  const toGoal = size.worst - t.goalKB * 1024;
  const wasmShares = size.wasmShare.map((w) => fmtKB(w)).join(' / ');
  const lines = [
    `The largest of the three bundles is ${fmtKB(size.worst)}: ${fmtKB(over)} over ${t.limitKB} KB and ${fmtKB(toGoal)} over the ${t.goalKB} KB goal. Of the bundle, the JS layer is ${fmtKB(size.triageJs.brotli)} (esbuild, wasm emptied) and the wasm ${wasmShares} (esbuild / Vite / webpack; the binary alone is ${fmtKB(text.wasm.brotli)} brotli, so carrying it as text costs ${fmtKB(size.wasmShare[0] - text.wasm.brotli)} in the esbuild bundle).`,
    '',
  ];
  if (profile.length) {
    lines.push(`Contributors, largest first (estimated brotli, with the running total; from "What the http-triage bundle is made of" below). ${fmtKB(over)} must go for ${t.limitKB} KB, ${fmtKB(toGoal)} for the goal:`, '');
    let acc = 0;
    for (const [i, c] of profile.slice(0, 12).entries()) {
      acc += c.brotli;
      lines.push(`${i + 1}. ${c.label}: ~${fmtKB(c.brotli)} (${fmtKB(c.raw)} raw); running total ${fmtKB(acc)}`);
    }
    lines.push('', `For the ${t.goalKB} KB goal with today's JS layer (${fmtKB(size.triageJs.brotli)}), the wasm would have to be about ${fmtKB(Math.max(0, t.goalKB * 1024 - size.triageJs.brotli))} brotli, ${((Math.max(0, t.goalKB * 1024 - size.triageJs.brotli) / text.wasm.brotli) * 100).toFixed(0)}% of today's ${fmtKB(text.wasm.brotli)}. The estimates are shares of the un-optimised code, so groups overlap a little once brotli shares context.`);
  }
  return lines;
}

/** Per unmet target: what blocks it and what it would take, from the measured data. */
function needs(report) {
  const by = {};
  for (const s of report.sections) by[s.id] = s;
  const out = [];
  for (const t of unmet(report.sections)) {
    out.push(`### ${t.label}: not met (${t.value})`, '');
    if (t.key === 'size') {
      out.push(...sizeNeeds(by, { limitKB: 40, goalKB: 20 }));
    } else if (t.key.startsWith('speed:')) {
      const d = by.speed.data[t.engine];
      const base = d['JSON.parse(the 1 KB body)'].perCallMs;
      const r = d[t.name];
      const limit = Number(/<= ([\d.]+)x/.exec(t.label)[1]);
      const split = by.split?.data?.[t.name];
      const crossings = by.crossings?.data?.counts?.[t.name];
      const keep = limit / r.ratio;
      out.push(`Measured ${fmtRatio(r.ratio)} of JSON.parse against ${limit}x allowed: the call must take ${(keep * 100).toFixed(0)}% of its time, about ${fmtMs(r.perCallMs * keep)} of the ${fmtMs(r.perCallMs)} measured (JSON.parse took ${fmtMs(base)} in the same rounds; each figure is a median, the ratio the median of per-round ratios).`
        + (split ? ` Where the time goes (Node, timed with the counting wrappers): ${Math.round((split.wasmMs / split.totalMs) * 100)}% inside the wasm export, ${Math.round((1 - split.wasmMs / split.totalMs) * 100)}% in the JS layer around it (reading inputs, writing IN, reading OUT, building the answer)${crossings ? `, over ${crossings.total} crossing${crossings.total === 1 ? '' : 's'} (${crossings.by})` : ''}.` : ''));
    } else if (t.key === 'firstuse') {
      const c = by.firstuse.data.chromium;
      const stepsSum = Object.values(c.steps).reduce((a, b) => a + b, 0);
      out.push(`The first classify after the import takes ${fmtMs(c.first)} in Chromium; the same work step by step in fresh pages: ${Object.entries(c.steps).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')} (${fmtMs(stepsSum)} together${c.first - stepsSum > 0.05 * c.first ? `; the other ${fmtMs(c.first - stepsSum)} of the first call is reading the records into JS, and the difference between pages` : ', the whole first call within the spread between pages'}). It needs ${fmtMs(c.first - 3)} less (${fmtRatio(c.first / 3)} of the target). Text to bytes is the engine's TextEncoder over the ${fmtKB(by.size?.data?.text?.wasm?.raw ?? NaN)} literal, then the 132-byte wasm decoder (src/js/wasm.js); in Chromium the first TextEncoder call of a page costs most of it (2-7 ms in a probe, 1-3 ms for a second call). Reading the text inside the decoder through JS String Builtins instead (wasm:js-string charCodeAt, Chromium 131+) was tried and is slower: 7.8 ms against 5.7 ms, medians of 10 fresh pages each (the baseline compiler calls the builtin once per character). Compiling and the first export calls scale with the code the engine compiles, so a smaller wasm is the other lever.`);
    } else if (t.key === 'memory-big') {
      const b = by.memory.data.big;
      out.push(`One parseErrorBody of a 10 MB member grew the wasm memory by ${fmtKB(b.afterString - b.beforeBig)} (it never shrinks): the JS layer must cut each string to its bound before writing it into the IN buffer.`);
    } else if (t.key === 'memory') {
      out.push('Wasm memory grew after the warm-up: something allocated per call is not freed. Bisect the mix in scripts/bench/memory.mjs (one call kind at a time) to find which export leaks.');
    } else if (t.key === 'retry-zero') {
      const o = by.overhead.data;
      const fail = Object.entries(o).find(([k]) => k.startsWith('20% fail') && k.includes('createFetch'))?.[1];
      const raw = Object.entries(o).find(([k]) => k.startsWith('20% fail') && k.includes('raw fetch'))?.[1];
      const retries = Object.values(o.retries ?? {})[0] ?? 0;
      if (fail && raw) {
        const extra = fail.medianMs - raw.medianMs;
        out.push(`createFetch takes ${fmtMs(fail.medianMs)} per request where the raw loop takes ${fmtMs(raw.medianMs)}: ${fmtMs(extra)} more per request, about ${fmtMs(extra * 5)} per retry (one request in five is retried); within ${fmtRatio(1.1)} allows ${fmtMs(raw.medianMs * 0.1)} per request. A zero delay that still goes through setTimeout costs at least 1 ms per retry in Node (timers are clamped to >= 1 ms); without a timer the retry costs what a successful request costs through the wrapper (see the all-succeed rows). ${retries} retries were made by the raw loop in this run.`);
      }
    } else if (t.key === 'overhead-raw') {
      const o = by.overhead.data;
      const stub = o.stub ?? {};
      const triage = o['all succeed: createFetch()'];
      const raw = o['all succeed: raw fetch'];
      out.push(`createFetch() adds ${((triage.medianMs - raw.medianMs) * 1000).toFixed(1)} µs to a ${fmtMs(raw.medianMs)} loopback request; 2% is ${(raw.medianMs * 20).toFixed(1)} µs. Over a stub fetch (no network) the wrapper's own work is ${stub['createFetch() over the stub']?.toFixed(2)} µs per call against ${stub['stub fetch called directly']?.toFixed(2)} µs for the stub alone. The rest of the gap is within the spread of a loaded machine's loopback requests; on a real network it is far below 1%.`);
    } else if (t.key === 'overhead-ky') {
      out.push('createFetch is slower than ky with the same configuration in this run; see the "all succeed" rows and the stub note.');
    } else if (t.key === 'free') {
      const f = by.freeing.data.free;
      out.push(`${Object.entries(f).map(([k, r]) => `${k}: ${r.freed.toLocaleString('en')} freed in ${fmtMs(r.freeMs)} (${fmtMs(r.freeMs / r.freed)} per free on average)`).join('; ')}. The target allows ${fmtMs(100 / 100_000)} per free on average. The allocator (rlsf's TLSF) frees in constant time, so the cost per free no longer grows with n (lol_alloc's free list made 100,000 frees take seconds), and each free is one crossing. What the order adds is memory locality: the random order visits the JS objects and their Rust slots at scattered addresses in two heaps of tens of MB${Object.values(f).some((r) => r.touchMs !== undefined) ? `; walking the same objects in the same order reading only \`freed\` took ${Object.entries(f).filter(([, r]) => r.touchMs !== undefined).map(([k, r]) => `${fmtMs(r.touchMs)} (${k.split(' (')[0]})`).join(', ')}` : ''}. Closing the gap would take smaller policies (a slot holds the options, with two 64-byte status bitmaps, and the budget) or frees in batches, as the FinalizationRegistry path already does (policy_free_many).`);
    } else if (t.key === 'drop') {
      const d = by.freeing.data.drop;
      const stall = Math.max(d.maxGapMs, d.histogramMaxMs - d.gcMs);
      const oneTask = stall >= 0.8 * d.releaseMs;
      out.push(`After the forced gc() (itself ${fmtMs(d.gcMs)}), the finalizers released ${d.released.toLocaleString('en')} policies in ${fmtMs(d.releaseMs)}, with a longest stall of ${fmtMs(stall)}${oneTask ? ': nearly all the releases ran in one task (V8 hands a FinalizationRegistry the cells of one collection together)' : ''}. 50 ms for ${d.released.toLocaleString('en')} releases is ${fmtMs(50 / Math.max(1, d.released))} per release; measured ${fmtMs(d.releaseMs / Math.max(1, d.released))}. It needs cheap frees (the row above), or the releases spread over several tasks.`);
    }
    out.push('');
  }
  return out;
}

export function renderMarkdown(report) {
  const m = report.machine;
  const v = report.versions;
  const busy = Math.max(m.loadStart, m.loadEnd) > m.cores;
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${report.date} with \`${report.command}\` (${report.durationS.toFixed(0)} s) over the package in pkg/ (${v.entry}, built by scripts/build.sh). Every comparison ran in the same run, interleaved, and is reported as medians and ratios.`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory; ${m.os}; Node ${m.node}; ${m.chromium} (headless, via playwright-core ${v['playwright-core']}).`,
    `Load: ${loadLine(m)}${busy ? ' — the machine was busy with other work, so absolute times are inflated; the interleaved ratios are the figures to compare' : ''}.`,
    `Compared: ky ${v.ky}, statuses ${v.statuses}, ofetch ${v.ofetch}, wretch ${v.wretch}, axios ${v.axios} + axios-retry ${v['axios-retry']}. Bundlers: esbuild ${v.esbuild}, Vite ${v.vite}, webpack ${v.webpack} (Terser ${v.terser}).`,
    '',
    '## Targets',
    '',
    mdTable(['target', 'measured', 'result'], targetRows(report.sections)),
    '',
  ];
  const open = unmet(report.sections);
  if (open.length) lines.push('## What the targets not met need', '', ...needs(report));
  lines.push('## Figures', '');
  for (const s of report.sections) {
    lines.push(`### ${s.title}`, '', mdTable(s.columns, s.rows), '');
    for (const n of s.notes ?? []) lines.push(`- ${n}`);
    if ((s.notes ?? []).length) lines.push('');
  }
  lines.push('## How to reproduce', '', '```sh', report.command, '# or, after scripts/build.sh:', 'node scripts/bench/run.mjs            # every module; rewrites BENCHMARKS.md', 'node scripts/bench/run.mjs --only speed,crossings   # a subset; BENCHMARKS.md untouched', 'node scripts/bench/run.mjs --render   # BENCHMARKS.md again from target/bench/results.json', '```', '',
    'It installs what it needs (scripts/setup.sh test), builds pkg/ (scripts/build.sh), runs scripts/bench/run.mjs and rewrites this file. The modules are in scripts/bench/: size.mjs (with bundle.mjs and old-format.mjs, which builds the old format once from its commit in a temporary worktree under target/ and keeps its pkg/ there), size-profile.mjs, speed.mjs, classify.mjs, crossings.mjs, firstuse.mjs, startup.mjs, memory.mjs, overhead.mjs and freeing.mjs; the browser pages are in scripts/bench/page/. Only loopback servers that the run starts and stops are used.', '');
  return lines.join('\n');
}
