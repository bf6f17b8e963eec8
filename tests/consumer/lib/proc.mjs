// Child processes for the consumer matrix: every one bounded in time, its output kept (the tail is
// what a failure shows), and killed with its whole process group (dev servers fork workers).
//
//   const { out } = await run('node', ['x.mjs'], { cwd, timeoutMs: 30_000 });   // throws unless exit 0
//   const server = await startServer('node', [...], { cwd, ready: /Ready in/, timeoutMs: 60_000 });
//   await server.stop();
//
// Each child leads its own process group (detached), so a stop or a timeout reaches the workers a
// tool forks. Whatever is still running when this process exits is killed (the 'exit' handler
// below), so neither a failed assertion nor a node:test timeout leaves a dev server behind.
import { spawn } from 'node:child_process';

/** Lines of output kept per child (the tail shown when it fails). */
const KEEP_LINES = 400;
/** Grace between SIGTERM and SIGKILL, ms. */
const KILL_GRACE_MS = 3_000;

/** Colour and cursor codes (some tools colour even with NO_COLOR set). */
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

const live = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function killAllNow() {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
}
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAllNow();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/**
 * The environment a toolchain gets: ours, minus the test runner's markers, with colours, telemetry
 * and update checks off (no traffic beyond 127.0.0.1 and the package registry).
 */
export function childEnv(extra = {}) {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  return {
    ...env,
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    DENO_NO_UPDATE_CHECK: '1',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** Starts a child in its own process group; returns a handle with its output and exit promise. */
export function start(cmd, args, { cwd, env = {}, onLine } = {}) {
  const child = spawn(cmd, args, { cwd, env: childEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const lines = [];
  const feed = (chunk) => {
    for (const line of chunk.toString('utf8').replace(ANSI, '').split(/\r?\n/)) {
      if (line === '') continue;
      lines.push(line);
      if (lines.length > KEEP_LINES) lines.shift();
      onLine?.(line);
    }
  };
  child.stdout.on('data', feed);
  child.stderr.on('data', feed);
  const exited = new Promise((resolve) => {
    child.on('error', (error) => {
      live.delete(child);
      lines.push(`spawn failed: ${error.message}`);
      resolve({ code: null, signal: null, error });
    });
    child.on('close', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  const stop = async () => {
    if (!live.has(child)) return exited;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), KILL_GRACE_MS);
    const result = await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // workers the leader left behind
    return result;
  };
  return { child, lines, exited, stop, tail: (n = 40) => lines.slice(-n).join('\n') };
}

/** Lines that read like the cause, best first (the matrix's one-line summary shows the first found). */
const CAUSES = [
  /\b\w*Error( \[\w+\])?: |\[ERROR\]/,
  /\bMust use import\b|\bdoes not support\b|\bnot supported\b|\bdisallowed\b|\bnot a function\b/i,
  /\berror\b|\bCannot\b|\bfailed\b/i,
];

/**
 * Error whose message is `what` followed by the last `n` lines of output; its `summary` is `what`
 * and the first line of output that names a cause.
 */
export function failure(what, lines, n = 40) {
  const tail = lines.slice(-n).join('\n');
  const error = new Error(tail ? `${what}\n--- last output ---\n${tail}` : what);
  const cause = CAUSES.map((re) => lines.find((l) => re.test(l))).find(Boolean);
  const head = what.split('\n')[0].replace(/:$/, '');
  error.summary = cause ? `${head}: ${cause.trim()}` : head;
  return error;
}

/**
 * Runs a command to completion within `timeoutMs`; resolves to `{ lines, out }` on exit 0, throws
 * (with the output's tail) on another exit code, a signal or the timeout.
 */
export async function run(cmd, args, { cwd, env, timeoutMs, tailLines = 40 } = {}) {
  const handle = start(cmd, args, { cwd, env });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    handle.stop();
  }, timeoutMs);
  const { code, signal } = await handle.exited;
  clearTimeout(timer);
  const label = [cmd === process.execPath ? 'node' : cmd, ...args].join(' ');
  if (timedOut) throw failure(`${label}: still running after ${timeoutMs} ms (killed)`, handle.lines, tailLines);
  if (code !== 0) throw failure(`${label}: exit ${code ?? signal}`, handle.lines, tailLines);
  return { lines: handle.lines, out: handle.lines.join('\n') };
}

/**
 * Starts a long-running server and waits until a line of its output matches `ready`; throws (and
 * stops it) if it exits first or is not ready within `timeoutMs`.
 */
export async function startServer(cmd, args, { cwd, env, ready, timeoutMs }) {
  let markReady;
  const isReady = new Promise((resolve) => { markReady = resolve; });
  const handle = start(cmd, args, { cwd, env, onLine: (line) => { if (ready.test(line)) markReady(); } });
  let timer;
  const outcome = await Promise.race([
    isReady.then(() => 'ready'),
    handle.exited.then(({ code, signal }) => `exited with ${code ?? signal} before it was ready`),
    new Promise((resolve) => { timer = setTimeout(() => resolve(`not ready after ${timeoutMs} ms`), timeoutMs); }),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await handle.stop();
    throw failure(`${[cmd === process.execPath ? 'node' : cmd, ...args].join(' ')}: ${outcome}`, handle.lines);
  }
  return handle;
}

/** Kills every child still running (the matrix's last `after` hook). */
export async function stopAll() {
  await Promise.all([...live].map((child) => {
    killGroup(child, 'SIGTERM');
    return new Promise((resolve) => {
      const timer = setTimeout(() => { killGroup(child, 'SIGKILL'); resolve(); }, KILL_GRACE_MS);
      child.once('close', () => { clearTimeout(timer); resolve(); });
    });
  }));
}
