// The end of a simulator run: its one-line summary, and the panel with the message the end user
// sees (userMessage of the thrown error, in the chosen language) and what a developer would log.
import { userMessage, classify } from '/pkg/index.js';
import { el, fact, formatMs } from './dom.js';
import { renderMessage } from './message.js';
import { describeStop } from './reasons.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `{ label, tone }` for a finished run. `result.kind`: 'success' | 'http_error' |
 * 'network_error' | 'aborted' | 'other'; `stopReason` the last RetryPolicy decision's reason.
 */
export function summarize(run, result, end) {
  const took = formatMs(end - run.started);
  const attempts = result.error?.attempts ?? run.attempts.length;
  switch (result.kind) {
    case 'success': {
      const { status, statusText } = result.response;
      return { tone: 'ok', label: `✓ ${status} ${statusText || classify(status).reason} after ${plural(attempts, 'attempt')}, ${took}` };
    }
    case 'aborted': return { tone: 'warn', label: `■ Cancelled after ${plural(attempts, 'attempt')}, ${took}` };
    case 'http_error':
      if (run.stopReason === 'held') return { tone: 'error', label: `✕ ${result.error.status} held: origin paused ${formatMs(result.error.retryAfterMs)} more, nothing sent · stopped: held` };
      return { tone: 'error', label: `✕ ${result.error.status} after ${plural(attempts, 'attempt')} · stopped: ${run.stopReason}` };
    case 'network_error': return { tone: 'error', label: `✕ ${result.error.kind} after ${plural(attempts, 'attempt')} · stopped: ${run.stopReason}` };
    default: return { tone: 'error', label: `✕ ${result.error?.name ?? 'Error'}: ${result.error?.message ?? result.error}` };
  }
}

/** Fills `container` (#sim-outcome) for a finished run, in `locale`. */
export function renderOutcome(container, run, result, locale) {
  container.dataset.outcome = result.kind;
  container.dataset.attempts = String(run.attempts.length);
  if (run.expected) container.dataset.expectedAttempts = String(run.expected.attempts);
  container.dataset.stopReason = run.stopReason;
  const parts = [el('h4', { className: 'subhead', text: 'What your user sees' })];
  const facts = [];
  if (result.kind === 'success') {
    parts.push(renderMessage(userMessage(result.response.status, { locale }), { variant: 'toast', tone: 'ok' }));
    facts.push(fact('Response', `${result.response.status} ${result.response.statusText}`));
    facts.push(fact('Attempts', String(run.attempts.length)));
    facts.push(fact('Body', result.text.slice(0, 300), 'fact-wide'));
  } else {
    const { error } = result;
    let message;
    try {
      message = userMessage(error, { locale });
    } catch {
      message = userMessage({ kind: 'network_error' }, { locale }); // not a fetch outcome (a bug)
    }
    parts.push(renderMessage(message, { variant: 'toast' }));
    facts.push(fact('Thrown', error?.name ?? typeof error));
    if (error?.status) facts.push(fact('Status', `${error.status} ${error.reason ?? ''}`.trim()));
    if (error?.kind) facts.push(fact('Kind', el('code', { text: error.kind })));
    facts.push(fact('Attempts', String(error?.attempts ?? run.attempts.length)));
    if (error?.retryAfterMs) facts.push(fact('Retry after', formatMs(error.retryAfterMs)));
    const why = result.kind === 'aborted'
      ? 'Cancelled: the AbortController passed as init.signal aborted the call (the wait or the request in flight).'
      : describeStop(run.stopReason === 'held' ? { reason: 'held' } : run.decisions.at(-1)?.decision, { limit: run.limit });
    if (why) facts.push(fact('Why it stopped', why, 'fact-wide'));
    if (error?.details) {
      const d = error.details;
      const said = [d.title, d.detail].filter(Boolean).join(' — ');
      if (said) facts.push(fact(`Server said (${d.format}, shown as text)`, said, 'fact-wide server-said'));
      for (const f of d.fieldErrors ?? []) facts.push(fact(`Field ${f.field}`, f.message, 'fact-wide server-said'));
    }
    if (error?.cause) facts.push(fact('Cause', `${error.cause.name}: ${error.cause.message}`, 'fact-wide'));
  }
  parts.push(el('dl', { className: 'facts' }, facts));
  container.replaceChildren(...parts);
}
