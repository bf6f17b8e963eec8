/** The class of a status code: its first digit (RFC 9110 §15). */
export type StatusClass = 'informational' | 'success' | 'redirection' | 'client_error' | 'server_error';

/** Outcome kinds for responses that have a status code. */
export type StatusKind =
  | 'informational' | 'success' | 'redirect' | 'not_modified'
  | 'bad_request' | 'unauthorized' | 'payment_required' | 'forbidden' | 'not_found'
  | 'method_not_allowed' | 'not_acceptable' | 'request_timeout' | 'conflict' | 'gone'
  | 'precondition_failed' | 'payload_too_large' | 'uri_too_long' | 'unsupported_media_type'
  | 'range_not_satisfiable' | 'validation_failed' | 'locked' | 'too_early' | 'upgrade_required'
  | 'rate_limited' | 'header_too_large' | 'unavailable_for_legal_reasons' | 'client_error'
  | 'server_error' | 'not_implemented' | 'bad_gateway' | 'service_unavailable' | 'gateway_timeout';

/** Outcome kinds for failures with no HTTP response. */
export type FailureKind = 'network_error' | 'offline' | 'timeout' | 'aborted';

/** The stable vocabulary: every `kind` this package reports is one of these. */
export type Kind = StatusKind | FailureKind;

/** What `classify()` knows about a status code. The object is frozen and shared. */
export interface StatusInfo {
  /** The code, 100..=599. */
  readonly status: number;
  /** The IANA reason phrase (e.g. 'Content Too Large'), an unofficial code's common phrase, or the class name for unassigned codes. */
  readonly reason: string;
  /** The class, from the first digit. */
  readonly class: StatusClass;
  /** The outcome kind. */
  readonly kind: StatusKind;
  /** True when the code is in the IANA HTTP Status Code Registry. */
  readonly registered: boolean;
  /** True for 2xx. */
  readonly ok: boolean;
  /** True when the default retry policy retries an idempotent request with this status (413: only with Retry-After, so false here). */
  readonly retryable: boolean;
  /**
   * For developers: one sentence with the key fact (e.g. 429 'Rate limited: wait for Retry-After
   * (or the RateLimit reset) before retrying.'). After `addDescriptions(descriptions)` (the
   * `http-triage/descriptions.js` pack), the long text: what it means, the usual cause and how to
   * handle it.
   */
  readonly description: string;
  /** Where it is defined, e.g. 'RFC 9110 §15.5.5'. */
  readonly spec: string;
}

/** What `classifyError()` recognises in a thrown value. */
export interface ErrorClass {
  /** A failure kind, or the status kind of an HTTP error (this package's `HttpError`, ky's `HTTPError`, axios errors). */
  kind: Kind;
  /** Whether the default retry policy would retry it for an idempotent request. */
  retryable: boolean;
  /** The HTTP status, for errors that carry a response. */
  status?: number;
}

/**
 * Classifies an HTTP status code.
 * @param status an integer from 100 to 599
 * @throws TypeError for non-numbers and non-integers; RangeError outside 100..=599
 * @example classify(404).reason // 'Not Found'
 */
export function classify(status: number): StatusInfo;

/**
 * Classifies anything a `fetch` call can throw: each runtime's "failed to fetch" TypeError
 * (Chromium, Firefox, Safari, Node/undici, Deno), AbortError and TimeoutError DOMExceptions, and
 * HTTP errors carrying a status. Returns `null` for values it does not recognise: it never guesses.
 */
export function classifyError(error: unknown): ErrorClass | null;

/** Every code in the catalog (registered and unofficial), in order. Frozen and shared. */
export function listStatuses(): readonly StatusInfo[];

/** The kinds a message can be written for: every outcome kind, and 'unknown' for a value userMessage does not recognise. */
export type MessageKind = Kind | 'unknown';

/** A message for end users: plain text, no jargon, what happened and what to do next. */
export interface UserMessage {
  /** A short heading, e.g. 'Busy right now'. */
  title: string;
  /** What happened, in one sentence. */
  message: string;
  /** What the user can do next; says when to try again if the wait is known. */
  action: string;
  /** The kind the message was written for ('unknown' for a value that is not an HTTP outcome). */
  kind: MessageKind;
  /** The canonical tag of the catalog that supplied it: 'en', 'fr', 'zh-Hant', … */
  locale: string;
  /** Text direction of that locale ('rtl' for Arabic, Hebrew, Persian). */
  dir: 'ltr' | 'rtl';
}

