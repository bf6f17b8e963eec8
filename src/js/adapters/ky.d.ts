// Types of http-triage/ky. Structural (no import of ky): the result fits ky 2's `Options`
// (`ky.create(createOptions())`, `ky.extend(createOptions())`).
import type { ErrorDetails, RetryOptions, RetryPolicy, UserMessage } from '../index.js';

/** Options of `createOptions()`. */
export interface KyAdapterOptions {
  /** A RetryPolicy (share one to share its budget) or RetryPolicy options. @default new RetryPolicy() */
  policy?: RetryPolicy | RetryOptions;
  /** Locale(s) for `userMessage`. @default navigator.languages, else 'en' */
  locale?: string | readonly string[];
}

/** ky options: `retry` and `hooks` (the init hook installs each request's retry decisions). */
export interface KyAdapter {
  retry: { limit: number; methods: string[] };
  hooks: {
    init: Array<(options: { retry?: unknown; method?: string; headers?: unknown; totalTimeout?: number | false }) => void>;
    afterResponse: Array<(state: { response: Response }) => void>;
    beforeError: Array<(state: { error: Error }) => Error>;
  };
}

/** What ky's final HTTPError, NetworkError or TimeoutError carries after `beforeError`. */
export interface KyErrorFields {
  /** The message for end users. */
  userMessage?: UserMessage;
  /** parseErrorBody() of `error.data`, or null. */
  details?: ErrorDetails | null;
}

/** `{ retry, hooks }` for ky whose decisions come from the RetryPolicy. */
export function createOptions(options?: KyAdapterOptions): KyAdapter;
