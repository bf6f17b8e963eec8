// The page script of tests/e2e/adapters.test.mjs, bundled with esbuild from node_modules. The
// package and its adapters stay external ('/pkg/…', loaded by the browser from the build), so the
// adapters share the page's one wasm instance, as in an app.
import axios from 'axios';
import ky from 'ky';
import { ofetch } from 'ofetch';
import wretch from 'wretch';
import { QueryClient } from '@tanstack/query-core';
import * as triage from '/pkg/index.js';
import { interceptors } from '/pkg/adapters/axios.js';
import { createOptions as kyOptions } from '/pkg/adapters/ky.js';
import { createOptions as ofetchOptions } from '/pkg/adapters/ofetch.js';
import { createRetry } from '/pkg/adapters/tanstack-query.js';
import { clientErrorCases, runClientErrorCases } from './client-errors.mjs';

/** Every error shape the browser libraries throw, classified in this page. */
window.shapes = (urls) => runClientErrorCases(triage, clientErrorCases({ axios, ky, ofetch, wretch }, urls));

/**
 * One 503-then-200 call through each adapter, with a policy made by this page's import: its
 * decide() calls are logged, so a log entry proves the adapter used the page's instance.
 */
window.adapters = async ({ scenarioUrl }) => {
  const clients = {
    axios: (policy) => { const a = axios.create(); interceptors(a, { policy }); return (url) => a.get(url); },
    ky: (policy) => { const k = ky.create(kyOptions({ policy })); return (url) => k(url).json(); },
    ofetch: (policy) => { const o = ofetch.create(ofetchOptions({ policy })); return (url) => o(url); },
    'tanstack-query': (policy) => {
      const client = new QueryClient({ defaultOptions: { queries: createRetry({ policy }) } });
      const once = triage.createFetch({ retry: false });
      return (url) => client.fetchQuery({ queryKey: [url], queryFn: () => once(url).then((r) => r.json()) });
    },
  };
  const out = {};
  for (const [name, make] of Object.entries(clients)) {
    const policy = new triage.RetryPolicy({ baseDelayMs: 20, seed: 1 });
    const log = [];
    const decide = policy.decide.bind(policy);
    policy.decide = (context) => { const d = decide(context); log.push(d.reason); return d; };
    const body = await make(policy)(scenarioUrl('unavailable-once', `page-${name}`));
    out[name] = { ok: body?.ok === true || body?.data?.ok === true, reasons: log };
  }
  return out;
};
document.getElementById('out').textContent = 'ready';
