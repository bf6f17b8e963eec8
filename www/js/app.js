// The demo page's entry: the package loads as users get it (/pkg/index.js carries its wasm and
// instantiates it on first use), then each section sets itself up. No bundler, no framework.
import { listStatuses, addDescriptions } from '/pkg/index.js';
// The long developer descriptions are an opt-in pack; the status explorer shows them in full.
import descriptions from '/pkg/descriptions.js';
import { initLanguages, LOCALES } from './languages.js';
import { initExplorer } from './explorer.js';
import { initPlayground } from './playground.js';
import { initSimulator } from './simulator.js';
import { byId } from './dom.js';

addDescriptions(descriptions);
byId('stat-codes').textContent = String(listStatuses().length);
byId('stat-locales').textContent = String(LOCALES.length);

await initLanguages();
initExplorer();
initPlayground();
await initSimulator();
document.documentElement.dataset.ready = 'true';
