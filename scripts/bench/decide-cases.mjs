// The decide() contexts, shared by Node (decide.mjs) and the browser page. A fixed `now` keeps
// HTTP-date arithmetic identical in every run and engine.

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** name -> context for policy.decide(). `HeadersCtor` is the runtime's Headers class. */
export function decideContexts(HeadersCtor) {
  const date = new Date(NOW).toUTCString();
  return {
    'no headers (GET, 503)': { attempt: 1, method: 'GET', status: 503, now: NOW },
    'plain-object headers (GET, 429, Retry-After: 2)': {
      attempt: 1, method: 'GET', status: 429, now: NOW,
      headers: { 'content-type': 'application/json', 'retry-after': '2', date },
    },
    'Headers object (GET, 503, Retry-After HTTP-date, 5 fields)': {
      attempt: 1, method: 'GET', status: 503, now: NOW,
      headers: new HeadersCtor({
        'content-type': 'application/problem+json',
        'retry-after': new Date(NOW + 5_000).toUTCString(),
        date,
        'cache-control': 'no-store',
        server: 'nginx',
      }),
    },
  };
}

/** The policy every decide() measurement uses: no budget (so every call takes the same path), no jitter. */
export const POLICY_OPTIONS = { jitter: 'none', seed: 1, budget: false };

/**
 * Times `policy.decide(ctx)` in batches, interleaving the contexts and a baseline (an empty
 * JS -> wasm call) round by round. Returns { name: [ms per call, one per batch] }.
 */
export function decideBatches(policy, contexts, baseline, { rounds, batch, now, warmup = 3 }) {
  const names = [...Object.keys(contexts), 'baseline'];
  const out = Object.fromEntries(names.map((k) => [k, []]));
  let sink = 0;
  for (let r = -warmup; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(r, 0)) % names.length];
      const t0 = now();
      if (name === 'baseline') {
        for (let k = 0; k < batch; k++) sink += baseline();
      } else {
        const ctx = contexts[name];
        for (let k = 0; k < batch; k++) sink += policy.decide(ctx).delayMs;
      }
      const dt = now() - t0;
      if (r >= 0) out[name].push(dt / batch);
    }
  }
  if (sink === 0.5) console.log('unreachable');
  return out;
}
