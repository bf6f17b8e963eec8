// The simulator's policy form: reading it into createFetch options, pointing at the field a
// thrown TypeError/RangeError names, and the code a developer would write for the same run.
import { byId } from './dom.js';

/** The form's fields: id suffix (#policy-…), the option it sets, and where that option goes. */
export const FIELDS = [
  { id: 'limit', option: 'limit', policy: true },
  { id: 'base', option: 'baseDelayMs', policy: true },
  { id: 'cap', option: 'maxDelayMs', policy: true },
  { id: 'jitter', option: 'jitter', policy: true },
  { id: 'max-retry-after', option: 'maxRetryAfterMs', policy: true },
  { id: 'timeout', option: 'timeoutMs', policy: false },
];

/** `{ retry, timeoutMs }` from the form; empty number fields are left out (the defaults apply). */
export function readPolicyForm() {
  const retry = {};
  let timeoutMs;
  for (const f of FIELDS) {
    const input = byId(`policy-${f.id}`);
    const value = input.type === 'number' ? (input.value === '' ? undefined : Number(input.value)) : input.value;
    if (f.policy) retry[f.option] = value; else timeoutMs = value;
  }
  return { retry, timeoutMs };
}

/**
 * Shows a bad option: the package's message names it first ("limit must be an integer from 0
 * to 100, got -1", "options.timeoutMs must be …"), so the field can be marked. `error` null clears.
 */
export function showPolicyError(error) {
  const box = byId('policy-error');
  for (const f of FIELDS) byId(`policy-${f.id}`).removeAttribute('aria-invalid');
  box.textContent = error ? `${error.name}: ${error.message}` : '';
  if (!error) return;
  const bad = FIELDS.find((f) => error.message.startsWith(`${f.option} `) || error.message.startsWith(`options.${f.option} `));
  if (bad) byId(`policy-${bad.id}`).setAttribute('aria-invalid', 'true');
}

/** The code for this run, as an app would write it. */
export function runSnippet(scenario) {
  const { retry, timeoutMs } = readPolicyForm();
  const opts = Object.entries(retry).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? `'${v}'` : v}`).join(', ');
  const init = [`method: '${scenario.method}'`];
  if (scenario.headers?.['idempotency-key'] !== undefined) init.push("headers: { 'Idempotency-Key': crypto.randomUUID() }");
  init.push('signal: controller.signal');
  return [
    "import { createFetch, userMessage } from 'http-triage';",
    '',
    'const api = createFetch({',
    `  retry: { ${opts} },`,
    timeoutMs ? `  timeoutMs: ${timeoutMs},` : null,
    '  onRetry: ({ attempt, delayMs, reason, status, retryAfterMs }) => { … },',
    '});',
    'try {',
    `  const res = await api('${scenario.url}', { ${init.join(', ')} });`,
    '} catch (error) {',
    '  toast(userMessage(error)); // HttpError, NetworkError or AbortError',
    '}',
  ].filter((l) => l !== null).join('\n');
}
