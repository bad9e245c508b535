// End-to-end: the merchant steers the embedded view. Its own "Place order" button
// (`submit()`, `showPayButton: false`), the validity event, an appearance per colour scheme
// held to AA contrast, and `update({ appearance, locale })` in place.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, text, viewIn, fillCard as fill, axe } from './harness.mjs';

const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
const CARD = '4000056655665556';
const CVC = '737';
let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });
beforeEach(() => env.mock.reset());

/** A merchant page with its own "Place order" button, the view mounted with `options`. */
async function shop(id, options, { scheme } = {}) {
  env.mock.setSession(id, demo('card'));
  const o = await openPage(env.browser, env.origin);
  if (scheme) await o.page.emulateMedia({ colorScheme: scheme });
  o.warnings = [];
  o.page.on('console', m => { if (m.type() === 'warning') o.warnings.push(m.text()); });
  env.mock.page(`/${id}.html`, `<!doctype html><html lang="en"><head><title>shop</title></head><body><main><h1>Review your order</h1>
    <div id="a"></div><button id="place" type="button">Place order</button></main><script type="module">
    import { mount } from '/session-view.js';
    window.events = []; for (const n of ['ready', 'validity', 'completed', 'payment-failed', 'confirm']) document.addEventListener('sv-' + n, e => window.events.push({ n, d: e.detail }));
    window.early = mount(document.createElement('div'), { config: { amount: 1 } }).submit().catch(e => e.code);
    window.h = mount(document.getElementById('a'), { sessionId: '${id}', apiBase: location.origin, pollInterval: 0, ...${JSON.stringify(options)} });
    document.getElementById('place').addEventListener('click', () => { window.results = window.results || []; window.h.submit().then(r => window.results.push(r), e => window.results.push({ error: e.code })); });
  </script></body></html>`);
  await o.page.goto(`${env.origin}/${id}.html`);
  await o.page.waitForFunction(() => window.events.some(e => e.n === 'ready'));
  o.view = await viewIn(o.page, '#a');
  return o;
}
const results = (page, n) => page.waitForFunction(k => (window.results || []).length >= k && window.results, n, { timeout: 15000 }).then(h => h.jsonValue());
const validity = page => page.evaluate(() => window.events.filter(e => e.n === 'validity').map(e => ({ complete: e.d.complete, method: e.d.method?.type ?? null })));

test('submit() from the merchant\'s own button: blocked says what is missing and the payer sees it; then it pays once, however often it is pressed', async () => {
  const { page, context, view } = await shop('cs_ctlSubmit1', { showPayButton: false });
  assert.equal(await page.evaluate(() => window.early), 'not-ready', 'submit() before the view is ready is refused with a code');
  assert.equal(await view.isHidden('[data-testid=confirm]'), true, 'the view shows no Pay button of its own');
  await view.getByLabel('Use a new card').check();
  await page.click('#place');
  assert.deepEqual(await results(page, 1), [{ outcome: 'blocked', missing: 'method-details' }]);
  assert.equal(await text(view, '[data-testid=confirm-status]'), 'Check the highlighted details.');
  assert.match(await view.textContent('.sv-payment'), /Enter your card number\./, 'the payer is shown what to fix');
  assert.equal(env.mock.confirms.length, 0);
  await fill(view, { card: CARD, cvc: CVC });
  await page.waitForFunction(() => window.events.filter(e => e.n === 'validity').at(-1)?.d.complete === true);
  // Pressed twice in a row: one confirm, one outcome for both.
  await page.evaluate(() => { document.getElementById('place').click(); document.getElementById('place').click(); });
  const [, first, second] = await results(page, 3);
  assert.deepEqual([first, second], [{ outcome: 'completed' }, { outcome: 'completed' }]);
  await view.waitForSelector('[data-testid=completed]');
  assert.equal(env.mock.confirms.length, 1, 'one confirm, whatever the presses');
  const v = await validity(page);
  assert.deepEqual(v.at(-1), { complete: true, method: 'card' });
  assert.ok(v.some(e => e.complete === false && e.method === 'card'), `incomplete while the card was half typed: ${JSON.stringify(v)}`);
  assert.ok(!JSON.stringify(await page.evaluate(() => [window.events, window.results])).includes(CARD), 'no card data in events or results');
  await page.evaluate(() => window.h.unmount());
  assert.equal(await page.evaluate(() => window.h.submit().catch(e => e.code)), 'unmounted');
  await context.close();
});

