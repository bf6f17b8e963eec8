// The demo page's entry: the package loads as users get it (/pkg/index.js carries its wasm and
// instantiates it on first use), then each section sets itself up. No bundler, no framework.
import { listStatuses, addDescriptions } from '/pkg/index.js';
// The long developer descriptions are an opt-in pack; the status explorer shows them in full.
import descriptions from '/pkg/descriptions.js';
import { initLanguages, LOCALES } from './languages.js';
import { initHero } from './hero.js';
import { initCost } from './cost.js';
import { initCopy } from './copy.js';
import { initExplorer } from './explorer.js';
import { initPlayground } from './playground.js';
import { initSimulator } from './simulator.js';
import { initNav } from './nav.js';
import { byId } from './dom.js';

addDescriptions(descriptions);
byId('stat-codes').textContent = String(listStatuses().length);
byId('stat-locales').textContent = String(LOCALES.length);

initCopy();
initNav();
await initLanguages();
await initHero();
initExplorer();
initPlayground();
await Promise.all([initSimulator(), initCost()]);
document.documentElement.dataset.ready = 'true';
