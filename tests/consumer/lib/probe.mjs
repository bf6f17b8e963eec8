// The check every consumer runs in its own runtime, written once here and pasted as source text
// into each throwaway project (so it must stay plain JavaScript with no imports and no syntax a
// default toolchain would refuse). It takes the four names the app imported from 'http-triage'.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';

/* eslint-disable no-undef */
async function probe(lib, base) {
  const out = { reason: null, ok: null, missing: null };
  out.reason = lib.classify(503).reason;
  const http = lib.createFetch();
  const ok = await http(base + '/ok');
  out.ok = ok.status;
  try {
    await http(base + '/missing');
    out.missing = 'resolved without throwing';
  } catch (error) {
    out.missing = {
      name: error && error.name,
      kind: error && error.kind,
      status: error && error.status,
      isHttpError: lib.isHttpError(error),
      instanceOfHttpError: error instanceof lib.HttpError,
    };
    if (!out.missing.isHttpError) out.missing.message = String(error && error.stack || error);
  }
  return out;
}
/* eslint-enable no-undef */

/** What every runtime must report. */
export const EXPECTED = {
  reason: 'Service Unavailable',
  ok: 200,
  missing: { name: 'HttpError', kind: 'not_found', status: 404, isHttpError: true, instanceOfHttpError: true },
};

/** The probe as source text: a function declaration named `probe`. */
export const PROBE_SOURCE = probe.toString();

/** The names each app imports (ESM) or destructures (CommonJS) from 'http-triage'. */
export const NAMES = 'classify, createFetch, isHttpError, HttpError';
export const ESM_IMPORT = `import { ${NAMES} } from 'http-triage';`;
export const CJS_REQUIRE = `const { ${NAMES} } = require('http-triage');`;
export const LIB = `{ ${NAMES} }`;

/**
 * The subpath entries beside the main one: a locale pack and the four adapters, which must share
 * the main entry's wasm instance (a policy made there reaches them). ESM imports, the CommonJS
 * requires of the same, and the check (a function `subpaths()` returning what EXPECTED_SUBPATHS
 * says).
 */
export const SUBPATHS_ESM = `import { RetryPolicy, addMessages, userMessage } from 'http-triage';
import fr from 'http-triage/locales/fr.js';
import { createRetry } from 'http-triage/tanstack-query';
import { interceptors } from 'http-triage/axios';
import { createOptions as kyOptions } from 'http-triage/ky';
import { createOptions as ofetchOptions } from 'http-triage/ofetch';`;
export const SUBPATHS_CJS = `const { RetryPolicy, addMessages, userMessage } = require('http-triage');
const fr = require('http-triage/locales/fr.js');
const { createRetry } = require('http-triage/tanstack-query');
const { interceptors } = require('http-triage/axios');
const { createOptions: kyOptions } = require('http-triage/ky');
const { createOptions: ofetchOptions } = require('http-triage/ofetch');`;
export const SUBPATHS_CHECK = `function subpaths() {
  const policy = new RetryPolicy({ limit: 4 });
  const tag = addMessages(fr);
  return {
    tag,
    frenchTitle: userMessage(503, { locale: 'fr' }).title !== userMessage(503, { locale: 'en' }).title,
    adapters: [kyOptions({ policy }).retry.limit, ofetchOptions({ policy }).retry,
      createRetry({ policy }).retry(0, { name: 'HTTPError', status: 503, response: {} }), typeof interceptors],
  };
}`;
export const EXPECTED_SUBPATHS = { tag: 'fr', frenchTitle: true, adapters: [4, 4, true, 'function'] };

/** Source that runs the probe and hands `{...result}` or `{ error }` to `report` (an expression). */
export function runProbe(baseExpr, report) {
  return `probe(${LIB}, ${baseExpr}).then(
  (result) => ${report}(result),
  (error) => ${report}({ error: String((error && error.stack) || error) }),
);`;
}

/** Browser pages show the result in `<pre id="result">` and mark it done. */
export const SHOW_IN_PAGE = `function show(result) {
  const el = document.getElementById('result');
  el.textContent = JSON.stringify(result);
  el.dataset.state = 'done';
}`;
export const TARGET_FROM_QUERY = "new URLSearchParams(location.search).get('target')";
export const PAGE_BODY = '<pre id="result" data-state="loading">loading</pre>';

/** A minimal HTML page that loads `scripts` (raw tags). */
export function html(scripts) {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>consumer</title><link rel="icon" href="data:,"></head>\n<body>${PAGE_BODY}\n${scripts}\n</body></html>\n`;
}

/** The most telling of a page's logged errors: an uncaught one, then a worker's, then any. */
export function bestError(errors) {
  return errors.find((e) => e.startsWith('uncaught')) ?? errors.find((e) => /worker/i.test(e)) ?? errors[0];
}

/**
 * Asserts a runtime's report equals EXPECTED; the message shows what it reported instead, and the
 * errors the runtime logged (`errors`, from a browser) if any. The error's `summary` (the matrix's
 * one-line note) is the report and the first logged error.
 */
export function assertProbe(result, where, errors = []) {
  if (isDeepStrictEqual(result, EXPECTED)) return;
  const threw = result && typeof result === 'object' && 'error' in result;
  const said = threw ? `the probe threw: ${result.error}` : `the probe reported ${JSON.stringify(result)}`;
  const error = new assert.AssertionError({
    message: `${where}: ${said}${errors.length ? `\nlogged:\n${errors.join('\n')}` : ''}`,
    actual: result,
    expected: EXPECTED,
    operator: 'deepStrictEqual',
  });
  error.summary = `${where}: ${errors.length ? `${bestError(errors)} | ` : ''}${said.split('\n')[0]}`;
  throw error;
}

/** Node-like runtimes print one line `PROBE {json}`; returns the parsed report or throws. */
export function parseProbeLine(lines, where) {
  const line = lines.findLast((l) => l.startsWith('PROBE '));
  if (!line) throw new Error(`${where}: no PROBE line in the output:\n${lines.slice(-30).join('\n')}`);
  return JSON.parse(line.slice('PROBE '.length));
}