/** Options of `userMessage()`. Each option of the wrong type throws a TypeError naming it. */
export interface UserMessageOptions {
  /**
   * A BCP 47 tag or a list of them, most preferred first. Negotiation falls back 'fr-CA' -> 'fr'
   * -> 'en'; 'zh-TW' / 'zh-HK' -> 'zh-Hant'; 'no' / 'nn' -> 'nb'. Default: `navigator.languages`, else 'en'.
   */
  locale?: string | readonly string[];
  /** A known wait in milliseconds: the action then says when to try again ("in 30 seconds"), via `Intl.RelativeTimeFormat` or the locale's own phrases. Default: the input's own `retryAfterMs`, if any. */
  retryAfterMs?: number;
  /**
   * Put the server's own text (the error body's user-facing message, detail or title) in `message`.
   * Honoured for 4xx only, and only when the text's language matches the message's locale: from
   * `details.userFacing.locale` (Google), the body's `lang` / `language` / `locale` member, the
   * response's Content-Language (`HttpError.contentLanguage`, one tag), or `serverLanguage`. Default: false.
   */
  includeServerDetail?: boolean;
  /** The language your API writes its texts in (a BCP 47 tag), for responses that do not say. Default: none (text of unknown language is never shown). */
  serverLanguage?: string;
  /** Whether the form highlights the fields to fix (422: "Check the highlighted fields"). Default: the error's `details.fieldErrors` is not empty. */
  highlightedFields?: boolean;
  /** Whether the app has a sign-in. With `false`, 401 does not ask the user to sign in. Default: true. */
  signIn?: boolean;
  /** Whether the app shows a way to contact support beside the message; only then do actions mention support. Default: false. */
  supportLink?: boolean;
}

/**
 * The message an end user should see for `input`: a status code, a StatusInfo, an `HttpError` /
 * `NetworkError`, any error a fetch call throws, or a `{ kind }` from `classifyError()`. Any other
 * value gets an honest generic message of kind 'unknown': it never throws for its input, so it is
 * safe in a catch handler. Only the locales registered with `addMessages()` (and built-in English)
 * are used.
 * @throws TypeError or RangeError only for options of the wrong type or range
 * @example userMessage(503, { locale: 'fr', retryAfterMs: 30_000 }).action // 'Réessayez dans 30 secondes.'
 */
export function userMessage(input: unknown, options?: UserMessageOptions): UserMessage;

/** The texts of a catalog entry or of one of its variants. */
export interface MessageTexts {
  title?: string;
  message?: string;
  action?: string;
  /** Used instead of `action` when the wait is known; must contain `{when}` ("in 30 seconds"). */
  waitAction?: string;
}

/** A situation the app is in (see the `userMessage` options `highlightedFields`, `signIn: false`, `supportLink`). */
export type Situation = 'highlightedFields' | 'noSignIn' | 'supportLink';

/** A variant key: one situation, or several joined with '+' ('noSignIn+supportLink'). */
export type SituationKey = Situation | `${Situation}+${Situation}` | `${Situation}+${Situation}+${Situation}`;

/** One message entry of a catalog; missing fields fall back to the kind's entry, then the next locale. */
export interface MessageEntry extends MessageTexts {
  /** Texts for situations: a variant applies when all its situations hold; the most specific wins. */
  variants?: Partial<Record<SituationKey, MessageTexts>>;
}

/**
 * A locale's own wait phrases, where `Intl.RelativeTimeFormat`'s read wrong in its sentence:
 * `now`, and per unit the template of the plural category `other` (with `{n}`) plus, optionally,
 * `<unit>.<category>` templates picked by `Intl.PluralRules`.
 */
export type WhenPhrases = {
  now?: string;
} & Partial<Record<'second' | 'minute' | 'hour' | 'day'
  | `${'second' | 'minute' | 'hour' | 'day'}.${'zero' | 'one' | 'two' | 'few' | 'many'}`, string>>;

/** A message catalog: a locale pack (`http-triage/locales/<tag>.js`) or an app's overrides. */
export interface MessageCatalog {
  /** The BCP 47 tag it is for. */
  locale: string;
  /** Text direction; inferred from the language when absent. */
  dir?: 'ltr' | 'rtl';
  /** The catalog-wide wait phrase, containing `{when}`. */
  waitAction?: string;
  /** The locale's own wait phrases (replace an earlier table of the locale as a whole). */
  when?: WhenPhrases;
  /** Messages per kind. */
  kinds?: Partial<Record<MessageKind, MessageEntry>>;
  /** Messages for exact status codes, e.g. an API whose 401 means "your API key is invalid". */
  statuses?: Record<number | `${number}`, MessageEntry>;
}

