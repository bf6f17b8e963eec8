// Types of http-triage/tanstack-query. Structural (no import of @tanstack/query-core): each
// function fits TanStack Query v5's `retry` (ShouldRetryFunction) and `retryDelay`
// (RetryDelayFunction) for any error type, and `onSuccess` fits QueryCache / MutationCache.
import type { RetryOptions, RetryPolicy, UserMessage, UserMessageOptions } from '../index.js';

/** Options of `createRetry()`. */
export interface CreateRetryOptions {
  /** A RetryPolicy (its budget is shared by everything that uses it) or RetryPolicy options. @default new RetryPolicy() */
  policy?: RetryPolicy | RetryOptions;
  /** The method the query or mutation function sends. @default 'GET' (give 'POST' for mutations) */
  method?: string;
  /** Headers the function sends: an `Idempotency-Key` lets a POST or PATCH be retried. */
  requestHeaders?: HeadersInit;
}

/** What `createRetry()` gives: TanStack Query's option names. */
export interface TanStackRetry {
  /** `retry` option: whether to retry after `failureCount` earlier failures and this `error`. */
  retry: (failureCount: number, error: unknown) => boolean;
  /** `retryDelay` option: the wait in ms (the server's Retry-After when it gave one). */
  retryDelay: (failureCount: number, error: unknown) => number;
  /** For `new QueryCache({ onSuccess })` / `new MutationCache({ onSuccess })`: refills the budget. */
  onSuccess: () => void;
}

/** `{ retry, retryDelay, onSuccess }` over one RetryPolicy. */
export function createRetry(options?: CreateRetryOptions): TanStackRetry;

/** `retry` for `defaultOptions.queries` (GET, the module's shared policy). */
export const retry: TanStackRetry['retry'];
/** `retryDelay` for `defaultOptions.queries` (GET, the module's shared policy). */
export const retryDelay: TanStackRetry['retryDelay'];
/** `onSuccess` for `new QueryCache({ onSuccess })`: refills the module's shared policy's budget. */
export const onSuccess: TanStackRetry['onSuccess'];

/** The end-user message for a query's or mutation's error, or null for an aborted request or a cancelled query. */
export function errorMessage(error: unknown, options?: UserMessageOptions): UserMessage | null;
