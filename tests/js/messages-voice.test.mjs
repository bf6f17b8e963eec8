// The voice guide's checkable rules (locales/README.md) as failing checks, over every message of
// every built locale pack as userMessage writes it: no digits, "HTTP" or "API"; one register; no
// reload in the actions that must keep the user's work; no connection advice and no progressive
// tense for timeout; support only where the app has a support link; every wait sentence, filled
// in by the platform's Intl (or the pack's own phrases), free of the faults the guide names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPkg, pkgDir } from '../support/pkg.mjs';
import { KINDS } from '../support/kinds.mjs';
import { RULES, WAIT_FAULTS, KEEP_WORK, SUPPORT_KINDS } from '../support/voice-rules.mjs';

const api = await loadPkg();
const TAGS = readdirSync(join(pkgDir, 'locales')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
for (const tag of TAGS) {
  if (tag !== 'en') api.addMessages((await import(pathToFileURL(join(pkgDir, 'locales', `${tag}.js`)).href)).default);
}
/** Scripts without sentence-final punctuation. */
const NO_FINAL_STOP = new Set(['th']);
const SITUATIONS = [{}, { highlightedFields: true }, { signIn: false }, { supportLink: true }];
const WAITS = [0, 1_000, 2_000, 3_000, 11_000, 30_000, 60_000, 120_000, 300_000, 3_600_000, 7_200_000, 40 * 3_600_000, 3 * 86_400_000, 21 * 86_400_000];

/** Every message of `tag`: every kind and the statuses English has, in every situation. */
function messages(tag) {
  const out = [];
  for (const situation of SITUATIONS) {
    for (const kind of KINDS) out.push([`${kind} ${JSON.stringify(situation)}`, kind, situation, api.userMessage({ kind }, { locale: tag, ...situation })]);
    for (const status of [407, 511]) out.push([`${status} ${JSON.stringify(situation)}`, 'unauthorized', situation, api.userMessage(status, { locale: tag, ...situation })]);
  }
  return out;
}

test('every locale has voice rules, and every message comes from its own pack', () => {
  assert.equal(TAGS.length, 32);
  for (const tag of TAGS) {
    assert.ok(RULES[tag], `no voice rules for ${tag}`);
    for (const [label, , , m] of messages(tag)) assert.equal(m.locale, tag, `${tag} ${label}`);
  }
});

test('voice rules hold in every message of every locale', () => {
  const problems = [];
  for (const tag of TAGS) {
    const rules = RULES[tag];
    for (const [label, kind, situation, m] of messages(tag)) {
      const where = `${tag} ${label}`;
      for (const field of ['title', 'message', 'action']) {
        const text = m[field];
        if (/\p{Nd}/u.test(text)) problems.push(`${where} ${field} has a digit: ${text}`);
        if (/\bHTTP\b|\bAPI\b/.test(text)) problems.push(`${where} ${field} has jargon: ${text}`);
        if (rules.register.test(text)) problems.push(`${where} ${field} breaks the register (${text.match(rules.register)[0]}): ${text}`);
        if (field === 'title' && /[.。।]$/u.test(text)) problems.push(`${where} title ends with a stop: ${text}`);
        if (field !== 'title' && !NO_FINAL_STOP.has(tag) && !/[.。।]$/u.test(text)) problems.push(`${where} ${field} has no final stop: ${text}`);
      }
      if (KEEP_WORK.includes(kind) && rules.reload.test(m.action)) problems.push(`${where} action would lose the user's work: ${m.action}`);
      if (kind === 'timeout') {
        for (const field of ['title', 'message', 'action']) {
          if (rules.connection.test(m[field])) problems.push(`${where} ${field} gives connection advice: ${m[field]}`);
        }
        for (const field of ['title', 'message']) {
          if (rules.progressive.test(m[field])) problems.push(`${where} ${field} is in the progressive: ${m[field]}`);
        }
      }
      const mentionsSupport = rules.support.test(m.action);
      const shouldMention = situation.supportLink === true && SUPPORT_KINDS.includes(kind);
      if (mentionsSupport !== shouldMention) problems.push(`${where} action ${shouldMention ? 'lacks' : 'points to'} support: ${m.action}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('wait sentences read right with every unit and with "now", in every locale', () => {
  const problems = [];
  for (const tag of TAGS) {
    const rules = RULES[tag];
    const number = new Intl.NumberFormat(tag);
    for (const ms of WAITS) {
      for (const kind of ['rate_limited', 'service_unavailable', 'server_error']) {
        const { action, locale } = api.userMessage({ kind }, { locale: tag, retryAfterMs: ms });
        const where = `${tag} ${kind} ${ms} ms: ${action}`;
        if (locale !== tag) problems.push(`${where} (from ${locale})`);
        for (const fault of [...WAIT_FAULTS, ...(rules.wait ? [rules.wait] : [])]) {
          if (fault.test(action)) problems.push(`${where} matches ${fault}`);
        }
        if (ms === 30_000 && !action.includes(number.format(30))) problems.push(`${where} lacks ${number.format(30)}`);
        if (rules.register.test(action)) problems.push(`${where} breaks the register`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the checks catch what they are for', () => {
  // A check that cannot fail is no check: each rule rejects the fault it names.
  assert.ok(RULES.en.reload.test('Refresh the page and try again.'));
  assert.ok(RULES.en.connection.test('Check your connection and try again.'));
  assert.ok(RULES.en.progressive.test('This is taking too long.'));
  assert.ok(RULES.en.register.test('Please try again.'));
  assert.ok(RULES.fr.register.test('Veuillez réessayer.'));
  assert.ok(RULES.fr.progressive.test("L'opération prend trop de temps."));
  assert.ok(RULES.de.support.test('Wenden Sie sich an den Kundendienst.'));
  assert.ok(RULES.es.register.test('Vuelve a intentarlo.'));
  assert.ok(RULES.ja.wait.test('30 秒後にもう一度お試しください。'));
  assert.ok(RULES.ja.wait.test('今にもう一度お試しください。'));
  assert.ok(RULES.ja.progressive.test('時間がかかっています'));
  assert.ok(RULES.ar.wait.test('يُرجى المحاولة مرة أخرى خلال 30 ثانية.'));
  assert.ok(WAIT_FAULTS.some((f) => f.test('אפשר לנסות שוב בעוד שנייה (1).')));
  assert.ok(WAIT_FAULTS.some((f) => f.test('şimdi tekrar deneyin.')));
  assert.ok(RULES.he.register.test('נסה שוב.'));
  assert.ok(RULES.pl.register.test('Czy Pan chce kontynuować?'));
  assert.ok(!RULES.de.register.test('Versuchen Sie es erneut.'));
  assert.ok(!RULES.en.reload.test('Update the app to continue.'));
});
