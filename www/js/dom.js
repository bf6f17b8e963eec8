// Small DOM helpers. Every string reaches the page through textContent or an attribute: this
// demo never parses text as HTML (no innerHTML, no insertAdjacentHTML).

/**
 * Creates an element. `props`: className, text, attrs {name: value}, dataset, on {event: fn};
 * `children`: nodes or strings (strings become text nodes).
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  applyProps(node, props);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes (and optional text). */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function applyProps(node, { className, text, attrs, dataset, on } = {}) {
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  Object.assign(node.dataset, dataset ?? {});
  for (const [event, fn] of Object.entries(on ?? {})) node.addEventListener(event, fn);
}

/** `document.getElementById`, throwing when the page lacks the element (a typo, not a state). */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node;
}

/** A term/definition pair for a <dl>. */
export function fact(term, value, className = '') {
  return el('div', { className: `fact ${className}`.trim() }, [
    el('dt', { text: term }),
    value instanceof Node ? el('dd', {}, [value]) : el('dd', { text: value }),
  ]);
}

/** "850 ms", "2.4 s", "1 min 5 s". */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return s ? `${min} min ${s} s` : `${min} min`;
}

/** Calls `fn` at most once per `ms`, with the latest arguments. */
export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Human label of a status class: 'client_error' -> '4xx Client error'. */
export const CLASS_LABELS = {
  informational: '1xx Informational',
  success: '2xx Success',
  redirection: '3xx Redirection',
  client_error: '4xx Client error',
  server_error: '5xx Server error',
};

/**
 * A code block with a caption and a copy button (copy.js handles the click):
 * figure.code-block > figcaption.code-head (label, button) + pre.snippet > code.
 */
export function codeBlock(text, label, { codeId } = {}) {
  const button = el('button', { className: 'copy', text: 'Copy', attrs: { type: 'button', 'data-copy': true, 'aria-label': `Copy: ${label}` } });
  return el('figure', { className: 'code-block' }, [
    el('figcaption', { className: 'code-head' }, [el('span', { className: 'code-label', text: label }), button]),
    el('pre', { className: 'snippet' }, [el('code', { text, attrs: { id: codeId } })]),
  ]);
}
