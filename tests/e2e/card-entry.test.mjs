// End-to-end: card details the way payers type, paste and autofill them. Each row is entered
// into the release build's hosted page; the field must show the date it means and the confirm
// must carry exactly that date (the mock declines each one, so one page tries them all).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, text } from './harness.mjs';

const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
const SECRET = 'cred_CARD_s3cr3t';
let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });
beforeEach(() => env.mock.reset());

async function newCard(id, { declines = 0, locale = 'en-US' } = {}) {
  env.mock.scriptConfirm(id, Array.from({ length: declines }, () => ({ status: 402, body: { decline_message: 'Try another date' } })));
  env.mock.setSession(id, demo('card'), { credential: SECRET });
  const o = await openPage(env.browser, env.origin, { locale });
  await o.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await o.page.goto(`${env.origin}/?session=${id}#${SECRET}`);
  await o.page.getByLabel('Use a new card').check();
  return o;
}

/** Enters `value` into `field` as a payer would: typed key by key (over what was there,
 *  selected), pasted from the clipboard, or set at once as autofill and password managers do. */
async function enter(page, field, value, how) {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  if (how === 'typed') {
    await field.pressSequentially(value, { delay: 40 });
  } else if (how === 'pasted') {
    await page.keyboard.press('Backspace');
    await page.evaluate(v => navigator.clipboard.writeText(v), value);
    await page.keyboard.press('ControlOrMeta+V');
  } else {
    await field.evaluate((el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
}

async function fillTheRest(page, { number = '4242424242424242', cvc = '123' } = {}) {
  await page.getByLabel('Card number').fill(number);
  if (cvc) await page.getByLabel('Security code').fill(cvc);
  await page.getByLabel('Name on card').fill('Jordan Lee');
  await page.getByLabel('Country').selectOption('US');
  await page.getByLabel('Postal code').fill('94103');
}

/** Presses Pay and returns the card the API received. */
async function pay(page) {
  const before = env.mock.confirms.length;
  await page.click('[data-testid=confirm]', { force: true }); // a press even while Pay looks unavailable
  await page.waitForFunction(() => document.querySelector('[data-testid=confirm-problem], [data-testid=completed]'), null, { timeout: 10000 })
    .catch(async () => { throw new Error(`no confirm: the page said ${await text(page, '[data-testid=card-form]')}`); });
  assert.equal(env.mock.confirms.length, before + 1, 'one confirm');
  return env.mock.confirms.at(-1).body.payment_method.card;
}

/** What a shown `MM / YY` means, read the payer's way. */
const meaning = shown => {
  const m = /^(\d{2}) \/ (\d{2})$/.exec(shown);
  return m && [Number(m[1]), 2000 + Number(m[2])];
};

const FORMS = [
  ['12/2030', '12 / 30', [12, 2030]],
  ['12 / 2030', '12 / 30', [12, 2030]],
  ['122030', '12 / 30', [12, 2030]],
  ['1/28', '01 / 28', [1, 2028]],
  ['1 / 28', '01 / 28', [1, 2028]],
  ['9/27', '09 / 27', [9, 2027]],
  ['927', '09 / 27', [9, 2027]],
  ['5/28', '05 / 28', [5, 2028]],
  ['6/31', '06 / 31', [6, 2031]],
  ['12/30', '12 / 30', [12, 2030]],
];
const ODD = [['１２/３０', '12 / 30', [12, 2030]], ['Exp: 09/29', '09 / 29', [9, 2029]], ['2031-03', '03 / 31', [3, 2031]]];

for (const how of ['typed', 'pasted', 'autofilled']) {
  test(`every expiry form ${how}: the field shows the date it means, and the confirm carries that date`, async () => {
    const rows = how === 'typed' ? FORMS : [...FORMS, ...ODD];
    const { page, context } = await newCard(`cs_cardExp${how}`, { declines: rows.length });
    await fillTheRest(page);
    const expiry = page.getByLabel('Expiry (MM / YY)');
    const seen = [];
    for (const [input, shown, date] of rows) {
      await enter(page, expiry, input, how);
      const value = await expiry.inputValue();
      assert.equal(value, shown, `${input} ${how}: what the field shows`);
      await page.getByLabel('Security code').fill('123'); // a decline clears the code
      const card = await pay(page);
      seen.push([input, value, [card.exp_month, card.exp_year]]);
      assert.deepEqual(meaning(value), [card.exp_month, card.exp_year], `${input}: sent what is shown`);
    }
    assert.deepEqual(seen, rows.map(([input, shown, date]) => [input, shown, date]));
    await context.close();
  });
}

test('typing a month leaves the caret after what was typed, so the year goes after it', async () => {
  const { page, context } = await newCard('cs_cardCaret');
  const expiry = page.getByLabel('Expiry (MM / YY)');
  await expiry.click();
  await page.keyboard.type('9', { delay: 40 });
  assert.equal(await expiry.inputValue(), '09');
  assert.deepEqual(await expiry.evaluate(el => [el.selectionStart, el.selectionEnd]), [2, 2], 'after the 9, not between 0 and 9');
  await page.keyboard.type('27', { delay: 40 });
  assert.equal(await expiry.inputValue(), '09 / 27');
  // Backspace crosses the separator as typed; the field never reads as another date.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  assert.equal(await expiry.inputValue(), '09 /');
  await page.keyboard.type('/31', { delay: 40 });
  assert.equal(await expiry.inputValue(), '09 / 31');
  await context.close();
});

test('an impossible or past date gets a clear problem and no confirm', async () => {
  const { page, context } = await newCard('cs_cardExpBad');
  await fillTheRest(page);
  const expiry = page.getByLabel('Expiry (MM / YY)');
  const problem = async () => { await page.getByLabel('Name on card').focus(); return text(page, '[data-testid=card-form] .sv-field:has([autocomplete=cc-exp]) .sv-error'); };
  for (const [input, said] of [['13/30', 'Enter the expiry date as MM / YY.'], ['12/2020', 'This card has expired.'], ['12/60', 'Enter the expiry date as MM / YY.'], ['ab', 'Enter the expiry date.']]) {
    await enter(page, expiry, input, 'typed');
    assert.equal(await problem(), said, input);
  }
  await page.click('[data-testid=confirm]', { force: true });
  assert.equal(env.mock.confirms.length, 0);
  await context.close();
});

test('a code typed before the number, an 18-digit Visa, a Maestro without a code: each pays', async () => {
  const { page, context } = await newCard('cs_cardKinds', { declines: 2 });
  // American Express: the four-digit code typed first is kept and sent.
  await page.getByLabel('Security code').pressSequentially('1234', { delay: 30 });
  await fillTheRest(page, { number: '378282246310005', cvc: null });
  await page.getByLabel('Expiry (MM / YY)').pressSequentially('1230');
  assert.equal(await page.getByLabel('Security code').inputValue(), '1234');
  assert.equal((await pay(page)).cvc, '1234');
  // Visa issues 18 digits too.
  await page.getByLabel('Card number').fill('424242424242424242');
  await page.getByLabel('Security code').fill('123');
  assert.equal((await pay(page)).number, '424242424242424242');
  // Maestro cards may carry no security code: the label says so, and Pay goes with none.
  await page.getByLabel('Card number').fill('6759649826438453');
  await page.getByLabel('Security code (optional)').waitFor();
  const maestro = await pay(page);
  assert.deepEqual([maestro.number, maestro.cvc], ['6759649826438453', '']);
  await page.waitForSelector('[data-testid=completed]');
  await context.close();
});

test('the country comes before the postal code, which is judged and written as that country does', async () => {
  const { page, context } = await newCard('cs_cardPostal', { declines: 1 });
  const order = await page.$$eval('[data-testid=card-form] input, [data-testid=card-form] select', els => els.map(e => e.getAttribute('autocomplete')));
  assert.deepEqual(order.slice(-2), ['country', 'postal-code'], 'a payer chooses the country first');
  await fillTheRest(page);
  await page.getByLabel('Expiry (MM / YY)').pressSequentially('1230');
  // A US ZIP+4 typed without its hyphen.
  await page.getByLabel('Postal code').fill('941031234');
  await page.getByLabel('Name on card').focus();
  assert.equal(await page.getByLabel('Postal code').inputValue(), '94103-1234');
  assert.equal((await pay(page)) && env.mock.confirms.at(-1).body.payment_method.billing_details.postal_code, '94103-1234');
  // A UK postcode without its space.
  await page.getByLabel('Country').selectOption('GB');
  await page.getByLabel('Postal code').fill('sw1a1aa');
  await page.getByLabel('Name on card').focus();
  assert.equal(await page.getByLabel('Postal code').inputValue(), 'SW1A 1AA');
  assert.equal(await page.locator('[data-testid=card-form] [aria-invalid=true]').count(), 0, 'no problem shown');
  await page.getByLabel('Security code').fill('123');
  await pay(page);
  assert.deepEqual(env.mock.confirms.at(-1).body.payment_method.billing_details, { line1: null, line2: null, city: null, state: null, postal_code: 'SW1A 1AA', country: 'GB' });
  await context.close();
});
