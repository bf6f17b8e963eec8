// Error-body playground: paste a body, pick a content type, see what parseErrorBody() extracts
// and what the end user would be told with and without the server's own text.
import { parseErrorBody, userMessage, classify } from '/pkg/index.js';
import { el, byId, fact, debounce, codeBlock } from './dom.js';
import { renderMessage } from './message.js';
import { currentLocale, onLocaleChange } from './languages.js';
import { EXAMPLES, CONTENT_TYPES } from './examples.js';

const FIELD_LABELS = [
  ['title', 'Title'],
  ['detail', 'Detail'],
  ['code', 'Code'],
  ['type', 'Type'],
  ['instance', 'Instance'],
  ['status', 'Status'],
];

export function initPlayground() {
  const examples = byId('pg-examples');
  const type = byId('pg-type');
  const status = byId('pg-status');
  const body = byId('pg-body');
  const output = byId('pg-output');
  const live = byId('pg-live');

  for (const ct of CONTENT_TYPES) type.append(el('option', { text: ct || '(none)', attrs: { value: ct } }));

  for (const ex of EXAMPLES) {
    examples.append(el('button', {
      className: 'example',
      text: ex.label,
      attrs: { type: 'button', 'aria-pressed': 'false', 'data-example': ex.id },
      on: { click: () => load(ex) },
    }));
  }

  function load(ex) {
    body.value = ex.body;
    type.value = ex.contentType;
    status.value = String(ex.status);
    for (const b of examples.children) b.setAttribute('aria-pressed', String(b.dataset.example === ex.id));
    render();
  }

  function markCustom() {
    for (const b of examples.children) b.setAttribute('aria-pressed', 'false');
  }

  function render() {
    const started = performance.now();
    const details = parseErrorBody(body.value, type.value || undefined);
    const took = performance.now() - started;
    const code = Number(status.value);
    const validStatus = Number.isInteger(code) && code >= 400 && code <= 599;
    output.dataset.format = details ? details.format : 'null';

    const head = el('div', { className: 'pg-head' }, [
      el('span', { className: 'pg-label', text: 'Format' }),
      el('span', { className: `format-badge${details ? '' : ' none'}`, attrs: { id: 'pg-format' }, text: details ? details.format : 'null' }),
      el('span', { className: 'pg-time', text: `parsed in ${took < 1 ? '<1' : took.toFixed(1)} ms` }),
    ]);

    const parts = [head];
    if (!details) {
      parts.push(el('p', { className: 'pg-empty', text: 'No error information in this body. HTML error pages, XML and empty bodies give null: show the message for the status code instead.' }));
    } else {
      const facts = FIELD_LABELS.filter(([k]) => details[k] !== undefined)
        .map(([k, label]) => fact(label, String(details[k]), ['detail', 'title', 'type', 'instance'].includes(k) && String(details[k]).length > 24 ? 'fact-wide' : ''));
      if (details.userFacing) {
        facts.push(fact('User-facing text', `${details.userFacing.message}${details.userFacing.locale ? ` (${details.userFacing.locale})` : ''}`, 'fact-wide'));
      }
      parts.push(el('dl', { className: 'facts', attrs: { id: 'pg-facts' } }, facts));
      parts.push(el('h4', { className: 'subhead', text: `Field errors (${details.fieldErrors.length})` }));
      if (details.fieldErrors.length) {
        parts.push(el('div', { className: 'table-wrap' }, [el('table', { className: 'field-errors', attrs: { id: 'pg-fields' } }, [
          el('thead', {}, [el('tr', {}, [el('th', { text: 'Field', attrs: { scope: 'col' } }), el('th', { text: 'Message', attrs: { scope: 'col' } })])]),
          el('tbody', {}, details.fieldErrors.map((f) => el('tr', {}, [el('td', {}, [el('code', { text: f.field })]), el('td', { text: f.message })]))),
        ])]));
      } else {
        parts.push(el('p', { className: 'muted', text: 'None.' }));
      }
      const ext = Object.entries(details.extensions ?? {});
      if (ext.length) {
        parts.push(el('h4', { className: 'subhead', text: 'Extensions' }));
        parts.push(el('dl', { className: 'facts' }, ext.map(([k, v]) => fact(k, String(v), 'fact-wide'))));
      }
    }

    // What the end user sees: by default the status's message; the server's text only on opt-in,
    // and only in its own language (the example bodies are English).
    if (validStatus) {
      const input = { status: code, details };
      const locale = currentLocale();
      parts.push(el('h4', { className: 'subhead', text: `What your user sees for ${code} ${classify(code).reason}` }));
      parts.push(el('div', { className: 'pg-messages' }, [
        el('figure', { className: 'sample' }, [
          el('figcaption', {}, ['Default: ', el('code', { text: `userMessage(error)` })]),
          renderMessage(userMessage(input, { locale }), { variant: 'alert' }),
        ]),
        el('figure', { className: 'sample' }, [
          el('figcaption', {}, ['Opt-in: ', el('code', { text: "{ includeServerDetail: true, serverLanguage: 'en' }" })]),
          renderMessage(userMessage(input, { locale, includeServerDetail: true, serverLanguage: 'en' }), { variant: 'alert' }),
        ]),
      ]));
    }

    parts.push(el('details', { className: 'raw' }, [
      el('summary', { text: 'Raw result' }),
      codeBlock(JSON.stringify(details, null, 2), 'parseErrorBody() result'),
    ]));
    output.replaceChildren(...parts);
    live.textContent = details
      ? `Format ${details.format}, ${details.fieldErrors.length} field ${details.fieldErrors.length === 1 ? 'error' : 'errors'}.`
      : 'No error information found.';
  }

  const later = debounce(render, 120);
  body.addEventListener('input', () => { markCustom(); later(); });
  // One-line JSON pasted over the whole box (or into an empty one) is laid out, two spaces an
  // indent, so that it can be read; anything else is pasted as it is.
  body.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const replacesAll = body.selectionStart === 0 && body.selectionEnd === body.value.length;
    if (!replacesAll || text.includes('\n') || !/^\s*[[{]/.test(text)) return;
    let value;
    try { value = JSON.parse(text); } catch { return; }
    event.preventDefault();
    body.setRangeText(JSON.stringify(value, null, 2), 0, body.value.length, 'start');
    body.dispatchEvent(new Event('input', { bubbles: true }));
  });
  type.addEventListener('change', render);
  status.addEventListener('input', later);
  onLocaleChange(render);
  load(EXAMPLES[0]);
}
