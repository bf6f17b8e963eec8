// The adapters' declarations on their own (no library installed is needed for them), checked with
// skipLibCheck off. adapters.ts checks them against the libraries' types.
import { createRetry, retry, errorMessage, type TanStackRetry } from '../../pkg/adapters/tanstack-query.js';
import { interceptors, type AxiosLike } from '../../pkg/adapters/axios.js';
import { createOptions as kyOptions, type KyAdapter } from '../../pkg/adapters/ky.js';
import { createOptions as ofetchOptions, type OfetchAdapter } from '../../pkg/adapters/ofetch.js';

const r: TanStackRetry = createRetry({ method: 'PUT' });
const again: boolean = retry(0, new Error('x'));
const k: KyAdapter = kyOptions({ locale: 'fr' });
const o: OfetchAdapter = ofetchOptions({ policy: { limit: 1 } });
declare const instance: AxiosLike;
const ids = interceptors(instance);
const m = errorMessage(null);
// @ts-expect-error: a policy's limit is a number
kyOptions({ policy: { limit: '3' } });
void r; void again; void k; void o; void ids; void m;