test('submit() tells a decline, and a handed-off confirm settled as declined, as failed with its reason', async () => {
  env.mock.scriptConfirm('cs_ctlDecl1', [{ status: 402, body: { decline_message: 'Insufficient funds' } }]);
  const o = await shop('cs_ctlDecl1', {});
  await o.view.getByLabel('Use a new card').check();
  await fill(o.view, { card: CARD, cvc: CVC });
  await o.page.click('#place');
  assert.deepEqual(await results(o.page, 1), [{ outcome: 'failed', reason: 'declined', retryable: true, message: 'Insufficient funds' }]);
  await o.view.waitForSelector('[data-testid=confirm-problem]');
  await o.context.close();

  const h = await shop('cs_ctlHand1', { handleConfirm: true });
  await h.page.click('#place');
  await h.page.waitForFunction(() => window.events.some(e => e.n === 'confirm'));
  assert.equal(await h.page.evaluate(() => window.h.settle({ outcome: 'declined', message: 'Your bank said no.' })), true);
  assert.deepEqual(await results(h.page, 1), [{ outcome: 'failed', reason: 'declined', retryable: true, message: 'Your bank said no.' }]);
  await h.context.close();
});

test('a dark-mode payer on a merchant\'s light-only appearance reads every word (AA contrast), and the console names the pair that fell back', async () => {
  const light = { bg: '#ffffff', surface: '#fbfbfd', radius: '4px' };
  for (const scheme of ['dark', 'light']) {
    const { page, context, view, warnings } = await shop(`cs_ctlLook${scheme}1`, { appearance: light }, { scheme });
    await view.getByLabel('Use a new card').check();
    assert.deepEqual(await axe(view), [], `${scheme}: inside the frame`);
    const bg = await view.evaluate(() => getComputedStyle(document.querySelector('.sv-main')).backgroundColor);
    // Both schemes are checked at mount: the warnings name the dark one's pairs only.
    const contrast = warnings.filter(w => /contrast/.test(w));
    assert.ok(contrast.some(w => w.includes('--sv-text on --sv-surface (#eef0f3 on #fbfbfd)')), contrast.join(' | '));
    assert.ok(contrast.every(w => w.includes('dark scheme')), contrast.join(' | '));
    if (scheme === 'light') {
      assert.equal(bg, 'rgb(251, 251, 253)', 'the merchant\'s surface, in light mode');
    } else {
      assert.notEqual(bg, 'rgb(251, 251, 253)', 'not behind dark mode\'s light text');
      // Its own dark palette is taken as given.
      await page.evaluate(() => window.h.update({ appearance: { light: { bg: '#ffffff' }, dark: { surface: '#202024', text: '#f0f0f0' } } }));
      await view.waitForFunction(() => getComputedStyle(document.querySelector('.sv-main')).backgroundColor === 'rgb(32, 32, 36)');
    }
    await context.close();
  }
});

