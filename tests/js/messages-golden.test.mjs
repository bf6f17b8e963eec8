// Golden files of every message of every locale, as userMessage writes them from the built packs
// (tests/golden/messages/<tag>.txt): every kind, every situation whose text differs, the statuses
// with their own entries, and the wait sentence for each unit. A change to any word is a diff to
// review. After an intended change: UPDATE_GOLDEN=1 node --test tests/js/messages-golden.test.mjs
// The wait sentences come from this Node's Intl (ICU) where a pack has no phrases of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPkg, pkgDir, root } from '../support/pkg.mjs';
import { KINDS } from '../support/kinds.mjs';

const api = await loadPkg();
const dir = join(root, 'tests/golden/messages');
const TAGS = readdirSync(join(pkgDir, 'locales')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
for (const tag of TAGS) {
  if (tag !== 'en') api.addMessages((await import(pathToFileURL(join(pkgDir, 'locales', `${tag}.js`)).href)).default);
}
const SITUATIONS = { highlightedFields: { highlightedFields: true }, noSignIn: { signIn: false }, supportLink: { supportLink: true } };
const WAITS = [['now', 0], ['1 s', 1_000], ['2 s', 2_000], ['5 s', 5_000], ['30 s', 30_000], ['1 min', 60_000], ['5 min', 300_000],
  ['1 h', 3_600_000], ['2 h', 7_200_000], ['2 days', 40 * 3_600_000], ['21 days', 21 * 86_400_000]];

const lines = (m) => [`  title    ${m.title}`, `  message  ${m.message}`, `  action   ${m.action}`];

/** The golden text of one locale. */
function golden(tag) {
  const out = [`# ${tag}: every message of the pack as userMessage writes it (regenerate: UPDATE_GOLDEN=1 node --test tests/js/messages-golden.test.mjs)`];
  const first = api.userMessage({ kind: 'not_found' }, { locale: tag });
  out.push(`locale ${first.locale}, dir ${first.dir}`, '');
  for (const kind of KINDS) {
    const base = api.userMessage({ kind }, { locale: tag });
    out.push(`kind ${kind}`, ...lines(base));
    for (const [name, options] of Object.entries(SITUATIONS)) {
      const m = api.userMessage({ kind }, { locale: tag, ...options });
      if (m.title !== base.title || m.message !== base.message || m.action !== base.action) out.push(`kind ${kind} [${name}]`, ...lines(m));
    }
  }
  for (const status of [407, 511]) out.push(`status ${status}`, ...lines(api.userMessage(status, { locale: tag })));
  out.push('', 'wait (rate_limited)');
  for (const [label, ms] of WAITS) out.push(`  ${label.padEnd(8)} ${api.userMessage(429, { locale: tag, retryAfterMs: ms }).action}`);
  return `${out.join('\n')}\n`;
}

test('every message of every locale matches its golden file', () => {
  assert.equal(TAGS.length, 32);
  const update = process.env.UPDATE_GOLDEN === '1';
  if (update) mkdirSync(dir, { recursive: true });
  const differ = [];
  for (const tag of TAGS) {
    const file = join(dir, `${tag}.txt`);
    const text = golden(tag);
    if (update) {
      writeFileSync(file, text);
    } else if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      differ.push(tag);
      if (existsSync(file)) {
        const want = readFileSync(file, 'utf8').split('\n');
        const got = text.split('\n');
        const i = got.findIndex((line, n) => line !== want[n]);
        assert.equal(got[i], want[i], `${tag}.txt line ${i + 1} differs (rerun with UPDATE_GOLDEN=1 after an intended change)`);
      }
    }
  }
  assert.deepEqual(differ, [], 'golden files missing or different');
  // No stale golden files of removed locales.
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort(), TAGS);
});
