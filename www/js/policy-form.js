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

/**
 * The code for this run, as an app would write it: one client for the app, the call with a
 * signal, and the catch that shows the message the user sees. `url` is the URL without the
 * demo's per-run id.
 */
export function runSnippet(scenario, url) {
  const { retry, timeoutMs } = readPolicyForm();
  const opts = Object.entries(retry).filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? `'${v}'` : v}`).join(', ');
  const init = [];
  if (scenario.method !== 'GET') init.push(`method: '${scenario.method}'`);
  const headers = [];
  if (scenario.headers?.['content-type']) headers.push(`'Content-Type': '${scenario.headers['content-type']}'`);
  if (scenario.headers?.['idempotency-key'] !== undefined) headers.push("'Idempotency-Key': crypto.randomUUID()");
  if (headers.length) init.push(`headers: { ${headers.join(', ')} }`);
  if (scenario.body) init.push(`body: '${scenario.body}'`);
  init.push('signal: controller.signal');
  return [
    "import { createFetch, isHttpError, isNetworkError } from 'http-triage';",
    '',
    '// One client for the app: every call shares its retry budget and origin pauses.',
    'export const api = createFetch({',
    `  retry: { ${opts} },`,
    timeoutMs ? `  timeoutMs: ${timeoutMs},` : null,
    '});',
    '',
    'const controller = new AbortController(); // controller.abort() cancels, as Escape does here',
    'try {',
    `  const res = await api('${url}', { ${init.join(', ')} });`,
    '  show(await res.json());',
    '} catch (error) {',
    '  if (isHttpError(error) || isNetworkError(error)) {',
    '    const { title, message, action } = error.userMessage; // in the user\'s language',
    '    showToast(title, `${message} ${action}`);',
    "  } else if (error.name !== 'AbortError') {",
    '    throw error;',
    '  }',
    '}',
  ].filter((l) => l !== null).join('\n');
}
