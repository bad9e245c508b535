// End-to-end: choosing or entering a method and confirming, against the mock API's
// `POST …/confirm` (idempotent by key, scriptable: declines, dropped connections).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, text, viewIn, fillCard as fill } from './harness.mjs';

const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
const CARD = '4000056655665556';
const CVC = '737';
const SECRET = 'cred_PAY_s3cr3t';
const fillCard = page => fill(page, { card: CARD, cvc: CVC });
let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });
beforeEach(() => env.mock.reset());

async function hosted(id, config, ready = '[data-testid=confirm]') {
  env.mock.setSession(id, config, { credential: SECRET });
  const o = await openPage(env.browser, env.origin);
  await o.page.goto(`${env.origin}/?session=${id}#${SECRET}`);
  await o.page.waitForSelector(ready);
  return o;
}


test('paying with the default saved card: one POST with an idempotency key, then the completed view', async () => {
  const { page, context } = await hosted('cs_payDefault1', demo('card'));
  assert.equal(await text(page, '[data-testid=confirm]'), 'Pay $49.99');
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');
  // The Pay button is gone: focus lands on the new state's heading, not the top of the page.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Payment complete');
  assert.equal(env.mock.confirms.length, 1);
  const [c] = env.mock.confirms;
  assert.match(c.key, /^[0-9a-f-]{36}$/);
  assert.deepEqual(c.body, { payment_method: { type: 'saved', id: 'pm_visa1' }, challenge_response: null });
  assert.equal(c.authorization, `Bearer ${SECRET}`);
  await context.close();
});

test('a new card is validated, sent only to the API, and never appears anywhere else', async () => {
  const { page, context, log } = await hosted('cs_payNew1', demo('card'));
  await fillCard(page);
  assert.equal(await page.getByLabel('Card number').inputValue(), '4000 0566 5566 5556');
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');
  const [c] = env.mock.confirms;
  assert.deepEqual(c.body.payment_method.card, { number: CARD, exp_month: 12, exp_year: 2030, cvc: CVC, name: 'Jordan Lee' });
  assert.equal(c.body.payment_method.billing_details.postal_code, '94103');
  const elsewhere = JSON.stringify([log.console, log.requests, await page.evaluate(() => [localStorage, sessionStorage, document.cookie, location.href, document.body.innerHTML])]);
  for (const secret of [CARD, CVC + '"', SECRET]) assert.ok(!elsewhere.includes(secret), `${secret} leaked`);
  await context.close();
});

test('pressing Pay straight from a half-typed field shows every problem (the click is not lost to a layout shift)', async () => {
  const { page, context } = await hosted('cs_payShift1', demo('card'));
  await page.getByLabel('Use a new card').check();
  await page.getByLabel('Card number').pressSequentially('4242424242424241');
  await page.click('[data-testid=confirm]', { force: true }); // a real mouse press on an aria-disabled button
  // Every problem but the country's: en-US chose the United States.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=card-form] [aria-invalid=true]').length === 5);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete')), 'cc-number');
  assert.equal(await text(page, '[data-testid=confirm-status]'), 'Check the highlighted details.');
  assert.equal(env.mock.confirms.length, 0);
  await context.close();
});

test('keyboard only: choose a saved method with the arrow keys and pay', async () => {
  const { page, context } = await hosted('cs_payKeys1', demo('card'));
  await page.getByLabel(/Visa •••• 4242/).focus();
  await page.keyboard.press('ArrowDown'); // Mastercard
  assert.ok(await page.getByLabel(/Mastercard •••• 4444/).isChecked());
  await page.keyboard.press('ArrowDown'); // skips the expired Amex
  assert.ok(await page.getByLabel(/JCB •••• 0000/).isChecked(), 'the expired card cannot be chosen');
  await page.keyboard.press('ArrowUp');
  assert.ok(await page.getByLabel(/Mastercard •••• 4444/).isChecked());
  for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.dataset.testid === 'confirm')); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=completed]');
  assert.deepEqual(env.mock.confirms[0].body.payment_method, { type: 'saved', id: 'pm_mc1' });
  await context.close();
});