/**
 * Registers a locale pack or overrides kinds/statuses of a locale (field by field). Returns the
 * canonical tag. A malformed catalog throws a TypeError naming the path
 * ('kinds.not_found.title must be a string') and registers nothing.
 * @example import fr from 'http-triage/locales/fr.js'; addMessages(fr);
 */
export function addMessages(catalog: MessageCatalog): string;

/** The locale tags that have messages: 'en' and every registered catalog. */
export function listLocales(): string[];

/**
 * Long developer descriptions of status codes: the `http-triage/descriptions.js` pack (English,
 * every catalog code), or an app's own texts for the codes its API documents.
 */
export interface DescriptionPack {
  /** The BCP 47 tag of the texts (metadata; the last registered text of a code wins). */
  locale?: string;
  /** One text per status code, 100..=599 (codes without a catalog row are allowed); each a non-empty string of at most 4,096 characters. */
  statuses: Record<number | `${number}`, string>;
}

/**
 * Registers long developer descriptions: from then on `classify(code).description` (and
 * `listStatuses()`) give the pack's text for every code it covers; other codes keep their
 * built-in one-line description. Packs merge code by code, a later text replacing an earlier one.
 * Objects returned before the call keep their text. The texts are opt-in data so that apps that
 * never show them do not download them (the English pack is about 10 KB brotli).
 * @throws TypeError naming the path for a malformed pack ('statuses["404"] must be a string'),
 *   RangeError for codes outside 100..=599 and texts over 4,096 characters; nothing is registered then
 * @example import descriptions from 'http-triage/descriptions.js'; addDescriptions(descriptions);
 */
export function addDescriptions(pack: DescriptionPack): void;

/** The shapes `parseErrorBody()` recognises. */
export type ErrorBodyFormat = 'problem+json' | 'google' | 'stripe' | 'github' | 'jsonapi' | 'graphql' | 'odata' | 'aws' | 'generic' | 'xml';

/** What an API error body says. Every string is plain text (control characters removed, at most 1,000 characters). */
export interface ErrorDetails {
  format: ErrorBodyFormat;
  title?: string;
  detail?: string;
  /** A machine-readable code: Google's ErrorInfo reason, Stripe's code, AWS's exception name, … */
  code?: string;
  /** problem+json `type` (default 'about:blank'), Stripe's error type. */
  type?: string;
  instance?: string;
  /** The status the body states (problem+json `status`, Google's `error.code`). */
  status?: number;
  /** How long the body asks the client to wait, in ms: Google's RetryInfo.retryDelay, Discord's and Telegram's retry_after. createFetch uses it like Retry-After when no header gives a wait. */
  retryAfterMs?: number;
  /** Text the API itself marks as meant for end users (Google's LocalizedMessage). */
  userFacing?: { message: string; locale?: string };
  /** Errors tied to input fields (JSON pointers and paths become dotted names: 'profile.color'). */
  fieldErrors: { field: string; message: string }[];
  /** Extension members: problem+json extensions (simple values and arrays of them, at most 16 items), Stripe's decline_code/doc_url, an XML error's other elements, … */
  extensions?: Record<string, string | number | boolean | null | (string | number | boolean)[]>;
}

/**
 * Extracts what an API error body says: RFC 9457 problem+json and the shapes of Google, Stripe,
 * GitHub, JSON:API, GraphQL, OData/Microsoft, AWS and plain `{message}` / `{error}` bodies, and XML
 * error bodies (S3 and other AWS XML services, Azure Storage, problem+xml; no DTD or entity expansion).
 * Returns null when the body carries no error information. Never throws on malformed, hostile or
 * huge input (it reads a bounded prefix).
 */
export function parseErrorBody(body: string | object, contentType?: string | null): ErrorDetails | null;

/** Jitter applied to the computed backoff. */
export type Jitter = 'full' | 'equal' | 'none';

/** Why `decide()` decided what it did. */
export type RetryReason =
  | 'status' | 'retry_after' | 'network' | 'timeout' | 'offline'
  | 'limit' | 'deadline' | 'method' | 'not_retryable' | 'aborted' | 'budget' | 'retry_after_too_long'
  | 'body_not_replayable';

