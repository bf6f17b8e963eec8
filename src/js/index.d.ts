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
  /** For developers: what it means, the usual cause and how to handle it. */
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