test('declined: one clear alert above the button, everything typed kept, the emptied code not flagged before the payer is back in it', async () => {
  env.mock.scriptConfirm('cs_payDecl1', [{ status: 402, body: { decline_message: 'Insufficient funds' } }]);
  const { page, context } = await hosted('cs_payDecl1', demo('card'));
  await fillCard(page);
  await page.click('[data-testid=confirm]');
  const alert = page.getByRole('alert').filter({ hasText: 'declined' });
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), 'Your payment was declined. Insufficient funds. Check the details or choose another method.', 'the server\'s words as a sentence of their own');
  assert.ok(await page.evaluate(() => { const a = document.querySelector('[data-testid=confirm-problem]'); const b = document.querySelector('[data-testid=confirm]'); return !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING); }), 'above the button');
  assert.equal(await text(page, '[data-testid=confirm-status]'), '', 'not in the status line under the button');
  assert.equal(await page.getByLabel('Card number').inputValue(), '4000 0566 5566 5556');
  assert.equal(await page.getByLabel('Name on card').inputValue(), 'Jordan Lee');
  const code = page.getByLabel('Security code');
  assert.equal(await code.inputValue(), '', 'only the code is cleared');
  assert.equal(await code.getAttribute('aria-invalid'), null, 'emptied by the view: not shown as a problem yet');
  await code.focus();
  await page.getByLabel('Name on card').focus();
  assert.equal(await code.getAttribute('aria-invalid'), 'true', 'left empty by the payer: now it is');
  assert.equal(await page.$('[data-testid=completed]'), null);
  await context.close();
});

