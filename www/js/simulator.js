// Retry simulator: runs a scenario served by the demo server (/api/…), or the user's own URL,
// through createFetch with the policy in the form, draws every attempt and wait live, and shows
// the outcome the way the end user would see it. Each run gets a fresh client unless "Keep one
// client" is on: then the retry budget and the origin pauses carry over, as in an app.
import { createFetch, RetryPolicy, isHttpError, isNetworkError, classify } from '/pkg/index.js';
import { el, byId, formatMs } from './dom.js';
import { currentLocale, onLocaleChange } from './languages.js';
import { drawTimeline } from './timeline.js';
import { describeWait } from './reasons.js';
import { readPolicyForm, showPolicyError, runSnippet } from './policy-form.js';
import { summarize, renderOutcome } from './outcome.js';
import { expectation } from './expectation.js';
import { createOfflineSimulation } from './offline.js';
import { revealInPage } from './scroll.js';

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
  const policyFields = byId('policy-fields');
  const runButton = byId('sim-run');
  const cancelButton = byId('sim-cancel');
  const resetButton = byId('sim-reset');
  const sharedSwitch = byId('sim-shared');
  const clientState = byId('sim-client');
  const statusLine = byId('sim-status');
  const network = byId('sim-network');
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

  // ---- your own URL -------------------------------------------------------------------------
  const ownUrl = el('input', {
    attrs: {
      id: 'own-url', type: 'url', inputmode: 'url', spellcheck: 'false', autocomplete: 'off',
      'aria-describedby': 'own-url-note', value: new URL('/api/flaky', location.href).href,
    },
  });
  const ownUrlField = el('div', { className: 'field own-url' }, [
    el('label', { text: 'URL (GET)', attrs: { for: 'own-url' } }),
    ownUrl,
    el('p', {
      className: 'help', attrs: { id: 'own-url-note' },
      text: 'Another origin answers this page only if its server allows it (CORS: Access-Control-Allow-Origin). '
        + 'If it does not, the browser hides the response: fetch throws the same TypeError as a dropped '
        + 'connection, so createFetch reports a network error and retries it like one, and only the browser\'s '
        + 'console says it was CORS. The server must also list Retry-After in Access-Control-Expose-Headers, '
        + 'or the page cannot see it. The request goes from your browser to that URL and nowhere else.',
    }),
  ]);

  /** The URL a run of `s` requests (`runId` keeps the demo server's counters per run). */
  function urlOf(s, runId) {
    if (s.id === 'own-url') return ownUrl.value.trim();
    return s.url.startsWith('http') ? s.url : `${s.url}?run=${runId}`;
  }

  // ---- clients ------------------------------------------------------------------------------
  // A fresh client per run by default; with "Keep one client" the same one serves every run, so
  // its retry budget and its per-origin pauses carry over. Changing the policy makes a new one.
  let shared = null; // the kept client, when sharedSwitch is on
  let lastClient = null; // the client of the last run (to show what a run left in its budget)
  let pausedUntil = 0; // Date.now() until which the kept client holds calls to this origin
  let active = null; // the run in progress

  function makeClient() {
    const { retry, timeoutMs } = readPolicyForm();
    const policy = new ObservedPolicy(retry); // throws TypeError/RangeError naming a bad option
    policy.observe = (decision, context) => active?.decisions.push({ decision, context });
    const call = createFetch({
      retry: policy,
      timeoutMs: timeoutMs || undefined,
      fetch: (input, init) => recordAttempt(input, init),
      onRetry: (info) => onRetry(info),
    });
    return { policy, call, timeoutMs: timeoutMs || undefined };
  }

  /** The client for the next run (a new one unless kept), or null when the policy is invalid. */
  function clientForRun() {
    try {
      const client = sharedSwitch.checked ? (shared ??= makeClient()) : makeClient();
      showPolicyError(null);
      return client;
    } catch (error) {
      showPolicyError(error);
      return null;
    }
  }

  /** Checks the form by building a policy from it; shows the package's error, if any. */
  function validatePolicy() {
    try {
      makeClient();
      showPolicyError(null);
      return true;
    } catch (error) {
      showPolicyError(error);
      return false;
    }
  }

  function newClient() {
    shared = null;
    lastClient = null;
    pausedUntil = 0;
  }

  const heldMs = () => (sharedSwitch.checked ? Math.max(0, pausedUntil - Date.now()) : 0);

  function showClientState() {
    const keep = sharedSwitch.checked;
    const source = keep ? shared : lastClient;
    const tokens = source?.policy.budgetTokens;
    const level = typeof tokens === 'number' ? tokens : BUDGET_MAX;
    const amount = `${Number(level.toFixed(1))} of ${BUDGET_MAX} tokens`;
    let text;
    if (keep) text = `Retry budget: ${amount}${level < 1 ? ': retries paused until calls succeed' : ''}`;
    else if (lastClient) text = `The last run left its client ${amount}; the next run starts with a fresh client (${BUDGET_MAX}).`;
    else text = `Each run starts with a fresh client: ${BUDGET_MAX} tokens, no pause.`;
    const held = heldMs();
    clientState.dataset.tokens = String(level);
    clientState.replaceChildren(
      el('span', { className: `budget${keep && level < 1 ? ' low' : ''}` }, [
        el('span', { className: 'budget-bar', attrs: { 'aria-hidden': 'true' } }, [
          el('span', { className: 'budget-fill', attrs: { style: `width:${Math.max(0, Math.min(100, (level / BUDGET_MAX) * 100))}%` } }),
        ]),
        el('span', { text }),
      ]),
      keep ? el('span', { text: held > 0 ? `Calls to this origin held for ${formatMs(held)} (the server's Retry-After)` : 'No origin paused' }) : null,
    );
    resetButton.hidden = !keep;
  }

  // ---- what the scenario does, and what this policy will make of it -------------------------
  const expectLine = el('p', { className: 'scenario-expect', attrs: { id: 'scenario-expect' } });
  const requestLine = el('code');

  function currentExpectation() {
    const { retry, timeoutMs } = readPolicyForm();
    let policy;
    try { policy = new RetryPolicy(retry); } catch { return null; }
    const tokens = sharedSwitch.checked ? (shared?.policy.budgetTokens ?? BUDGET_MAX) : BUDGET_MAX;
    const result = expectation(scenario, {
      limit: policy.limit, maxRetryAfterMs: policy.maxRetryAfterMs, timeoutMs: timeoutMs || undefined,
      // Pauses are per origin: the dead port is another origin than this page's server.
      tokens, heldMs: scenario.url?.startsWith('http') ? 0 : heldMs(),
    });
    policy.free?.();
    return result;
  }

  function showExpectation() {
    const e = currentExpectation();
    for (const key of ['attempts', 'outcome', 'stop']) {
      if (e) expectLine.dataset[key] = String(e[key]); else delete expectLine.dataset[key];
    }
    expectLine.replaceChildren(el('strong', { text: 'With this policy: ' }),
      e ? e.text : scenario.id === 'own-url' ? 'whatever your URL answers, retried by the same rules.' : 'it depends on the timeout: set one.');
  }

  function showRequest() {
    const target = scenario.id === 'own-url' ? ownUrl.value.trim() || '…'
      : scenario.url.startsWith('http') ? scenario.url : `${scenario.url}?run=…`;
    const headers = Object.keys(scenario.headers ?? {}).filter((h) => h !== 'content-type')
      .map((h) => `${h}: ${h === 'idempotency-key' ? '<a new UUID per run>' : scenario.headers[h]}`);
    requestLine.textContent = [`${scenario.method} ${target}`, ...headers].join('\n');
  }

  function showScenario() {
    about.replaceChildren(...[
      el('p', { className: 'scenario-summary', text: scenario.summary }),
      scenario.id === 'own-url' ? ownUrlField : null,
      expectLine,
      el('p', { className: 'scenario-request' }, [requestLine]),
    ].filter(Boolean));
    showRequest();
    showExpectation();
    code.textContent = runSnippet(scenario, urlOf(scenario, '…').replace(/\?run=…$/, ''));
  }

  list.addEventListener('change', (event) => {
    scenario = scenarios.find((s) => s.id === event.target.value) ?? scenario;
    showScenario();
  });
  // Enter on a scenario runs it (the radios sit in the form, but implicit submission skips radios).
  list.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target.matches('input[type="radio"]')) {
      event.preventDefault();
      run();
    }
  });
  ownUrl.addEventListener('input', () => { showRequest(); code.textContent = runSnippet(scenario, ownUrl.value.trim()); });

  policyFields.addEventListener('input', () => {
    newClient(); // a new policy: a new client, full budget, no pause
    validatePolicy();
    showScenario();
    showClientState();
  });
  sharedSwitch.addEventListener('change', () => {
    newClient();
    showClientState();
    showExpectation();
    live.textContent = sharedSwitch.checked
      ? 'One client is kept across runs: its retry budget and origin pauses carry over.'
      : 'Each run gets a fresh client.';
  });
  form.addEventListener('submit', (event) => { event.preventDefault(); run(); });
  resetButton.addEventListener('click', () => {
    newClient();
    showClientState();
    showExpectation();
    live.textContent = 'New client: full retry budget, no pause.';
  });

  // ---- the network: the page's own offline/online events, and the simulated offline --------
  const offline = createOfflineSimulation();
  // Built once and updated in place: a button rebuilt every frame could not be clicked.
  const networkText = el('span');
  const onlineButton = el('button', {
    className: 'button small', text: 'Back online now', attrs: { type: 'button', id: 'sim-online' },
    on: { click: () => offline.end() },
  });
  network.replaceChildren(el('span', { className: 'network-dot', attrs: { 'aria-hidden': 'true' } }), networkText, onlineButton);
  function showNetwork() {
    const state = offline.state();
    network.hidden = !state.simulated && navigator.onLine !== false;
    onlineButton.hidden = !state.simulated;
    networkText.textContent = state.simulated
      ? `Offline (simulated): back online in ${formatMs(Math.max(0, state.until - Date.now()))}`
      : 'Your browser is offline: a request made now waits for it to come back online.';
  }
  addEventListener('offline', () => { showNetwork(); logLine('offline event'); });
  addEventListener('online', () => { showNetwork(); logLine('online event'); });

  // ---- one run ------------------------------------------------------------------------------

  function recordAttempt(input, init) {
    const r = active;
    const a = { n: r.attempts.length + 1, start: now() };
    const previous = r.attempts[r.attempts.length - 1];
    if (previous?.wait && !previous.wait.end) previous.wait.end = a.start;
    if (r.cooldown && !r.cooldown.end) r.cooldown.end = a.start;
    r.attempts.push(a);
    logLine(`Attempt ${a.n}: ${init?.method ?? 'GET'} ${String(input)}`);
    // Offline, the browser fails a fetch at once with a TypeError and sends nothing.
    const sent = offline.state().simulated
      ? new Promise((resolve, reject) => { setTimeout(() => reject(new TypeError('Failed to fetch')), 30); })
      : fetch(input, init);
    return sent.then((response) => {
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
      a.offline = navigator.onLine === false;
      logLine(`  ✕ ${error.name}: ${error.message}${a.offline ? ' (offline)' : ''}`);
      throw error;
    });
  }

  function onRetry(info) {
    const r = active;
    if (!r) return;
    const payload = Object.fromEntries(Object.entries(info).filter(([k, v]) => v !== undefined && v !== null && k !== 'error'));
    if (info.error) payload.error = info.error.name;
    logLine(`onRetry(${JSON.stringify(payload)})`);
    const last = r.attempts[r.attempts.length - 1];
    if (info.reason === 'cooldown' && !last) {
      r.cooldown = { start: now(), planned: info.delayMs };
      live.textContent = `Calls to this origin are held for ${formatMs(info.delayMs)}: the server asked for a pause.`;
      return;
    }
    if (last) last.wait = { start: now(), planned: info.delayMs, reason: info.reason, status: info.status, retryAfterMs: info.retryAfterMs, header: last.header };
    const client = r.client;
    if (sharedSwitch.checked && client === shared && info.retryAfterMs && info.reason === 'retry_after') {
      pausedUntil = Math.max(pausedUntil, Date.now() + Math.min(info.retryAfterMs, client.policy.maxRetryAfterMs));
    }
    live.textContent = info.reason === 'offline'
      ? 'No connection: waiting for the browser to be back online.'
      : `Attempt ${last?.n ?? info.attempt} failed. Waiting ${formatMs(info.delayMs)}: ${describeWait(last?.wait ?? info)}.`;
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
    if (offline.state().simulated) showNetwork();
    if (!active.final) requestAnimationFrame(frame);
  }

  function paint(r) {
    const t = r.final ? r.final.end : now();
    drawTimeline(timeline, r, t);
    statusLine.textContent = statusText(r, t);
  }

  function statusText(r, t) {
    if (r.final) return r.final.label;
    if (r.cooldown && !r.cooldown.end) return `Held: the origin is paused, first attempt in ${formatMs(Math.max(0, r.cooldown.start + r.cooldown.planned - t))}`;
    const last = r.attempts[r.attempts.length - 1];
    if (last?.wait && !last.wait.end) {
      if (last.wait.reason === 'offline') return 'Offline: waiting for the network…';
      return `Waiting: attempt ${last.n + 1} in ${formatMs(Math.max(0, last.wait.start + last.wait.planned - t))}`;
    }
    if (last && !last.end) return `Attempt ${last.n} in flight… ${formatMs(t - last.start)}`;
    return 'Starting…';
  }

  let lastResult = null;

  async function run() {
    if (active && !active.final) return;
    const url = urlOf(scenario, crypto.randomUUID());
    if (scenario.id === 'own-url' && !ownUrl.checkValidity()) {
      ownUrl.setAttribute('aria-invalid', 'true');
      live.textContent = 'Type a full URL first, such as https://api.example.com/orders.';
      ownUrl.focus();
      return;
    }
    ownUrl.removeAttribute('aria-invalid');
    const expected = currentExpectation();
    const c = clientForRun();
    if (!c) { live.textContent = 'Fix the policy first.'; return; }
    const controller = new AbortController();
    const started = now();
    const r = { started, attempts: [], decisions: [], controller, scenario, client: c, limit: c.policy.limit, final: null, expected };
    active = r;
    log.replaceChildren();
    outcome.replaceChildren();
    outcome.dataset.outcome = 'running';
    for (const key of ['attempts', 'stopReason', 'expectedAttempts']) delete outcome.dataset[key];
    runButton.disabled = true;
    cancelButton.disabled = false;
    cancelButton.focus({ preventScroll: true });
    live.textContent = `Running “${scenario.title}”. Escape cancels.`;
    requestAnimationFrame(frame);
    revealInPage(timeline, statusLine);

    const headers = { ...(scenario.headers ?? {}) };
    if ('idempotency-key' in headers) headers['idempotency-key'] = crypto.randomUUID();
    const init = { method: scenario.method, headers, signal: controller.signal };
    if (scenario.body) init.body = scenario.body;
    if (scenario.model?.offlineMs) {
      offline.start(scenario.model.offlineMs);
      showNetwork();
    }

    let result;
    try {
      const response = await c.call(url, init);
      const text = await response.text();
      result = { kind: 'success', response, text };
    } catch (error) {
      result = { kind: isHttpError(error) ? 'http_error' : isNetworkError(error) ? 'network_error' : error?.name === 'AbortError' ? 'aborted' : 'other', error };
      if (isHttpError(error) && error.retryAfterMs && c === shared && error.response !== null && error.decision?.reason !== 'retry_after_too_long') {
        pausedUntil = Math.max(pausedUntil, Date.now() + Math.min(error.retryAfterMs, c.policy.maxRetryAfterMs));
      }
    }
    offline.end();
    finish(r, result);
  }

  function finish(r, result) {
    const end = now();
    for (const a of r.attempts) if (a.wait && !a.wait.end) { a.wait.end = end; a.wait.cancelled = result.kind === 'aborted'; }
    if (r.cooldown && !r.cooldown.end) { r.cooldown.end = end; r.cooldown.cancelled = result.kind === 'aborted'; }
    const stop = r.decisions.at(-1)?.decision;
    const held = result.kind === 'http_error' && result.error.response === null && result.error.attempts === 0;
    r.stopReason = result.kind === 'success' ? 'ok' : result.kind === 'aborted' ? 'aborted' : held ? 'held'
      : stop && !stop.retry ? stop.reason : 'unknown';
    r.final = { end, ...summarize(r, result, end) };
    logLine(r.final.label);
    paint(r);
    runButton.disabled = false;
    cancelButton.disabled = true;
    if (document.activeElement === cancelButton || document.activeElement === document.body) runButton.focus({ preventScroll: true });
    live.textContent = r.final.label;
    lastResult = { r, result };
    lastClient = r.client;
    showOutcome();
    showClientState();
    showExpectation();
    showNetwork();
    revealInPage(outcome.querySelector('.msg') ?? outcome, statusLine);
  }

  function showOutcome() {
    if (lastResult) renderOutcome(outcome, lastResult.r, lastResult.result, currentLocale());
  }

  function cancel() {
    if (active && !active.final) {
      active.controller.abort();
      live.textContent = 'Cancelling…';
    }
  }
  cancelButton.addEventListener('click', cancel);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && active && !active.final) {
      event.preventDefault();
      cancel();
    }
  });

  onLocaleChange(showOutcome);
  // A resize redraws the finished timeline at the new width.
  new ResizeObserver(() => { if (active?.final) paint(active); }).observe(timeline);
  setInterval(() => {
    if (sharedSwitch.checked && pausedUntil > Date.now() - 1000) { showClientState(); showExpectation(); }
  }, 500);

  // On a phone the policy starts folded: the scenarios and Run come first.
  if (matchMedia('(max-width: 560px)').matches) byId('policy-details').open = false;
  showScenario();
  validatePolicy();
  showClientState();
  showNetwork();
  timeline.replaceChildren(el('p', { className: 'timeline-empty', text: 'Each attempt, each wait and the outcome will be drawn here as they happen.' }));
  statusLine.textContent = 'Pick a scenario and press Run (or Enter).';
}
