// The per-call speed cases of issue 12, shared by Node (speed.mjs) and the browser page. Every
// case is timed against `JSON.parse` of the same ~1 KB problem+json body in the same process,
// interleaved (side-by-side.mjs). Each loop is its own function literal (V8 keeps type feedback
// per literal, so no case makes another's call site polymorphic) and consumes the answer.
import { decideContexts, POLICY_OPTIONS } from './decide-cases.mjs';

/** A realistic RFC 9457 validation error with extension members, about 1 KB of JSON. */
export const PROBLEM_BODY = JSON.stringify({
  type: 'https://api.example.com/problems/validation-failed',
  title: 'Your request parameters did not validate.',
  status: 422,
  detail: 'The order could not be placed: 3 fields are invalid. Correct them and submit the order again.',
  instance: '/v1/orders/8f14e45f-ceea-467a-9a54-1c3f0b1c9a7e',
  errors: [
    { pointer: '#/items/0/quantity', detail: 'must be a positive integer', code: 'quantity_not_positive' },
    { pointer: '#/shipping/postalCode', detail: 'does not match the format of the country (DE: 5 digits)', code: 'postal_code_format' },
    { pointer: '#/payment/card/expiry', detail: 'the card expired in 2024-11; use another card', code: 'card_expired' },
  ],
  traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  requestId: 'req_01HZY3K7W2V9QX8M5T6R4N3B2A',
  timestamp: '2025-01-15T12:00:00.000Z',
  documentation: 'https://docs.example.com/errors/validation-failed#fields',
  retryable: false,
  account: { id: 'acct_1234567890', plan: 'business', region: 'eu-central-1' },
  hint: 'Each entry of errors[] names the field with a JSON Pointer (RFC 6901) into the request body.',
});

/** The case every other is a ratio to. */
export const BASELINE = 'JSON.parse(the 1 KB body)';

/** Targets of issue 12: the case -> the highest ratio to JSON.parse allowed. */
export const SPEED_TARGETS = {
  "userMessage(404, { locale: 'en' })": 1,
  "parseErrorBody(1 KB body, 'application/problem+json')": 2,
  "classifyError(new TypeError('Failed to fetch'))": 0.5,
  'policy.decide(), Headers object (HTTP-date Retry-After + Date)': 0.5,
};

/**
 * The cases over the package `m` ({ userMessage, parseErrorBody, classifyError, classify,
 * RetryPolicy }) and the runtime's `Headers`. Returns { name: (input, n) => checksum }.
 */
export function makeSpeedCases(m, HeadersCtor) {
  const body = PROBLEM_BODY;
  // 64 distinct errors, made before timing: the case times classifyError, not the Error
  // constructor's stack capture, and no answer can be cached by object identity.
  const errors = Array.from({ length: 64 }, () => new TypeError('Failed to fetch'));
  const policy = new m.RetryPolicy(POLICY_OPTIONS);
  const contexts = decideContexts(HeadersCtor);
  const withHeaders = contexts['Headers object (GET, 503, Retry-After HTTP-date, 5 fields)'];
  const noHeaders = contexts['no headers (GET, 503)'];
  return {
    [BASELINE]: (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += JSON.parse(body).status;
      return s;
    },
    "userMessage(404, { locale: 'en' })": (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += m.userMessage(404, { locale: 'en' }).title.length;
      return s;
    },
    "userMessage(429, { locale: 'en', retryAfterMs: 30000 })": (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += m.userMessage(429, { locale: 'en', retryAfterMs: 30000 }).message.length;
      return s;
    },
    "parseErrorBody(1 KB body, 'application/problem+json')": (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += m.parseErrorBody(body, 'application/problem+json').status;
      return s;
    },
    "classifyError(new TypeError('Failed to fetch'))": (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += m.classifyError(errors[i & 63]).kind.length;
      return s;
    },
    'policy.decide(), Headers object (HTTP-date Retry-After + Date)': (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += policy.decide(withHeaders).delayMs;
      return s;
    },
    'policy.decide(), no headers': (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += policy.decide(noHeaders).delayMs;
      return s;
    },
    'classify(503) (cached answer)': (_, n) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += m.classify(503 - (i & 1)).reason.length;
      return s;
    },
  };
}