test('an unknown outcome says what is true: no answer at all, or a service problem', async () => {
  for (const [step, said] of [[{ drop: true }, /^We couldn't reach the payment service, so we don't know yet whether your payment went through\. Nothing will be charged twice/],
    [{ status: 503 }, /^The payment service had a problem and couldn't tell us whether your payment went through\. Nothing will be charged twice/]]) {
    env.mock.scriptConfirm('cs_payWhy1', [step]);
    const { page, context } = await hosted('cs_payWhy1', demo('card'));
    await page.click('[data-testid=confirm]');
    const alert = page.getByRole('alert').filter({ hasText: 'charged twice' });
    await alert.waitFor();
    assert.match((await alert.textContent()).trim(), said);
    await context.close();
  }
});

/** Pays with the default Visa into an unknown outcome (`step`), then chooses the Mastercard
 *  and presses Pay: the requests the server gets from then on, once the completed view shows. */
async function switchAfterUnknown(id, step) {
  env.mock.scriptConfirm(id, [step]);
  const o = await hosted(id, demo('card'));
  await o.page.click('[data-testid=confirm]');
  await o.page.getByRole('alert').filter({ hasText: 'charged twice' }).waitFor();
  await o.page.getByLabel(/Mastercard/).check();
  const before = env.mock.requests.length;
  await o.page.click('[data-testid=confirm]');
  await o.page.waitForSelector('[data-testid=completed]');
  return { ...o, after: env.mock.requests.slice(before).map(r => `${r.method} ${r.path}`) };
}

test('after an unknown outcome, another method first reads the session: a charge that went through shows as completed, with no second confirm', async () => {
  // The answer to the first confirm is lost, but the charge went through.
  const { context, after } = await switchAfterUnknown('cs_paySwitch1', { drop: true, completes: true });
  assert.deepEqual(after, ['GET /v1/hosted-sessions/cs_paySwitch1'], 'the session read, and nothing else');
  // (The browser itself may resend a request whose connection was reset: same request, same key.)
  assert.deepEqual([...new Set(env.mock.confirms.map(c => c.key))].length, 1, 'no second confirm: nothing charged twice');
  await context.close();
});

test('after an unknown outcome, another method on a session still active goes out with a new key, after the read', async () => {
  const { context, after } = await switchAfterUnknown('cs_paySwitch2', { status: 503 });
  assert.deepEqual(after, ['GET /v1/hosted-sessions/cs_paySwitch2', 'POST /v1/hosted-sessions/cs_paySwitch2/confirm'], 'read first, then confirm');
  assert.equal(env.mock.confirms.length, 2);
  assert.notEqual(env.mock.confirms[1].key, env.mock.confirms[0].key, 'a different request, a new key');
  assert.deepEqual(env.mock.confirms[1].body.payment_method, { type: 'saved', id: 'pm_mc1' });
  await context.close();
});

test('embedded: the confirm event names the method, never card data', async () => {
  env.mock.setSession('cs_payEvt1', demo('card'));
  const { page, context } = await openPage(env.browser, env.origin);
  env.mock.page('/pay-shop.html', `<!doctype html><html><body><div id="a"></div><script type="module">
    import init, { mount } from '/session-view.js'; await init();
    window.events = []; for (const n of ['confirm', 'completed']) document.addEventListener('sv-' + n, e => window.events.push({ n, d: e.detail }));
    mount(document.getElementById('a'), { sessionId: 'cs_payEvt1', apiBase: location.origin, pollInterval: 0 });
  </script></body></html>`);
  await page.goto(`${env.origin}/pay-shop.html`);
  const view = await viewIn(page, '#a');
  await fillCard(view);
  await view.click('[data-testid=confirm]');
  await page.waitForFunction(() => window.events.some(e => e.n === 'completed'));
  const events = await page.evaluate(() => window.events);
  assert.deepEqual(events[0], { n: 'confirm', d: { sessionId: 'cs_demoCard001', status: 'active', amount: '4999', currency: 'USD', method: { type: 'card', savedMethodId: null } } });
  assert.ok(!JSON.stringify(events).includes(CARD) && !JSON.stringify(events).includes(CVC));
  await context.close();
});

test('embedded: a decline, a refusal and an unknown outcome each tell the merchant page payment-failed once, with no card data', async () => {
  env.mock.scriptConfirm('cs_payFail1', [{ status: 402, body: { decline_message: 'Insufficient funds' } }, { status: 400, body: { message: 'Card not supported' } }, { status: 503 }]);
  env.mock.setSession('cs_payFail1', demo('card'));
  const { page, context } = await openPage(env.browser, env.origin);
  env.mock.page('/fail-shop.html', `<!doctype html><html><body><div id="a"></div><script type="module">
    import { mount } from '/session-view.js';
    window.events = []; for (const n of ['payment-failed', 'completed']) document.addEventListener('sv-' + n, e => window.events.push({ n, d: e.detail }));
    mount(document.getElementById('a'), { sessionId: 'cs_payFail1', apiBase: location.origin, pollInterval: 0 });
  </script></body></html>`);
  await page.goto(`${env.origin}/fail-shop.html`);
  const view = await viewIn(page, '#a');
  await fillCard(view);
  for (let i = 1; i <= 3; i++) {
    await view.getByLabel('Security code').fill(CVC); // a decline clears it
    await view.click('[data-testid=confirm]');
    await page.waitForFunction(n => window.events.length === n, i, { timeout: 10000 });
  }
  const events = await page.evaluate(() => window.events);
  const base = { sessionId: 'cs_demoCard001', status: 'active', amount: '4999', currency: 'USD', retryable: true };
  assert.deepEqual(events, [
    { n: 'payment-failed', d: { ...base, reason: 'declined', message: 'Insufficient funds' } },
    { n: 'payment-failed', d: { ...base, reason: 'refused', message: 'Card not supported' } },
    { n: 'payment-failed', d: { ...base, reason: 'unknown' } },
  ]);
  assert.ok(!JSON.stringify(events).includes(CARD) && !JSON.stringify(events).includes(CVC));
  await context.close();
});

test('wallet scope: no total or confirm; make default, remove after a confirmation step, add a card', async () => {
  const { page, context } = await hosted('cs_payWallet1', demo('wallet'), '[data-testid=wallet]');
  assert.equal(await page.$('[data-testid=confirm]'), null);
  assert.equal(await page.$('[data-testid=amount-due]'), null);
  const row = name => page.locator('[data-testid=saved-method]', { hasText: name });
  // Every button says which method it acts on; the choice of a new method is a named group.
  assert.equal(await page.getByRole('button', { name: 'Remove', exact: true }).count(), 0, 'no bare "Remove"');
  assert.equal(await page.getByRole('button', { name: 'Remove Visa •••• 4242', exact: true }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Remove Checking •••• 6789', exact: true }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Make default Checking •••• 6789', exact: true }).count(), 1);
  const add = page.getByRole('group', { name: 'Add a payment method' });
  assert.deepEqual(await add.getByRole('radio').evaluateAll(rs => rs.map(r => r.labels[0].textContent.trim())), ['Card', 'Bank account']);
  await row('Checking •••• 6789').getByRole('button', { name: 'Make default' }).click();
  await page.waitForFunction(() => /Default payment method updated/.test(document.querySelector('[data-testid=wallet-status]').textContent));
  assert.match(await row('Checking •••• 6789').textContent(), /Default/);
  assert.doesNotMatch(await row('Visa •••• 4242').textContent(), /Default/);
  await row('Visa •••• 4242').getByRole('button', { name: 'Remove' }).click();
  assert.equal(env.mock.walletCalls.filter(c => c.method === 'DELETE').length, 0, 'nothing removed before confirming');
  await row('Visa •••• 4242').getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await row('Visa •••• 4242').count(), 1);
  await row('Visa •••• 4242').getByRole('button', { name: 'Remove' }).click();
  await row('Visa •••• 4242').getByRole('button', { name: 'Yes, remove' }).click();
  await page.waitForFunction(() => /removed/.test(document.querySelector('[data-testid=wallet-status]').textContent));
  assert.equal(await row('Visa •••• 4242').count(), 0);
  assert.deepEqual(env.mock.walletCalls.map(c => [c.method, c.methodId, c.isDefault]), [['POST', 'pm_ach1', true], ['DELETE', 'pm_visa1', false]]);
  await page.getByLabel('Card', { exact: true }).check();
  await page.click('[data-testid=wallet-save]');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete')), 'cc-number', 'first invalid field focused');
  await page.getByLabel('Card number').pressSequentially(CARD);
  await page.getByLabel('Expiry (MM / YY)').pressSequentially('1230');
  await page.getByLabel('Security code').fill(CVC);
  await page.getByLabel('Name on card').fill('Jordan Lee');
  await page.click('[data-testid=wallet-save]');
  await page.waitForSelector('text=Visa •••• 5556');
  assert.equal(env.mock.walletCalls.at(-1).body.payment_method.card.number, CARD);
  await context.close();
});

