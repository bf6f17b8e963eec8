// Runs one benchmark's Node side in this (fresh) process and prints its result as JSON:
//   node [flags] scripts/bench/child.mjs <module> [json options]
const [name, opts] = process.argv.slice(2);
const mod = await import(new URL(`./${name}.mjs`, import.meta.url).href);
const out = await mod.node(opts ? JSON.parse(opts) : {});
process.stdout.write(`${JSON.stringify(out)}\n`);
