// Retry simulator: runs a scenario served by the demo server (/api/…) through createFetch with
// the policy in the form, draws every attempt and wait live, and shows the outcome the way the
// end user would see it.
import { createFetch, RetryPolicy, isHttpError, isNetworkError, classify } from '/pkg/index.js';
import { el, byId, formatMs } from './dom.js';
import { currentLocale, onLocaleChange } from './languages.js';
import { drawTimeline } from './timeline.js';
import { describeWait } from './reasons.js';
import { readPolicyForm, showPolicyError, runSnippet } from './policy-form.js';
import { summarize, renderOutcome } from './outcome.js';

/** A RetryPolicy that reports each of its decisions, the final "no" included. */
class ObservedPolicy extends RetryPolicy {
  decide(context) {
    const decision = super.decide(context);
    this.observe?.(decision, context);
    return decision;
  }
}

const BUDGET_MAX = 10; // the default budget: { maxTokens: 10, tokenRatio: 0.5 }; a retry needs 1 token

const now = () => performance.now();

export async function initSimulator() {
  const list = byId('scenario-list');
  const about = byId('scenario-about');
  const form = byId('policy-form');
  const runButton = byId('sim-run');
  const cancelButton = byId('sim-cancel');
  const resetButton = byId('sim-reset');
  const clientState = byId('sim-client');
  const statusLine = byId('sim-status');
  const live = byId('sim-live');
  const timeline = byId('sim-timeline');
  const outcome = byId('sim-outcome');
  const log = byId('sim-log');
  const code = byId('sim-code');

  const scenarios = await (await fetch('/api/scenarios')).json();
  let scenario = scenarios[0];

  for (const s of scenarios) {
    const id = `scenario-${s.id}`;
    list.append(el('label', { className: 'scenario', attrs: { for: id } }, [
      el('input', { attrs: { type: 'radio', name: 'scenario', id, value: s.id, checked: s === scenario } }),
      el('span', { className: `method method-${s.method.toLowerCase()}`, text: s.method }),
      el('span', { className: 'scenario-title', text: s.title }),
    ]));
  }

  function showScenario() {
    const target = scenario.url.startsWith('http') ? scenario.url : `${scenario.url}?run=…`;
    const headers = Object.keys(scenario.headers ?? {}).filter((h) => h !== 'content-type')
      .map((h) => `${h}: ${h === 'idempotency-key' ? '<a new UUID per run>' : scenario.headers[h]}`);
    about.replaceChildren(
      el('p', { className: 'scenario-summary', text: scenario.summary }),
      el('p', { className: 'scenario-request' }, [el('code', { text: [`${scenario.method} ${target}`, ...headers].join('\n') })]),
    );
  }
  list.addEventListener('change', (event) => {
    scenario = scenarios.find((s) => s.id === event.target.value) ?? scenario;
    showScenario();
  });

  // The client lives across runs, as in an app: its retry budget and its per-origin cooldown
  // carry over. Changing the policy (or Reset) makes a new one.
  let client = null;
  let pausedUntil = 0; // Date.now() until which createFetch holds calls to this origin
  let active = null; // the run in progress

  function makeClient() {
    const { retry, timeoutMs } = readPolicyForm();
    const policy = new ObservedPolicy(retry); // throws TypeError/RangeError naming a bad option
    policy.observe = (decision, context) => active?.decisions.push({ decision, context });
    const fetchImpl = (input, init) => recordAttempt(input, init);
    const call = createFetch({
      retry: policy,
      timeoutMs: timeoutMs || undefined,
      fetch: fetchImpl,
      onRetry: (info) => onRetry(info),
    });
    return { policy, call, retry, timeoutMs };
  }

  function ensureClient() {
    if (client) return client;
    try {
      client = makeClient(); // throws a TypeError/RangeError naming a bad option
      showPolicyError(null);
    } catch (error) {
      showPolicyError(error);
      client = null;
    }
    return client;
  }

  function updateCode() {
    code.textContent = runSnippet(scenario);
  }

  function showClientState() {
    const tokens = client?.policy.budgetTokens;
    const wait = pausedUntil - Date.now();
    const budgetText = tokens === undefined || tokens === null
      ? `Retry budget: ${BUDGET_MAX} / ${BUDGET_MAX} tokens`
      : `Retry budget: ${Number(tokens.toFixed(1))} / ${BUDGET_MAX} tokens`;
    const level = tokens === undefined || tokens === null ? BUDGET_MAX : tokens;
    clientState.replaceChildren(
      el('span', { className: `budget${level < 1 ? ' low' : ''}` }, [
        el('span', { className: 'budget-bar', attrs: { 'aria-hidden': 'true' } }, [
          el('span', { className: 'budget-fill', attrs: { style: `width:${Math.max(0, Math.min(100, (level / BUDGET_MAX) * 100))}%` } }),
        ]),
        budgetText,
        level < 1 ? ' — retries paused' : '',
      ]),
      el('span', { text: wait > 0 ? `Origin paused for ${formatMs(wait)} (cooldown)` : 'Origin not paused' }),
    );
  }

  form.addEventListener('input', () => {
    client = null; // a new policy: fresh budget, no cooldown
    pausedUntil = 0;
    ensureClient();
    updateCode();
    showClientState();
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  list.addEventListener('change', updateCode);

  resetButton.addEventListener('click', () => {
    client = null;
    pausedUntil = 0;
    ensureClient();
    showClientState();
    live.textContent = 'New client: full retry budget, no cooldown.';
  });

  // ---- one run --------------------------------------------------------------------------

  function recordAttempt(input, init) {
    const run = active;
    const a = { n: run.attempts.length + 1, start: now() };
    const previous = run.attempts[run.attempts.length - 1];
    if (previous?.wait && !previous.wait.end) previous.wait.end = a.start;
    if (run.cooldown && !run.cooldown.end) run.cooldown.end = a.start;
    run.attempts.push(a);
    logLine(`Attempt ${a.n}: ${init?.method ?? 'GET'} ${String(input)}`);
    return fetch(input, init).then((response) => {
      a.end = now();
      a.status = response.status;
      a.statusText = response.statusText || classify(response.status).reason;
      a.header = response.headers.has('retry-after') ? 'retry-after' : response.headers.has('ratelimit') ? 'ratelimit' : null;
      a.timing = response.headers.get('retry-after') ?? response.headers.get('ratelimit');
      logLine(`  ← ${response.status} ${a.statusText}${a.timing ? ` (${a.header}: ${a.timing})` : ''} in ${formatMs(a.end - a.start)}`);
      return response;
    }, (error) => {
      a.end = now();
      a.error = error;
      logLine(`  ✕ ${error.name}: ${error.message}`);
      throw error;
    });
  }

  function onRetry(info) {
    const run = active;
    if (!run) return;
    const a = run.attempts.find((x) => x.n === info.attempt) ?? run.attempts[run.attempts.length - 1];
    if (a) a.wait = { start: now(), planned: info.delayMs, reason: info.reason, status: info.status, retryAfterMs: info.retryAfterMs, header: a.header };
    if (info.retryAfterMs) pausedUntil = Math.max(pausedUntil, Date.now() + Math.min(info.retryAfterMs, client.policy.maxRetryAfterMs));
    const payload = Object.fromEntries(Object.entries(info).filter(([k, v]) => v !== undefined && v !== null && k !== 'error'));
    if (info.error) payload.error = info.error.name;
    logLine(`onRetry(${JSON.stringify(payload)})`);
    live.textContent = `Attempt ${info.attempt} failed. Waiting ${formatMs(info.delayMs)}: ${describeWait(a?.wait ?? info)}.`;
  }

  function logLine(text) {
    log.append(el('li', {}, [
      el('span', { className: 'log-time', text: active ? formatMs(now() - active.started) : '' }),
      el('span', { className: 'log-text', text }),
    ]));
  }

  function frame() {
    if (!active) return;
    paint(active);
    if (!active.final) requestAnimationFrame(frame);
  }

  function paint(run) {
    const t = run.final ? run.final.end : now();
    drawTimeline(timeline, run, t);
    statusLine.textContent = statusText(run, t);
  }

  function statusText(run, t) {
    if (run.final) return run.final.label;
    if (run.cooldown && !run.cooldown.end) return `Cooldown: next attempt in ${formatMs(Math.max(0, run.cooldown.start + run.cooldown.planned - t))}`;
    const last = run.attempts[run.attempts.length - 1];
    if (last?.wait && !last.wait.end) return `Waiting: attempt ${last.n + 1} in ${formatMs(Math.max(0, last.wait.start + last.wait.planned - t))}`;
    if (last && !last.end) return `Attempt ${last.n} in flight… ${formatMs(t - last.start)}`;
    return 'Starting…';
  }

  let lastResult = null;

  async function run() {
    if (active && !active.final) return;
    const c = ensureClient();
    if (!c) { live.textContent = 'Fix the policy first.'; return; }
    const controller = new AbortController();
    const started = now();
    const r = { started, attempts: [], decisions: [], controller, scenario, limit: c.policy.limit, final: null };
    const cooldownLeft = pausedUntil - Date.now();
    if (cooldownLeft > 20) r.cooldown = { start: started, planned: cooldownLeft };
    active = r;
    log.replaceChildren();
    outcome.replaceChildren();
    outcome.dataset.outcome = 'running';
    delete outcome.dataset.attempts;
    delete outcome.dataset.stopReason;
    runButton.disabled = true;
    cancelButton.disabled = false;
    cancelButton.focus();
    live.textContent = `Running “${scenario.title}”.`;
    requestAnimationFrame(frame);

    const headers = { ...(scenario.headers ?? {}) };
    if ('idempotency-key' in headers) headers['idempotency-key'] = crypto.randomUUID();
    const runId = crypto.randomUUID();
    const url = scenario.url.startsWith('http') ? scenario.url : `${scenario.url}?run=${runId}`;
    const init = { method: scenario.method, headers, signal: controller.signal };
    if (scenario.body) init.body = scenario.body;

    let result;
    try {
      const response = await c.call(url, init);
      const text = await response.text();
      result = { kind: 'success', response, text };
    } catch (error) {
      result = { kind: isHttpError(error) ? 'http_error' : isNetworkError(error) ? 'network_error' : error?.name === 'AbortError' ? 'aborted' : 'other', error };
      if (isHttpError(error) && error.retryAfterMs) {
        pausedUntil = Math.max(pausedUntil, Date.now() + Math.min(error.retryAfterMs, c.policy.maxRetryAfterMs));
      }
    }
    finish(r, result);
  }

  function finish(r, result) {
    const end = now();
    for (const a of r.attempts) if (a.wait && !a.wait.end) { a.wait.end = end; a.wait.cancelled = result.kind === 'aborted'; }
    if (r.cooldown && !r.cooldown.end) r.cooldown.end = end;
    const stop = r.decisions.at(-1)?.decision;
    r.stopReason = result.kind === 'success' ? 'ok' : result.kind === 'aborted' ? 'aborted' : stop && !stop.retry ? stop.reason : 'unknown';
    r.final = { end, ...summarize(r, result, end) };
    logLine(r.final.label);
    paint(r);
    runButton.disabled = false;
    cancelButton.disabled = true;
    if (document.activeElement === cancelButton || document.activeElement === document.body) runButton.focus();
    live.textContent = r.final.label;
    lastResult = { r, result };
    showOutcome();
    showClientState();
  }

  function showOutcome() {
    if (lastResult) renderOutcome(outcome, lastResult.r, lastResult.result, currentLocale());
  }

  cancelButton.addEventListener('click', () => {
    if (active && !active.final) {
      active.controller.abort();
      live.textContent = 'Cancelling…';
    }
  });

  onLocaleChange(showOutcome);
  // A resize redraws the finished timeline at the new width.
  new ResizeObserver(() => { if (active?.final) paint(active); }).observe(timeline);
  setInterval(() => { if (pausedUntil > Date.now() - 1000) showClientState(); }, 500);

  showScenario();
  ensureClient();
  updateCode();
  showClientState();
  timeline.replaceChildren(el('p', { className: 'timeline-empty', text: 'Each attempt, each wait and the outcome will be drawn here as they happen.' }));
  statusLine.textContent = 'Pick a scenario and press Run.';
}