test('handleConfirm: the embedder confirms; the view sends nothing and offers saved methods only', async () => {
  env.mock.setSession('cs_payHand1', demo('card'));
  const { page, context } = await openPage(env.browser, env.origin);
  env.mock.page('/hand-shop.html', `<!doctype html><html><body><div id="a"></div><script type="module">
    import init, { mount } from '/session-view.js'; await init();
    window.events = []; document.addEventListener('sv-confirm', e => window.events.push(e.detail));
    window.h = mount(document.getElementById('a'), { sessionId: 'cs_payHand1', apiBase: location.origin, pollInterval: 0, handleConfirm: true });
  </script></body></html>`);
  await page.goto(`${env.origin}/hand-shop.html`);
  const view = await viewIn(page, '#a');
  assert.equal(await view.getByLabel('Use a new card').count(), 0);
  await view.click('[data-testid=confirm]');
  await page.waitForFunction(() => window.events.length === 1);
  assert.deepEqual((await page.evaluate(() => window.events))[0].method, { type: 'saved', savedMethodId: 'pm_visa1' });
  assert.equal(await text(view, '[data-testid=confirm-status]'), 'Confirming with the merchant…');
  await view.click('[data-testid=confirm]', { force: true }); // aria-disabled now: pressing it must do nothing
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.events.length), 1, 'no second confirm while the merchant confirms');
  assert.equal(env.mock.confirms.length, 0, 'the view sent nothing');
  await page.evaluate(() => window.h.update({ status: 'completed', amount: 4999, currency: 'usd' }));
  await view.waitForSelector('[data-testid=completed]');
  await context.close();
});

