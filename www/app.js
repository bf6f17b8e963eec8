// The demo page. Everything shown is set with textContent, never as HTML.
import { classify } from '/pkg/index.js';

const form = document.getElementById('lookup');
const input = document.getElementById('status-input');
const result = document.getElementById('result');

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function row(label, value) {
  const wrap = el('div', 'fact');
  wrap.append(el('dt', '', label), el('dd', '', value));
  return wrap;
}

function show() {
  result.replaceChildren();
  const raw = input.value.trim();
  let info;
  try {
    info = classify(raw === '' ? NaN : Number(raw));
  } catch (err) {
    const box = el('p', 'problem', `${err.name}: ${err.message}`);
    box.setAttribute('role', 'alert');
    result.append(box);
    return;
  }
  const head = el('div', `status-head class-${info.class}`);
  head.append(el('span', 'code', String(info.status)), el('span', 'reason', info.reason));
  const facts = el('dl', 'facts');
  facts.append(
    row('Class', info.class.replace('_', ' ')),
    row('Kind', info.kind),
    row('Registered', info.registered ? 'yes (IANA)' : 'no (unofficial or unassigned)'),
    row('Retried by default', info.retryable ? 'yes, for idempotent requests' : 'no'),
    row('Defined in', info.spec),
  );
  result.append(head, facts, el('p', 'description', info.description));
  result.dataset.status = String(info.status);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  show();
});
show();
document.documentElement.dataset.ready = 'true';
