// What the package costs a bundle, stated from the build's own measurement: scripts/package.mjs
// writes target/sizes.json (consumerBundle: esbuild --bundle --minify of createFetch, userMessage
// and classify; brotli bytes), and the demo server serves it as /sizes.json. No figure on this
// page is typed by hand; where the file is missing, the page says nothing about size.
import { el, byId } from './dom.js';

/** Bytes as scripts/sizes.mjs prints them: KB of 1024 bytes, one decimal. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export async function initCost() {
  let sizes;
  try {
    const response = await fetch('/sizes.json');
    if (!response.ok) return;
    sizes = await response.json();
  } catch {
    return;
  }
  const brotli = sizes?.consumerBundle?.brotli;
  if (!Number.isFinite(brotli)) return;
  byId('stat-size').textContent = kb(brotli);
  byId('stat-size-item').hidden = false;
  const cost = byId('cost');
  cost.dataset.bytes = String(brotli);
  cost.replaceChildren(
    'The cost: ', el('strong', { text: `${kb(brotli)} brotli` }),
    ' in a production bundle that uses createFetch, userMessage and classify (esbuild --minify, measured by the build), '
      + 'most of it the WebAssembly. How that compares with ky, ofetch and axios, and what else was measured: ',
    el('a', { text: 'BENCHMARKS.md', attrs: { href: '/BENCHMARKS.md', id: 'benchmarks-link' } }),
    '.',
  );
  cost.hidden = false;
}