/** A merchant page that confirms by itself (handleConfirm), with its events and warnings recorded. */
async function handedOff(id, { settleTimeoutMs } = {}) {
  env.mock.setSession(id, demo('card'));
  const o = await openPage(env.browser, env.origin);
  o.warnings = [];
  o.page.on('console', m => { if (m.type() === 'warning') o.warnings.push(m.text()); });
  env.mock.page(`/${id}.html`, `<!doctype html><html><body><div id="a"></div><script type="module">
    import { mount } from '/session-view.js';
    window.events = []; for (const n of ['confirm', 'completed', 'payment-failed']) document.addEventListener('sv-' + n, e => window.events.push(n));
    window.h = mount(document.getElementById('a'), { sessionId: '${id}', apiBase: location.origin, pollInterval: 0, handleConfirm: true, settleTimeoutMs: ${settleTimeoutMs ?? 'undefined'} });
  </script></body></html>`);
  await o.page.goto(`${env.origin}/${id}.html`);
  o.view = await viewIn(o.page, '#a');
  await o.view.getByLabel('Mastercard •••• 4444').check(); // the payer's own choice, to be kept
  await o.view.click('[data-testid=confirm]');
  await o.page.waitForFunction(() => window.events.includes('confirm'));
  assert.equal(await text(o.view, '[data-testid=confirm-status]'), 'Confirming with the merchant…');
  return o;
}

test('handleConfirm: the merchant settles its own confirm as declined; the payer gets Pay back with their choice and the merchant\'s words', async () => {
  const { page, context, view, warnings } = await handedOff('cs_payHandDecl1');
  assert.equal(await page.evaluate(() => window.h.settle({ outcome: 'declined', message: '  Your bank said no.  ' })), true);
  await view.waitForSelector('[data-testid=confirm-problem]');
  assert.equal(await text(view, '[data-testid=confirm-problem]'), 'Your payment was declined. Your bank said no. Check the details or choose another method.');
  assert.equal(await view.getAttribute('[data-testid=confirm]', 'aria-disabled'), null, 'Pay is the payer\'s again');
  assert.equal(await view.getByLabel('Mastercard •••• 4444').isChecked(), true, 'their choice kept');
  // Nothing waits now: a second settle, or a wrong one, is a warning, not an exception.
  assert.deepEqual(await page.evaluate(() => [window.h.settle({ outcome: 'declined' }), window.h.settle({ outcome: 'paid' }), window.h.settle()]), [false, false, false]);
  assert.equal(warnings.filter(w => /settle\(\)/.test(w)).length, 3);
  // And the payer pays again, handing off a second confirm, which the merchant completes.
  await view.click('[data-testid=confirm]');
  await page.waitForFunction(() => window.events.filter(n => n === 'confirm').length === 2);
  await page.evaluate(() => window.h.update({ status: 'completed', amount: 4999, currency: 'usd' }));
  await view.waitForSelector('[data-testid=completed]');
  assert.equal(env.mock.confirms.length, 0, 'the view itself sent nothing');
  await context.close();
});

