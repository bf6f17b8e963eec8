// How an app would show a userMessage() result: a toast or an inline alert. The container
// takes the message's own `lang` and `dir`, so Arabic lays out right to left.
import { el, svg } from './dom.js';

const SUCCESS_KINDS = new Set(['success', 'informational', 'redirect', 'not_modified']);
const ERROR_KINDS = new Set([
  'server_error', 'not_implemented', 'bad_gateway', 'service_unavailable', 'gateway_timeout', 'network_error',
]);

/** 'ok' | 'warn' | 'error': the tone of a message for its kind. */
export function toneOf(kind) {
  if (SUCCESS_KINDS.has(kind)) return 'ok';
  if (ERROR_KINDS.has(kind)) return 'error';
  return 'warn';
}

const ICONS = {
  ok: 'M5 10.5l3.2 3.2L15 7',
  warn: 'M10 5.5v5.5M10 14.2v.3',
  error: 'M6.5 6.5l7 7M13.5 6.5l-7 7',
};

function icon(tone) {
  const node = svg('svg', { viewBox: '0 0 20 20', class: 'msg-icon', 'aria-hidden': 'true', focusable: 'false' });
  node.append(
    svg('circle', { cx: 10, cy: 10, r: 9 }),
    svg('path', { d: ICONS[tone], fill: 'none', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }),
  );
  return node;
}

/**
 * Renders `message` ({ title, message, action, kind, locale, dir }) as an app would.
 * `variant`: 'toast' (floating card) or 'alert' (inline banner).
 */
export function renderMessage(message, { variant = 'toast', tone = toneOf(message.kind) } = {}) {
  return el('div', {
    className: `msg msg-${variant} tone-${tone}`,
    attrs: { lang: message.locale, dir: message.dir ?? 'ltr' },
    dataset: { kind: message.kind, locale: message.locale },
  }, [
    icon(tone),
    el('div', { className: 'msg-body' }, [
      el('p', { className: 'msg-title', text: message.title }),
      el('p', { className: 'msg-text', text: message.message }),
      el('p', { className: 'msg-action', text: message.action }),
    ]),
  ]);
}