/** Options of `new RetryPolicy()` (and `createFetch({ retry })`). Unknown keys throw a TypeError. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 2 (3 attempts, as ky and got) */
  limit?: number;
  /** Methods retried without an idempotency key (case-insensitive). @default ['GET','HEAD','OPTIONS','PUT','DELETE','TRACE'] (idempotent, RFC 9110 §9.2.2) */
  methods?: string[];
  /** Statuses retried. Unassigned and unofficial codes count as their class's x00 (an unknown 5xx is a 500). 413 is retried only with a timing header. @default [408, 413, 425, 429, 500, 502, 503, 504] */
  statusCodes?: number[];
  /** Statuses whose Retry-After / RateLimit timing is honoured (used as the server asked, without jitter). @default [413, 429, 503] */
  afterStatusCodes?: number[];
  /** A server asking for a longer wait is not retried; the wait is still reported (`retryAfterMs`). @default 60000 */
  maxRetryAfterMs?: number;
  /** First backoff step: `baseDelayMs * 2^(attempt-1)`. @default 300 */
  baseDelayMs?: number;
  /** Backoff cap. @default 10000 */
  maxDelayMs?: number;
  /** 'full': random in [0, d]; 'equal': [d/2, d]; 'none': d. @default 'full' */
  jitter?: Jitter;
  /** Retry an idempotent request whose attempt timed out. @default true */
  retryOnTimeout?: boolean;
  /** Retry POST/PATCH (any method) when the request carries an Idempotency-Key or X-Idempotency-Key header; 409 then counts as retryable too. @default true */
  retryNonIdempotentWithKey?: boolean;
  /**
   * The retry budget shared by every call through one policy (an AWS-style retry quota): a retry
   * costs 1 token (2 after a timeout) and needs the bucket to hold it, a retry that succeeds gives
   * its cost back, a call that succeeds at its first attempt adds `tokenRatio`. An outage gets at
   * most `maxTokens` retries (200 concurrent calls: 1.05x); 20% transient failures never run it
   * dry. `false` turns it off. @default { maxTokens: 10, tokenRatio: 0.5 }
   */
  budget?: { maxTokens?: number; tokenRatio?: number } | boolean;
  /** Seed of the jitter's random source, for reproducible delays. @default random */
  seed?: number;
}

/** What happened on the attempt that just failed. */
export interface RetryContext {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  /** The request method. @default 'GET' */
  method?: string;
  /** The response status, if there was a response. */
  status?: number;
  /** The response headers (a Headers object or a plain object). */
  headers?: Headers | Record<string, string>;
  /** The request headers (for Idempotency-Key); an idempotency key in `headers` counts too. */
  requestHeaders?: HeadersInit;
  /** The failure without a response: an error fetch threw, or a kind name. */
  error?: unknown;
  /** Milliseconds since the first attempt started. */
  elapsedMs?: number;
  /** Total time allowed for all attempts, on the same clock as `elapsedMs`. */
  deadlineMs?: number;
  /** Now, in epoch milliseconds (for HTTP-dates and epoch resets). @default Date.now() */
  now?: number;
  /** The wait the error body asked for (`ErrorDetails.retryAfterMs`), in ms; a header's wait wins. */
  bodyRetryAfterMs?: number;
  /** false when the request body can be sent only once (a stream): a retry becomes 'body_not_replayable'. @default true */
  replayable?: boolean;
}

/** The answer of `decide()`. */
export interface RetryDecision {
  /** Whether to make another attempt. */
  retry: boolean;
  /** How long to wait first (ms). Exactly the server's wait when `reason` is 'retry_after'. */
  delayMs: number;
  /** Why. */
  reason: RetryReason;
  /** The wait the server asked for (Retry-After / RateLimit), also when not retrying: tell the user when to come back. */
  retryAfterMs?: number;
}

/** Retry decisions: options, the budget shared by every call through it, and the jitter's random source. */
export class RetryPolicy {
  /** @throws TypeError / RangeError naming a bad option, e.g. 'limit must be an integer from 0 to 100, got -1' */
  constructor(options?: RetryOptions);
  /**
   * Decides whether and when to retry after a failed attempt.
   * @throws TypeError / RangeError naming a bad context member; TypeError once freed
   */
  decide(context: RetryContext): RetryDecision;
  /**
   * Records a successful call: a first-attempt success adds `tokenRatio` to the budget; pass the
   * reason of the decision that made a successful retry to give its cost back.
   */
  recordSuccess(retryReason?: RetryReason): void;
  /** The longest server-requested wait that is honoured (ms). */
  readonly maxRetryAfterMs: number;
  /** Retries after the first attempt. */
  readonly limit: number;
  /** Tokens left in the retry budget, or null when it is off. */
  readonly budgetTokens: number | null;
  /** True once `free()` was called: `decide` then throws, `recordSuccess` does nothing. */
  readonly freed: boolean;
  /** Frees the policy at once (otherwise the garbage collector does it). */
  free(): void;
}

