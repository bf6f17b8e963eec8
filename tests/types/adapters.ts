// Compiled with `tsc --noEmit` against pkg/adapters/*.d.ts and the installed libraries' own types:
// what each adapter gives is assignable where the library takes it.
import { QueryClient, QueryCache, MutationCache, type QueryClientConfig } from '@tanstack/query-core';
import axios, { type AxiosError } from 'axios';
import ky, { type Options as KyOptions } from 'ky';
import { ofetch, type FetchOptions } from 'ofetch';
import { RetryPolicy, type UserMessage } from '../../pkg/index.js';
import { createRetry, retry, retryDelay, onSuccess, errorMessage } from '../../pkg/adapters/tanstack-query.js';
import { interceptors, type AxiosErrorFields } from '../../pkg/adapters/axios.js';
import { createOptions as kyOptions, type KyErrorFields } from '../../pkg/adapters/ky.js';
import { createOptions as ofetchOptions } from '../../pkg/adapters/ofetch.js';

// TanStack Query v5: queries and mutations defaults, caches, one query's options.
const policy = new RetryPolicy({ limit: 3 });
const mutations = createRetry({ policy, method: 'POST', requestHeaders: { 'Idempotency-Key': 'k1' } });
const config: QueryClientConfig = {
  queryCache: new QueryCache({ onSuccess }),
  mutationCache: new MutationCache({ onSuccess: mutations.onSuccess }),
  defaultOptions: {
    queries: { retry, retryDelay },
    mutations: { retry: mutations.retry, retryDelay: mutations.retryDelay },
  },
};
const client = new QueryClient(config);
void client.fetchQuery({ queryKey: ['x'], queryFn: async () => 1, ...createRetry({ policy }) });
const toast: UserMessage | null = errorMessage(new Error('x'), { locale: 'fr' });
// @ts-expect-error: the method is a string
createRetry({ method: 42 });

// axios: the default instance and a created one.
const ids: { request: number; response: number } = interceptors(axios, { deadlineMs: 10_000, locale: ['de', 'en'] });
axios.interceptors.request.eject(ids.request);
interceptors(axios.create({ timeout: 5_000 }), { policy: { limit: 1 } });
function onAxiosError(e: AxiosError & AxiosErrorFields): string | undefined {
  return e.userMessage?.title ?? e.details?.detail;
}
// @ts-expect-error: not an axios instance
interceptors({});

// ky 2: create and extend take the options as they are.
const kyOpts: KyOptions = kyOptions({ policy, locale: 'ja' });
const api = ky.create(kyOpts).extend(kyOptions());
void api;
function onKyError(e: Error & KyErrorFields): string | undefined {
  return e.userMessage?.message;
}

// ofetch 1: create takes the options as they are, with its own next to them.
const ofetchOpts: FetchOptions = { ...ofetchOptions({ deadlineMs: 5_000 }), timeout: 2_000 };
const $api = ofetch.create(ofetchOpts);
void $api;

void toast; void onAxiosError; void onKyError;
