// Compiled with `tsc --noEmit` against pkg/index.d.ts: the declarations are valid, kinds and
// classes are literal unions (assigning a wrong literal is an error), and examples type-check.
import {
  classify, classifyError, listStatuses, userMessage, addMessages, parseErrorBody,
  type Kind, type StatusClass, type StatusInfo, type MessageCatalog,
} from '../../pkg/index.js';
import fr from '../../pkg/locales/fr.js';
import descriptions from '../../pkg/descriptions.js';
import { addDescriptions, type DescriptionPack } from '../../pkg/index.js';

const info: StatusInfo = classify(404);
const kind: Kind = info.kind;
const cls: StatusClass = info.class;
// @ts-expect-error: 'teapot' is not a kind
const notAKind: Kind = 'teapot';
// @ts-expect-error: 'client-error' is not a class
const notAClass: StatusClass = 'client-error';

const c = classifyError(new TypeError('Failed to fetch'));
if (c !== null) {
  const k: Kind = c.kind;
  const r: boolean = c.retryable;
  void k; void r;
}
const all: readonly StatusInfo[] = listStatuses();
addMessages(fr);
const overrides: MessageCatalog = { locale: 'en', statuses: { 401: { message: 'Your access key is not valid.' } } };
addMessages(overrides);
// @ts-expect-error: a title must be a string
addMessages({ locale: 'en', kinds: { not_found: { title: 5 } } });
const m = userMessage(503, { locale: ['fr-CA', 'en'], retryAfterMs: 30_000 });
const dir: 'ltr' | 'rtl' = m.dir;
const details = parseErrorBody('{"title":"x"}', 'application/problem+json');
const fields = details?.fieldErrors.map((f) => `${f.field}: ${f.message}`);
void kind; void cls; void notAKind; void notAClass; void all; void dir; void fields;

import { RetryPolicy, createFetch, isHttpError, isNetworkError, type RetryDecision, type RetryReason } from '../../pkg/index.js';
const policy = new RetryPolicy({ limit: 3, jitter: 'equal', budget: false, seed: 7 });
const decision: RetryDecision = policy.decide({ attempt: 1, method: 'GET', status: 503, headers: { 'retry-after': '2' } });
const reason: RetryReason = decision.reason;
// @ts-expect-error: not a jitter mode
new RetryPolicy({ jitter: 'random' });
const api = createFetch({ retry: policy, timeoutMs: 5_000, onRetry: (info) => void info.delayMs, locale: 'fr' });
async function use(): Promise<void> {
  try {
    await api('https://example.invalid/x', { method: 'POST', headers: { 'Idempotency-Key': 'k1' } });
  } catch (e) {
    if (isHttpError(e)) { const s: number = e.status; const t: string = e.userMessage.title; void s; void t; }
    if (isNetworkError(e)) { const k: 'network_error' | 'offline' | 'timeout' = e.kind; void k; }
  }
}
void reason; void use;

addDescriptions(descriptions);
const ownTexts: DescriptionPack = { statuses: { 432: 'Our API: the cart is closed for the day.' } };
const nothing: void = addDescriptions(ownTexts);
// @ts-expect-error: a description must be a string
addDescriptions({ statuses: { 404: 5 } });
// @ts-expect-error: a pack needs its statuses
addDescriptions({ locale: 'en' });
void nothing;