test('handleConfirm: settled as failed, the merchant\'s words alone; with neither a settle nor a completed config in its time (settleTimeoutMs), "we couldn\'t confirm"', async () => {
  const failed = await handedOff('cs_payHandFail1');
  await failed.page.evaluate(() => window.h.settle({ outcome: 'failed', message: 'We could not reserve your seats' }));
  await failed.view.waitForSelector('[data-testid=confirm-problem]');
  assert.equal(await text(failed.view, '[data-testid=confirm-problem]'), 'We could not reserve your seats.');
  await failed.context.close();

  const silent = await handedOff('cs_payHandWait1', { settleTimeoutMs: 3000 });
  await silent.page.waitForTimeout(2000);
  assert.equal(await text(silent.view, '[data-testid=confirm-status]'), 'Confirming with the merchant…', 'still waiting before its time');
  await silent.view.waitForSelector('[data-testid=confirm-problem]', { timeout: 5000 });
  assert.equal(await text(silent.view, '[data-testid=confirm-problem]'), 'We couldn\'t confirm your payment with the merchant. You can try again.');
  assert.equal(await silent.view.getAttribute('[data-testid=confirm]', 'aria-disabled'), null);
  assert.equal(await silent.view.getByLabel('Mastercard •••• 4444').isChecked(), true);
  assert.equal(await silent.page.evaluate(() => window.h.settle({ outcome: 'declined' })), false, 'too late: nothing waits');
  await silent.context.close();
});

test('after unmount nothing on the page keeps the card number or code: the frame that held them is gone', async () => {
  env.mock.setSession('cs_payUnm1', demo('card'));
  const { page, context } = await openPage(env.browser, env.origin);
  env.mock.page('/unm-shop.html', `<!doctype html><html><body><div id="a"></div><script type="module">
    import init, { mount } from '/session-view.js'; await init();
    window.h = mount(document.getElementById('a'), { sessionId: 'cs_payUnm1', apiBase: location.origin, pollInterval: 0 });
  </script></body></html>`);
  await page.goto(`${env.origin}/unm-shop.html`);
  const view = await viewIn(page, '#a');
  await fillCard(view);
  assert.equal(await view.getByLabel('Card number').inputValue(), '4000 0566 5566 5556', 'typed in the frame');
  await page.evaluate(() => window.h.unmount());
  assert.ok(view.isDetached(), 'the frame, with its document and realm, is gone');
  assert.deepEqual(page.frames().map(f => f.url()), [`${env.origin}/unm-shop.html`], 'no frame left');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.childElementCount), 0);
  const html = await page.evaluate(() => document.documentElement.outerHTML + document.getElementById('a').shadowRoot.innerHTML);
  assert.ok(!html.includes('5556'), 'no card data in the page');
  await context.close();
});

test('keyboard only, start to finish: Tab from the top of the page, a new card, a one-time code, Pay', async () => {
  const id = 'cs_payKeys2';
  env.mock.scriptChallenge(id, { code: '246810' });
  const { page, context } = await hosted(id, { ...demo('card'), saved_methods: [], challenge: { type: 'sms', delivery_hint: '--1234', code_sent: true } });
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a ? (a.getAttribute('autocomplete') || a.dataset.testid || a.getAttribute('type') || a.localName) : null;
  });
  // Tab until `want` has focus; every stop on the way must show a visible focus indicator.
  const tabTo = async want => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const visible = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return true;
        const s = getComputedStyle(a);
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      });
      assert.ok(visible, `focus is visible on ${await focused()}`);
      if ((await focused()) === want) return;
    }
    assert.fail(`Tab never reached ${want}`);
  };
  await tabTo('radio');
  await page.keyboard.press('Space'); // "Use a new card"
  await tabTo('cc-number');
  await page.keyboard.type(CARD);
  await page.keyboard.press('Tab'); await page.keyboard.type('1230'); // expiry
  await page.keyboard.press('Tab'); await page.keyboard.type(CVC);
  await page.keyboard.press('Tab'); await page.keyboard.type('Jordan Lee');
  await tabTo('country'); // the country comes before the postal code it decides
  await page.keyboard.type('United States');
  await page.keyboard.press('Tab'); await page.keyboard.type('94103');
  await tabTo('one-time-code');
  await page.keyboard.type('246810');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=Verified. You can now pay.');
  await tabTo('confirm');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=completed]');
  const [c] = env.mock.confirms;
  assert.equal(c.body.payment_method.card.number, CARD);
  assert.equal(c.body.payment_method.billing_details.country, 'US');
  assert.equal(c.body.challenge_response, `vc_${id}`);
  await context.close();
});
