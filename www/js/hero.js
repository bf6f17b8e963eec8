// The first screen's before/after: the raw failure an app gets from fetch today, next to the
// message http-triage makes of it, in the page's language. The "after" is not written by hand:
// each case runs createFetch over a fetch that fails the way the "before" shows, and renders
// the thrown error's userMessage.
import { createFetch } from '/pkg/index.js';
import { el, byId, formatMs } from './dom.js';
import { renderMessage } from './message.js';
import { currentLocale, onLocaleChange, autonym } from './languages.js';

const json = (value) => JSON.stringify(value);

/**
 * The cases: `raw` is what the app sees without the package (the text shown), `respond` the
 * same failure as a fetch implementation, `note` what else is worth knowing.
 */
const CASES = [
  {
    id: 'network',
    label: 'Network down',
    raw: "await fetch('/api/orders')\n\nUncaught TypeError: Failed to fetch",
    note: 'Chromium’s wording. Firefox throws “NetworkError when attempting to fetch resource.”, Safari “Load failed”: http-triage knows them all.',
    respond: () => Promise.reject(new TypeError('Failed to fetch')),
  },
  {
    id: 'unavailable',
    label: '503 + JSON',
    body: json({ code: 503, message: 'no healthy upstream', request_id: '8f1c2e' }),
    raw: null,
    note: 'fetch resolves: res.ok is false and the body speaks to developers.',
    respond() {
      return Promise.resolve(new Response(this.body, { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'application/json' } }));
    },
  },
  {
    id: 'rate-limited',
    label: '429 + Retry-After',
    body: json({ message: 'API rate limit exceeded for 203.0.113.7.' }),
    raw: null,
    note: 'The wait is in a header the app has to find and convert.',
    respond() {
      return Promise.resolve(new Response(this.body, {
        status: 429, statusText: 'Too Many Requests', headers: { 'content-type': 'application/json', 'retry-after': '30' },
      }));
    },
  },
];

/** The status line, headers and body of a Response, as a developer would see them in DevTools. */
async function describeResponse(response) {
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText}`];
  for (const [name, value] of response.headers) lines.push(`${name.replace(/(^|-)\w/g, (m) => m.toUpperCase())}: ${value}`);
  return `${lines.join('\n')}\n\n${await response.text()}`;
}

export async function initHero() {
  const cases = byId('ba-cases');
  const raw = byId('ba-raw');
  const note = byId('ba-note');
  const message = byId('ba-message');
  const fields = byId('ba-fields');
  const lang = byId('ba-lang');
  // The "before" of a response is written from the same Response the "after" reads.
  for (const c of CASES) if (c.raw === null) c.raw = await describeResponse(await c.respond());
  let chosen = CASES[0];

  for (const c of CASES) {
    cases.append(el('button', {
      className: 'ba-case', text: c.label,
      attrs: { type: 'button', 'aria-pressed': String(c === chosen), 'data-case': c.id },
      on: { click: () => { chosen = c; show(); } },
    }));
  }

  async function show() {
    for (const b of cases.children) b.setAttribute('aria-pressed', String(b.dataset.case === chosen.id));
    raw.textContent = chosen.raw;
    note.textContent = chosen.note;
    const locale = currentLocale();
    const api = createFetch({ retry: false, locale, fetch: () => chosen.respond() });
    let error;
    try {
      await api('https://api.example.com/api/orders');
    } catch (e) {
      error = e;
    }
    if (!error?.userMessage) return; // cannot happen: each case fails
    lang.textContent = `(${autonym(locale)})`;
    const m = error.userMessage;
    const node = renderMessage(m, { variant: 'toast' });
    node.id = 'ba-toast';
    message.replaceChildren(node);
    const facts = [`error.kind: '${error.kind}'`];
    if (error.retryAfterMs) facts.push(`error.retryAfterMs: ${error.retryAfterMs} (${formatMs(error.retryAfterMs)})`);
    if (error.details?.detail) facts.push(`error.details.detail: '${error.details.detail}'`);
    fields.textContent = facts.join(' · ');
    message.dataset.case = chosen.id;
    message.dataset.locale = m.locale;
  }

  onLocaleChange(show);
  await show();
}
