// What the real axios, ky, ofetch, wretch and got throw, produced against the scenario server, for
// classifyError / userMessage to be checked on. Runs in Node and, bundled with esbuild, in
// Chromium (got is Node-only: pass `got: undefined` there).
//
//   const cases = clientErrorCases({ axios, ky, ofetch, wretch, got }, { scenarioUrl, closedUrl });
//   for (const c of cases) { const error = await c.make(); … compare classifyError(error) with c.expect … }
//
// `expect`: the ErrorClass classifyError must give; `waitMs`: the wait the carried response asks for
// (userMessage must phrase it); `input`: what userMessage(error) must equal userMessage(input) for.

/** Resolves to what `promise` rejects with (a resolution is a test failure). */
async function caught(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call resolved; an error was expected');
}

/** Aborts a controller shortly after the request went out ('hang' holds the response). */
function abortSoon() {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 60);
  return controller.signal;
}

const http = (status, retryable, waitMs) => ({ expect: { kind: undefined, retryable, status }, input: status, waitMs });
const failure = (kind) => ({ expect: { kind, retryable: kind !== 'aborted' }, input: { kind } });
const KINDS = { 404: 'not_found', 429: 'rate_limited', 503: 'service_unavailable' };
const withKind = (c) => (c.expect.kind === undefined ? { ...c, expect: { ...c.expect, kind: KINDS[c.expect.status] } } : c);

/**
 * The cases for the libraries given. `urls.scenarioUrl(scenario, key)` addresses the scenario
 * server; `urls.closedUrl` is a loopback port nothing listens on.
 */
export function clientErrorCases({ axios, ky, ofetch, wretch, got }, { scenarioUrl, closedUrl }) {
  let n = 0;
  const url = (scenario) => scenarioUrl(scenario, `shape-${(n += 1)}`);
  const cases = [];
  const add = (library, label, make, c) => cases.push({ library, label, make, ...withKind(c) });

  if (axios) {
    add('axios', 'AxiosError with a 503 response (Retry-After: 1)', () => caught(axios.get(url('retry-after-seconds'))), http(503, true, 1000));
    add('axios', 'AxiosError with a 404 response', () => caught(axios.get(url('not-found'))), http(404, false));
    add('axios', 'AxiosError, connection refused', () => caught(axios.get(closedUrl)), failure('network_error'));
    add('axios', 'AxiosError ERR_NETWORK from the fetch adapter', () => caught(axios.get(closedUrl, { adapter: 'fetch' })), failure('network_error'));
    add('axios', 'AxiosError ECONNABORTED (timeout)', () => caught(axios.get(url('hang'), { timeout: 150 })), failure('timeout'));
    add('axios', 'AxiosError ETIMEDOUT (clarifyTimeoutError)', () => caught(axios.get(url('hang'), { timeout: 150, transitional: { clarifyTimeoutError: true } })), failure('timeout'));
    add('axios', 'CanceledError ERR_CANCELED', () => caught(axios.get(url('hang'), { signal: abortSoon() })), failure('aborted'));
  }
  if (ky) {
    add('ky', 'HTTPError 429 (Retry-After: 1)', () => caught(ky(url('rate-limited-seconds'), { retry: 0 })), http(429, true, 1000));
    add('ky', 'HTTPError 404', () => caught(ky(url('not-found'), { retry: 0 })), http(404, false));
    add('ky', 'NetworkError', () => caught(ky(closedUrl, { retry: 0 })), failure('network_error'));
    add('ky', 'TimeoutError', () => caught(ky(url('hang'), { retry: 0, timeout: 150 })), failure('timeout'));
    add('ky', 'AbortError (the signal\'s reason)', () => caught(ky(url('hang'), { retry: 0, signal: abortSoon() })), failure('aborted'));
  }
  if (ofetch) {
    add('ofetch', 'FetchError with a 503 response (Retry-After: 1)', () => caught(ofetch(url('retry-after-seconds'), { retry: 0 })), http(503, true, 1000));
    add('ofetch', 'FetchError with a 404 response', () => caught(ofetch(url('not-found'), { retry: 0 })), http(404, false));
    add('ofetch', 'FetchError without a response (fetch failed)', () => caught(ofetch(closedUrl, { retry: 0 })), failure('network_error'));
    add('ofetch', 'FetchError after ofetch\'s timeout', () => caught(ofetch(url('hang'), { retry: 0, timeout: 150 })), failure('timeout'));
    add('ofetch', 'FetchError after an abort', () => caught(ofetch(url('hang'), { retry: 0, signal: abortSoon() })), failure('aborted'));
  }
  if (wretch) {
    add('wretch', 'WretchError 503 (Retry-After: 1)', () => caught(wretch(url('retry-after-seconds')).get().res()), http(503, true, 1000));
    add('wretch', 'WretchError 404', () => caught(wretch(url('not-found')).get().res()), http(404, false));
    add('wretch', 'fetch\'s TypeError, passed through', () => caught(wretch(closedUrl).get().res()), failure('network_error'));
    add('wretch', 'AbortError (the signal\'s reason)', () => caught(wretch(url('hang')).options({ signal: abortSoon() }).get().res()), failure('aborted'));
  }
  if (got) {
    const once = { retry: { limit: 0 } };
    add('got', 'HTTPError 503 (response.statusCode, Retry-After: 1)', () => caught(got(url('retry-after-seconds'), once)), http(503, true, 1000));
    add('got', 'HTTPError 404', () => caught(got(url('not-found'), once)), http(404, false));
    add('got', 'RequestError ECONNREFUSED', () => caught(got(closedUrl, once)), failure('network_error'));
    add('got', 'TimeoutError ETIMEDOUT', () => caught(got(url('hang'), { ...once, timeout: { request: 150 } })), failure('timeout'));
    add('got', 'AbortError ERR_ABORTED', () => caught(got(url('hang'), { ...once, signal: abortSoon() })), failure('aborted'));
  }
  return cases;
}

/**
 * Runs the cases through `api` (the package) and returns plain data: per case, what classifyError
 * and userMessage gave and what they must give.
 */
export async function runClientErrorCases(api, cases) {
  const results = [];
  for (const c of cases) {
    const error = await c.make();
    const options = { locale: 'en' };
    const expectedMessage = api.userMessage(c.input, c.waitMs === undefined ? options : { ...options, retryAfterMs: c.waitMs });
    let message;
    try {
      message = api.userMessage(error, options);
    } catch (e) {
      message = `threw ${e.message}`;
    }
    const expect = c.expect.status === undefined
      ? { kind: c.expect.kind, retryable: c.expect.retryable }
      : { kind: c.expect.kind, retryable: c.expect.retryable, status: c.expect.status };
    results.push({
      library: c.library,
      label: c.label,
      shape: { name: error?.name, code: error?.code },
      actual: api.classifyError(error),
      expect,
      message,
      expectedMessage,
    });
  }
  return results;
}