/** What `onRetry` is told before each wait. */
export interface RetryInfo {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** The wait before the next attempt (ms); 0 while waiting for the network ('offline'). */
  delayMs: number;
  /** Why it waits: 'status', 'retry_after', 'network', 'timeout', 'offline', or 'cooldown' (another call to this origin was told to wait; `attempt` is then the attempts made so far). */
  reason: RetryReason | 'cooldown';
  /** The status of the failed attempt, if there was a response. */
  status?: number;
  /** The wait the server asked for, if any. */
  retryAfterMs?: number | null;
  /** The failure, if there was no response. */
  error?: unknown;
}

/** Options of `createFetch()`. */
export interface CreateFetchOptions {
  /** RetryPolicy options, a RetryPolicy (share one to share its budget), or false for no retries. @default new RetryPolicy() */
  retry?: RetryOptions | RetryPolicy | false;
  /** Per-attempt timeout in ms; a timed-out attempt is a NetworkError of kind 'timeout'. @default none */
  timeoutMs?: number;
  /** Whole-call deadline in ms, across attempts and waits. @default none */
  deadlineMs?: number;
  /** Throw HttpError for a final non-ok response. @default true */
  throwHttpErrors?: boolean;
  /** The underlying fetch. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Called before each wait. */
  onRetry?: (info: RetryInfo) => void;
  /** Locale(s) for the errors' `userMessage`. @default navigator.languages, else 'en' */
  locale?: string | readonly string[];
}

/**
 * A final response that was not ok. `message`: 'Request failed with status 503 Service Unavailable: GET https://…'.
 * Also a call held by the server's wait (another call's Retry-After) past its deadline or timeoutMs:
 * then `response` is null, `retryAfterMs` is the wait left, and `message` starts 'Request held for the server's wait'.
 */
export class HttpError extends Error {
  readonly name: 'HttpError';
  readonly status: number;
  readonly kind: StatusKind;
  /** Equal to `kind`. */
  readonly code: StatusKind;
  /** The reason phrase of the status. */
  readonly reason: string;
  /** What the error body said (read from a clone, so `response` is still readable), or null. */
  readonly details: ErrorDetails | null;
  /** The response's Content-Language header (the language of the body's text), or null. */
  readonly contentLanguage: string | null;
  /** The wait the server asked for (Retry-After / RateLimit), or null. */
  readonly retryAfterMs: number | null;
  /** Attempts made. */
  readonly attempts: number;
  /** The last retry decision: why retrying stopped ('limit', 'budget', 'not_retryable', 'retry_after_too_long', …), or null when none was made. */
  readonly decision: RetryDecision | null;
  readonly response: Response | null;
  readonly method: string;
  readonly url: string;
  /** The message for end users. */
  readonly userMessage: UserMessage;
}

/** A failure with no HTTP response. */
export class NetworkError extends Error {
  readonly name: 'NetworkError';
  readonly kind: 'network_error' | 'offline' | 'timeout';
  /** Equal to `kind`. */
  readonly code: 'network_error' | 'offline' | 'timeout';
  /** What fetch threw. */
  readonly cause: unknown;
  readonly attempts: number;
  /** The last retry decision, or null when none was made (a deadline, a stream body). */
  readonly decision: RetryDecision | null;
  readonly method: string;
  readonly url: string;
  /** The message for end users. */
  readonly userMessage: UserMessage;
}

/** True for an HttpError, also across realms and package copies. */
export function isHttpError(value: unknown): value is HttpError;
/** True for a NetworkError, also across realms and package copies. */
export function isNetworkError(value: unknown): value is NetworkError;

/**
 * A drop-in `fetch` that retries per the policy, honours Retry-After across calls to the same
 * origin, waits for the network while offline, and throws HttpError / NetworkError.
 * `init.signal` aborts the request in flight and any wait at once.
 * @example const api = createFetch({ timeoutMs: 10_000 }); const res = await api('/api/orders');
 */
export function createFetch(options?: CreateFetchOptions): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** The WebAssembly module's linear memory in bytes (diagnostics: leak tests and benchmarks). */
export function wasmMemoryBytes(): number;
