// Types of http-triage/ofetch. Structural (no import of ofetch): the result fits ofetch 1's
// `FetchOptions` (`ofetch.create(createOptions())`).
import type { RetryOptions, RetryPolicy } from '../index.js';

/** Options of `createOptions()`. */
export interface OfetchAdapterOptions {
  /** A RetryPolicy (share one to share its budget) or RetryPolicy options. @default new RetryPolicy() */
  policy?: RetryPolicy | RetryOptions;
  /** The whole call's time limit in ms, across attempts and waits (ofetch's `timeout` is per attempt). */
  deadlineMs?: number;
}

/** The part of ofetch's FetchContext the hooks read. */
export interface OfetchContextLike {
  options: { method?: string; headers?: unknown; signal?: AbortSignal | null };
  response?: { status: number; ok: boolean; headers: Headers };
  error?: Error;
}

/** ofetch options: `retry` and the four hooks. */
export interface OfetchAdapter {
  retry: number;
  onRequest: (context: OfetchContextLike) => void;
  onRequestError: (context: OfetchContextLike) => Promise<void>;
  onResponse: (context: OfetchContextLike & { response: { ok: boolean } }) => void;
  onResponseError: (context: OfetchContextLike) => Promise<void>;
}

/** Options whose hooks make ofetch's retry decisions with the RetryPolicy. */
export function createOptions(options?: OfetchAdapterOptions): OfetchAdapter;
