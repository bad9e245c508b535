// The merchant side follows the core's protocol: every case the core wrote (test/cases.json,
// from crates/core/src/embedding.rs) gives the same message or verdict here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { initText, updateText, REFRESH_TEXT, SUBMIT_TEXT, optionsText, settleText, readFromFrame, themeVariable, acceptedTimeout, acceptedSettleTimeout, sessionIdOk, apiBase, wanted } from '../src/protocol.js';

const cases = JSON.parse(fs.readFileSync(new URL('./cases.json', import.meta.url), 'utf8'));

test('the init, update, refresh, submit, options and settle messages are byte for byte what the core writes and reads', () => {
  for (const text of cases.init) assert.equal(initText(JSON.parse(text)), text);
  assert.equal(updateText(JSON.parse(cases.update).update.config), cases.update);
  assert.equal(REFRESH_TEXT, cases.refresh);
  assert.equal(SUBMIT_TEXT, cases.submit);
  for (const text of cases.options) assert.equal(optionsText(JSON.parse(text).options), text);
  for (const text of cases.settle) { const { outcome, message } = JSON.parse(text).settle; assert.equal(settleText(outcome, message ?? undefined), text); }
});

test('a message from the frame is read exactly as the core reads it', () => {
  for (const [text, want] of cases.fromFrame) assert.deepEqual(readFromFrame(text), want, text);
});

test('every option verdict is the core\'s', () => {
  for (const [name, value, ok] of cases.theme) assert.equal(themeVariable(name, value), ok, `${name}: ${value}`);
  for (const [ms, want] of cases.timeout) assert.equal(acceptedTimeout(ms), want, String(ms));
  for (const [ms, want] of cases.settleTimeout) assert.equal(acceptedSettleTimeout(ms ?? NaN), want, String(ms));
  for (const [id, ok] of cases.sessionId) assert.equal(sessionIdOk(id), ok, id);
  for (const [base, want] of cases.apiBase) assert.equal(apiBase(base), want, base);
  for (const [asked, browser, lang] of cases.language) assert.equal(wanted(asked ?? undefined, browser), lang, `${asked} ${browser}`);
});
