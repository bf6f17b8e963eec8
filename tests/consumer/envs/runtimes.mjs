// Bun and Deno, installed from their npm packages (each pulls its platform binary as an optional
// npm dependency: @oven/bun-linux-x64, @deno/linux-x64-glibc; no download outside the registry).
// Each runs one ESM script that imports the package by name from node_modules (Deno reads
// node_modules because the project has a package.json) and calls the 127.0.0.1 server.
import { run } from '../lib/proc.mjs';
import { ESM_IMPORT, PROBE_SOURCE, assertProbe, parseProbeLine, runProbe } from '../lib/probe.mjs';

const files = {
  'check.mjs': `${ESM_IMPORT}
${PROBE_SOURCE}
const target = globalThis.Deno ? Deno.args[0] : process.argv[2];
${runProbe('target', '((r) => console.log(`PROBE ${JSON.stringify(r)}`))')}
`,
};

async function script(ctx, cmd, args, what) {
  const { lines } = await run(cmd, [...args, 'check.mjs', ctx.target], { cwd: ctx.dir, timeoutMs: 40_000 });
  assertProbe(parseProbeLine(lines, what), what);
}

export default {
  name: 'runtimes',
  toolchain: 'runtimes',
  files,
  envs: [
    { name: 'bun', timeoutMs: 50_000, run: (ctx) => script(ctx, 'node_modules/.bin/bun', [], 'bun') },
    { name: 'deno', timeoutMs: 50_000, run: (ctx) => script(ctx, 'node_modules/.bin/deno', ['run', '--allow-net=127.0.0.1'], 'deno') },
  ],
};
