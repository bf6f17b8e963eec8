// Types of http-triage/axios. Structural (no import of axios): an AxiosInstance or the default
// `axios` fits `AxiosLike`.
import type { ErrorDetails, RetryDecision, RetryOptions, RetryPolicy, UserMessage } from '../index.js';

/** The part of an axios instance the interceptors use. */
export interface AxiosLike {
  interceptors: {
    request: { use(onFulfilled: (config: any) => any): number };
    response: { use(onFulfilled: (response: any) => any, onRejected: (error: any) => any): number };
  };
  request(config: any): Promise<any>;
}

/** Options of `interceptors()`. */
export interface AxiosInterceptorOptions {
  /** A RetryPolicy (share one to share its budget) or RetryPolicy options. @default new RetryPolicy() */
  policy?: RetryPolicy | RetryOptions;
  /** The whole call's time limit in ms, across attempts and waits (axios's `timeout` is per attempt). */
  deadlineMs?: number;
  /** Locale(s) for `userMessage`. @default navigator.languages, else 'en' */
  locale?: string | readonly string[];
}

/** What the final AxiosError carries after the interceptors (when classifyError understands it). */
export interface AxiosErrorFields {
  /** The message for end users. */
  userMessage?: UserMessage;
  /** parseErrorBody() of `response.data`, or null. */
  details?: ErrorDetails | null;
  /** The last retry decision: why retrying stopped. */
  decision?: RetryDecision;
}

/** Installs the interceptor pair; returns their ids for `eject`. */
export function interceptors(instance: AxiosLike, options?: AxiosInterceptorOptions): { request: number; response: number };