test('update({ appearance, locale }) changes the look and the language in place: what the payer typed stays', async () => {
  const { page, context, view, warnings } = await shop('cs_ctlLive1', { theme: 'night' });
  assert.ok(warnings.some(w => w.includes('unknown option `theme` ignored')), 'a misspelt option is named in the console');
  await view.getByLabel('Use a new card').check();
  await view.getByLabel('Card number').fill('4000 0566');
  await view.getByLabel('Name on card').fill('Jordan Lee');
  await page.evaluate(() => window.h.update({ locale: 'de', appearance: { radius: '2px' } }));
  await view.waitForFunction(() => document.documentElement.lang === 'de');
  await view.getByText('4.999 $', { exact: false }).or(view.getByText('49,99', { exact: false })).first().waitFor();
  assert.equal(await view.getByLabel('Kartennummer').inputValue(), '4000 0566', 'the card number typed is kept');
  assert.equal(await view.getByLabel('Name auf der Karte').inputValue(), 'Jordan Lee');
  assert.equal(await view.getByLabel('Neue Karte verwenden').isChecked(), true);
  assert.equal(await view.evaluate(() => getComputedStyle(document.querySelector('.sv-main')).borderBottomLeftRadius), '2px');
  assert.deepEqual(await page.evaluate(() => window.events.filter(e => e.n === 'ready').length), 1, 'no remount');
  await context.close();
});

test('the custom element: hide-pay-button, submit(), and appearance and locale changed in place', async () => {
  env.mock.setSession('cs_ctlTag1', demo('card'));
  const { page, context } = await openPage(env.browser, env.origin);
  env.mock.page('/ctl-tag.html', `<!doctype html><html><body><hosted-session-view id="t" session-id="cs_ctlTag1" poll-interval="0" hide-pay-button></hosted-session-view>
    <script type="module">
    import '/session-view.js';
    const t = document.getElementById('t');
    t.setAttribute('api-base', location.origin);
    window.readyCount = 0; t.addEventListener('sv-ready', () => { window.readyCount++; });
  </script></body></html>`);
  await page.goto(`${env.origin}/ctl-tag.html`);
  await page.waitForFunction(() => window.readyCount === 1);
  const view = await viewIn(page, '#t');
  assert.equal(await view.isHidden('[data-testid=confirm]'), true);
  await view.getByLabel('Use a new card').check();
  await view.getByLabel('Card number').fill('4000');
  assert.deepEqual(await page.evaluate(() => document.getElementById('t').submit()), { outcome: 'blocked', missing: 'method-details' });
  await page.evaluate(() => { const t = document.getElementById('t'); t.appearance = { radius: '3px' }; t.setAttribute('locale', 'fr'); });
  await view.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.equal(await view.getByLabel('Numéro de carte').inputValue(), '4000', 'kept across the change of language');
  await view.waitForFunction(() => getComputedStyle(document.querySelector('.sv-main')).borderBottomLeftRadius === '3px');
  assert.equal(await page.evaluate(() => window.readyCount), 1, 'no remount');
  await context.close();
});

test('the gallery\'s theming playground: presets and fields restyle the view, and what fell back is said on the page', async () => {
  const { page, context } = await openPage(env.browser, env.origin);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${env.origin}/?demo=card`);
  await page.waitForSelector('[data-testid=confirm]');
  const surface = () => page.evaluate(() => getComputedStyle(document.querySelector('.sv-main')).backgroundColor);
  const own = await surface();
  await page.getByText('Theming playground').click();
  await page.getByRole('button', { name: 'Light only (dark mode falls back)' }).click();
  await page.waitForFunction(() => document.querySelector('.demo-said').textContent.includes('--sv-text on --sv-surface'));
  assert.match(await page.textContent('.demo-said'), /dark scheme, below 4\.5:1/);
  assert.equal(await surface(), own, 'dark mode keeps its own surface behind its light text');
  await page.getByRole('button', { name: 'Warm paper' }).click();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.sv-main')).backgroundColor === 'rgb(38, 32, 26)');
  assert.equal(await page.textContent('.demo-said'), '', 'its own dark palette passes');
  await page.getByLabel('--sv-radius').fill('9px');
  await page.getByLabel('--sv-radius').press('Enter');
  await page.getByLabel('--sv-radius').blur();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.sv-main')).borderBottomLeftRadius === '9px');
  await context.close();
});
