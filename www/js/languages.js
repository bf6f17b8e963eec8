// Languages: which locale packs exist, picking one from navigator.languages, loading a pack on
// demand (dynamic import of /pkg/locales/<tag>.js, then addMessages) and telling the rest of
// the page when the language changes.
import { addMessages, userMessage } from '/pkg/index.js';
import { el, byId } from './dom.js';
import { renderMessage } from './message.js';

/**
 * The locale packs the package ships (pkg/locales/<tag>.js; English is also built in). Arabic,
 * Hebrew and Persian are written right to left: each message says so in its `dir`.
 */
export const LOCALES = [
  'en', 'ar', 'bn', 'cs', 'da', 'de', 'el', 'es', 'fa', 'fi', 'fr', 'he', 'hi', 'hu', 'id', 'it',
  'ja', 'ko', 'ms', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sv', 'th', 'tr', 'uk', 'vi', 'zh', 'zh-Hant',
];

/** Tags whose pack has another name: Norwegian and its two written forms use Bokmål. */
const ALIASES = { no: 'nb', nn: 'nb' };

const loaded = new Map([['en', Promise.resolve({ bytes: 0, builtIn: true })]]);
const listeners = new Set();
let current = 'en';
let detected = { from: [], tag: 'en' };

/** The tag of the language in use. */
export const currentLocale = () => current;

/** Calls `fn(tag)` after every language change. */
export function onLocaleChange(fn) {
  listeners.add(fn);
}

/** The language's own name for itself: 'Deutsch', 'العربية', '中文（繁體）'. */
export function autonym(tag) {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

/** The name of the language in English, for the page's own labels. */
function englishName(tag) {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The best pack for a list of BCP 47 tags, as the package's own negotiation would pick among
 * registered catalogs: exact tag, then Traditional Chinese by script or region, then the
 * language alone; 'en' when nothing matches.
 */
export function negotiate(tags) {
  for (const raw of tags) {
    let locale;
    try {
      locale = new Intl.Locale(raw);
    } catch {
      continue;
    }
    const exact = LOCALES.find((t) => t.toLowerCase() === raw.toLowerCase());
    if (exact) return exact;
    if (locale.language === 'zh') {
      let script = locale.script;
      try { script ??= locale.maximize().script; } catch { /* keep undefined */ }
      return script === 'Hant' ? 'zh-Hant' : 'zh';
    }
    if (LOCALES.includes(locale.language)) return locale.language;
    if (ALIASES[locale.language]) return ALIASES[locale.language];
  }
  return 'en';
}

/** Loads and registers a pack once; resolves to { bytes } (transfer size, when known). */
function load(tag) {
  if (!loaded.has(tag)) {
    const path = `/pkg/locales/${tag}.js`;
    const promise = import(path).then((mod) => {
      addMessages(mod.default);
      const entry = performance.getEntriesByName(new URL(path, location.href).href)[0];
      return { bytes: entry?.encodedBodySize ?? 0, path };
    });
    promise.catch(() => loaded.delete(tag));
    loaded.set(tag, promise);
  }
  return loaded.get(tag);
}

const SAMPLES = [
  { label: '404 Not Found', input: 404 },
  { label: '429 with Retry-After: 30', input: 429, options: { retryAfterMs: 30_000 } },
  { label: '503 Service Unavailable', input: 503 },
  { label: 'Offline', input: { kind: 'offline' } },
  { label: 'Timeout', input: { kind: 'timeout' } },
  { label: '401 Unauthorized', input: 401 },
];

/** Builds the language section and the header's select; picks the first language. */
export async function initLanguages() {
  const select = byId('locale-select');
  const picker = byId('locale-picker');
  const status = byId('locale-status');
  const samples = byId('locale-samples');

  for (const tag of LOCALES) {
    select.append(el('option', { text: `${autonym(tag)} · ${tag}`, attrs: { value: tag, lang: tag } }));
    const id = `locale-${tag}`;
    picker.append(el('label', { className: 'chip', attrs: { for: id } }, [
      el('input', { attrs: { type: 'radio', name: 'locale', id, value: tag } }),
      el('span', { className: 'chip-name', text: autonym(tag), attrs: { lang: tag } }),
      el('span', { className: 'chip-tag', text: tag }),
    ]));
  }

  async function setLocale(tag, how) {
    const info = await load(tag);
    current = tag;
    select.value = tag;
    const radio = picker.querySelector(`input[value="${tag}"]`);
    if (radio) radio.checked = true;
    document.documentElement.dataset.locale = tag;
    const source = info.builtIn ? 'built in, nothing to load'
      : `loaded ${info.path} on demand${info.bytes ? ` (${(info.bytes / 1024).toFixed(1)} kB)` : ''}`;
    status.replaceChildren(
      el('strong', { text: `${englishName(tag)} (${tag})` }),
      ` — ${how}; ${source}.`,
    );
    renderSamples();
    for (const fn of listeners) fn(tag);
  }

  function renderSamples() {
    samples.replaceChildren(...SAMPLES.map(({ label, input, options }) => {
      const message = userMessage(input, { ...options, locale: current });
      return el('figure', { className: 'sample' }, [
        el('figcaption', { text: label }),
        renderMessage(message, { variant: 'toast' }),
      ]);
    }));
  }

  const change = (tag) => setLocale(tag, 'chosen here').catch((error) => {
    status.textContent = `Could not load ${tag}: ${error.message}`;
  });
  select.addEventListener('change', () => change(select.value));
  picker.addEventListener('change', (event) => change(event.target.value));

  const languages = [...(navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'])];
  detected = { from: languages, tag: negotiate(languages) };
  await setLocale(detected.tag, `negotiated from navigator.languages [${detected.from.join(', ')}]`);
}
