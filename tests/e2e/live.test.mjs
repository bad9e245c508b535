// End-to-end for live sessions and embedding: the release build's module imported by a
// merchant-like test page (served by the mock beside dist/), against the mock API.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, settled, text, viewIn } from './harness.mjs';

const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
const SECRET = 'cred_LIVE_5ecr3t';
let env;

const MERCHANT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>merchant</title>
<link rel="stylesheet" href="/merchant.css"></head><body><h1>Shop</h1><div id="a"></div><div id="b"></div>
<script type="module">
import init, { mount } from '/session-view.js';
await init();
window.events = [];
for (const n of ['ready', 'change', 'completed', 'expired', 'error'])
  document.addEventListener('sv-' + n, e => { if (e instanceof CustomEvent) window.events.push({ name: n, target: e.target.id || e.target.localName, detail: e.detail }); });
window.sv = { mount };
window.svLoaded = true;
</script></body></html>`;

before(async () => { env = await start(); env.mock.page('/shop.html', MERCHANT_PAGE); });
after(async () => { await env.stop(); });
beforeEach(() => env.mock.reset());

async function shop(opts) {
  const o = await openPage(env.browser, env.origin, opts);
  await o.page.goto(`${env.origin}/shop.html`);
  await o.page.waitForFunction(() => window.svLoaded === true);
  return o;
}
const events = (page, name) => page.evaluate(n => window.events.filter(e => !n || e.name === n), name);
const waitEvent = (page, name, target) => page.waitForFunction(([n, t]) => window.events.some(e => e.name === n && (!t || e.target === t)), [name, target], { timeout: 15000 });

test('mount() loads from the API into a frame of the view\'s origin in a shadow root and says ready, without the credential', async () => {
  env.mock.setSession('cs_liveMount1', demo('card'), { credential: SECRET });
  const { page, context, log } = await shop();
  await page.evaluate(([origin, secret]) => {
    window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_liveMount1', credential: secret, apiBase: origin, pollInterval: 0 });
  }, [env.origin, SECRET]);
  await waitEvent(page, 'ready');
  const [ready] = await events(page, 'ready');
  assert.deepEqual(ready.detail, { sessionId: 'cs_demoCard001', status: 'active', amount: '4999', currency: 'USD' });
  assert.equal(ready.target, 'a');
  const view = await viewIn(page, '#a');
  assert.equal(await view.evaluate(() => document.querySelector('[data-testid=amount-due]').textContent), '$49.99');
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=amount-due]')), null, 'nothing in the light DOM');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[data-testid=amount-due]')), null, 'nor in the shadow root: only the frame');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('iframe').title), 'Checkout', 'the frame has a name');
  assert.ok(!(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('iframe').src)).includes(SECRET), 'no credential in the frame URL');
  const api = env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_liveMount1');
  assert.equal(api[0].headers.authorization, `Bearer ${SECRET}`);
  const everything = JSON.stringify([await events(page), log.console, await page.content(), await page.evaluate(() => [localStorage, sessionStorage, document.cookie, location.href]), await view.evaluate(() => [localStorage, sessionStorage, document.cookie, location.href, document.documentElement.outerHTML])]);
  assert.ok(!everything.includes(SECRET), 'credential in no event, log, DOM, storage or URL');
  await context.close();
});

test('keyboard only across the frame: Tab goes in, through the saved card to Pay, and on out to the page', async () => {
  env.mock.setSession('cs_liveKeys1', demo('card'));
  const { page, context } = await shop();
  await page.evaluate(origin => {
    // Links: the hostile merchant stylesheet hides the page's buttons.
    const before = document.createElement('a'); before.id = 'before'; before.href = '#cart'; before.textContent = 'Back to cart';
    const after = document.createElement('a'); after.id = 'after'; after.href = '#help'; after.textContent = 'Help';
    document.getElementById('a').before(before);
    document.getElementById('a').after(after);
    window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_liveKeys1', apiBase: origin, pollInterval: 0 });
  }, env.origin);
  await waitEvent(page, 'ready');
  const view = await viewIn(page, '#a');
  // The message's link is there once the sanitiser module has formatted it (after `ready`).
  await view.locator('[data-testid=page-message] a').waitFor({ timeout: 10000 });
  await page.focus('#before');
  await page.keyboard.press('Tab');
  const stop = () => view.evaluate(() => {
    const el = document.activeElement;
    return document.hasFocus() && el ? (el.labels?.[0]?.textContent || el.textContent || el.getAttribute('aria-label') || el.tagName).replace(/\s+/g, ' ').trim() : null;
  });
  const seen = [await stop()];
  assert.equal(seen[0], 'returns policy', 'Tab moves into the frame, to its first stop in document order (the merchant message\'s link)');
  let stops = 0;
  while (stops < 30 && !(await view.evaluate(() => document.activeElement?.dataset.testid === 'confirm'))) { await page.keyboard.press('Tab'); seen.push(await stop()); stops++; }
  assert.ok(seen.some(s => /Visa •••• 4242/.test(s || '')), `the saved cards are on the way: ${seen.join(' | ')}`);
  assert.ok(stops < 30, 'Pay is reached by Tab');
  assert.ok(await view.evaluate(() => document.activeElement.matches(':focus-visible')), 'with a visible focus');
  while (stops < 40 && !(await page.evaluate(() => document.activeElement?.id === 'after'))) { await page.keyboard.press('Tab'); stops++; }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'after', 'and on out of the frame to the page');
  await page.keyboard.press('Shift+Tab');
  assert.ok(await view.evaluate(() => document.hasFocus()), 'Shift+Tab goes back in');
  await context.close();
});

test('the merchant stylesheet cannot reach the view, and appearance variables can', async () => {
  const { page, context } = await shop();
  const warnings = [];
  page.on('console', m => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => {
    window.sv.mount(document.getElementById('a'), { config: { amount: 100, currency: 'usd', layout: 'embedded' }, appearance: { '--sv-font': 'serif', radius: '2px', '--sv-evil': 'x', text: 'red; background: url(x)', bg: 'lavender', surface: 'notacolour' } });
  });
  await waitEvent(page, 'ready');
  const view = await viewIn(page, '#a');
  const style = await view.evaluate(() => {
    const due = document.querySelector('[data-testid=amount-due]');
    const cs = getComputedStyle(due);
    const main = getComputedStyle(document.querySelector('.sv-main'));
    return { color: cs.color, font: cs.fontFamily, spacing: cs.letterSpacing, transform: cs.textTransform, display: cs.display, radius: main.borderTopLeftRadius };
  });
  style.h1 = await page.evaluate(() => getComputedStyle(document.querySelector('h1')).color);
  assert.equal(style.h1, 'rgb(255, 0, 0)', 'the hostile stylesheet is active on the page');
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.equal(style.font, 'serif', 'appearance --sv-font applies');
  assert.equal(style.spacing, 'normal');
  assert.equal(style.transform, 'none');
  assert.equal(style.display, 'block');
  assert.equal(style.radius, '2px', 'appearance radius applies');
  const hostStyle = await page.evaluate(() => document.getElementById('a').getAttribute('style'));
  assert.ok(!hostStyle.includes('evil') && !hostStyle.includes('url('), `unsafe appearance ignored: ${hostStyle}`);
  const frameStyle = await view.evaluate(() => document.documentElement.getAttribute('style'));
  assert.ok(frameStyle.includes('--sv-radius: 2px') && !frameStyle.includes('evil') && !frameStyle.includes('url('), `the frame got the checked variables only: ${frameStyle}`);
  // A plain word passes the merchant side by its shape; the frame knows the colour names.
  assert.ok(frameStyle.includes('--sv-bg: lavender') && !frameStyle.includes('notacolour'), `a named colour applies, a made-up one does not: ${frameStyle}`);
  assert.ok(warnings.some(w => w.includes('appearance --sv-surface ignored')), `the frame says which: ${warnings.join(' | ')}`);
  const box = await page.evaluate(() => { const f = document.getElementById('a').shadowRoot.querySelector('iframe'); return { frame: f.getBoundingClientRect().height, body: 0 }; });
  const inner = await view.evaluate(() => document.body.getBoundingClientRect().height);
  assert.ok(Math.abs(box.frame - Math.ceil(inner)) <= 1, `the frame fits its view: ${box.frame} vs ${inner}`);
  await context.close();
});

test('update() and refresh() change the view in place and announce a new total', async () => {
  env.mock.setSession('cs_liveUpd1', demo('card'));
  const { page, context } = await shop();
  await page.evaluate(origin => { window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_liveUpd1', apiBase: origin, pollInterval: 0 }); }, env.origin);
  await waitEvent(page, 'ready');
  const view = await viewIn(page, '#a');
  await view.evaluate(() => { window.row = document.querySelector('.sv-item'); });
  await env.mock.patch('cs_liveUpd1', { amount: 5999 });
  await page.evaluate(() => window.h.refresh());
  await waitEvent(page, 'change');
  assert.equal(await view.evaluate(() => document.querySelector('[data-testid=amount-due]').textContent), '$59.99');
  assert.equal(await view.evaluate(() => document.querySelector('[data-testid=total-change] p').textContent), 'The total changed from $49.99 to $59.99.');
  assert.equal(await view.evaluate(() => document.querySelector('[data-testid=total-change]').getAttribute('aria-live')), 'polite');
  assert.ok(await view.evaluate(() => window.row === document.querySelector('.sv-item')), 'line item rows kept');
  const [change] = await events(page, 'change');
  assert.equal(change.detail.amount, '5999');
  await page.evaluate(() => window.h.update({ status: 'completed', amount: 5999, currency: 'usd' }));
  await waitEvent(page, 'completed');
  assert.match(await view.evaluate(() => document.body.textContent), /Payment complete/);
  const err = await page.evaluate(() => { try { window.h.update('nope'); return 'no error'; } catch (e) { return String(e.message); } });
  assert.match(err, /not .*object/);
  assert.match(await view.evaluate(() => document.body.textContent), /Payment complete/, 'a bad update keeps the current view');
  await context.close();
});

test('the view\'s events are named sv-…: a form\'s onchange and the window\'s error handlers hear none of them', async () => {
  env.mock.setSession('cs_liveNames1', demo('card'));
  env.mock.fail('cs_liveNames2', { status: 404 });
  const { page, context } = await openPage(env.browser, env.origin);
  env.mock.page('/names-shop.html', `<!doctype html><html><body><form id="order"><div id="a"></div></form><div id="b"></div><script type="module">
    import { mount } from '/session-view.js';
    window.heard = []; window.ours = [];
    document.getElementById('order').onchange = e => window.heard.push('form onchange ' + e.type);
    window.onerror = m => { window.heard.push('window.onerror ' + m); };
    for (const n of ['change', 'error']) window.addEventListener(n, e => window.heard.push('window ' + n));
    for (const n of ['sv-ready', 'sv-change', 'sv-error']) document.addEventListener(n, e => window.ours.push(n + (e.detail.code ? ':' + e.detail.code : '')));
    window.h = mount(document.getElementById('a'), { sessionId: 'cs_liveNames1', apiBase: location.origin, pollInterval: 0 });
    mount(document.getElementById('b'), { sessionId: 'cs_liveNames2', apiBase: location.origin, pollInterval: 0 });
  </script></body></html>`);
  await page.goto(`${env.origin}/names-shop.html`);
  await page.waitForFunction(() => window.ours.includes('sv-ready') && window.ours.includes('sv-error:not-found'));
  await page.evaluate(() => window.h.update({ status: 'active', amount: 5999, currency: 'usd' }));
  await page.waitForFunction(() => window.ours.includes('sv-change'));
  assert.deepEqual(await page.evaluate(() => window.heard), [], 'none of ours reached the form or the window\'s error handlers');
  await context.close();
});

test('a frame given an init of another protocol version shows nothing of it and answers error "incompatible"', async () => {
  const { page, context } = await openPage(env.browser, env.origin);
  env.mock.page('/proto-shop.html', '<!doctype html><html><body><iframe id="f" src="/frame.html"></iframe></body></html>');
  await page.goto(`${env.origin}/proto-shop.html`);
  const frame = page.frames().find(f => f.url() === `${env.origin}/frame.html`);
  await frame.waitForFunction(() => !!window[Symbol.for('session-view.frame-init')]);
  await page.evaluate(origin => {
    const channel = new MessageChannel();
    window.heard = [];
    channel.port1.onmessage = e => window.heard.push(JSON.parse(e.data));
    const init = JSON.stringify({ config: JSON.stringify({ status: 'active', amount: 1200, currency: 'usd', layout: 'embedded' }), pollMs: 0, timeoutMs: 15000, handleConfirm: false, appearance: [], protocol: 2 });
    document.getElementById('f').contentWindow.postMessage({ type: 'hosted-session-view:init', init }, origin, [channel.port2]);
  }, env.origin);
  await page.waitForFunction(() => window.heard.some(m => m.event));
  assert.deepEqual((await page.evaluate(() => window.heard)).filter(m => m.event).map(m => [m.event.name, m.event.detail.code]), [['error', 'incompatible']]);
  assert.equal(await frame.locator('[data-testid=amount-due]').count(), 0, 'nothing of a message it might misread');
  assert.equal(await frame.locator('[data-testid=problem]').count(), 1, 'a calm problem in its place');
  await context.close();
});

test('an amount change while a card form is half filled: nothing typed is lost, the change is announced', async () => {
  env.mock.setSession('cs_liveForm1', demo('card'));
  const { page, context } = await shop();
  await page.evaluate(origin => { window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_liveForm1', apiBase: origin, pollInterval: 1000 }); }, env.origin);
  await waitEvent(page, 'ready');
  const view = await viewIn(page, '#a');
  await view.getByLabel('Use a new card').check();
  await view.getByLabel('Card number').pressSequentially('42424242');
  await view.getByLabel('Name on card').fill('Jordan Lee');
  await view.getByLabel('Postal code').fill('9410');
  await view.getByLabel('Expiry (MM / YY)').click();
  await page.keyboard.type('12');
  await env.mock.patch('cs_liveForm1', { amount: 6500, line_items: [...demo('card').line_items, { description: 'Gift wrap', amount: 1501 }] });
  await view.waitForFunction(() => document.querySelector('[data-testid=amount-due]')?.textContent === '$65.00', null, { timeout: 5000 });
  assert.equal(await view.getByLabel('Card number').inputValue(), '4242 4242');
  assert.equal(await view.getByLabel('Name on card').inputValue(), 'Jordan Lee');
  assert.equal(await view.getByLabel('Postal code').inputValue(), '9410');
  assert.equal(await view.getByLabel('Expiry (MM / YY)').inputValue(), '12');
  assert.ok(await view.getByLabel('Use a new card').isChecked(), 'the choice is kept');
  assert.equal(await view.evaluate(() => document.activeElement?.getAttribute('autocomplete')), 'cc-exp', 'focus stays where the payer was typing');
  await page.keyboard.type('30');
  assert.equal(await view.getByLabel('Expiry (MM / YY)').inputValue(), '12 / 30');
  const notice = view.locator('[data-testid=total-change]');
  assert.equal(await notice.getAttribute('aria-live'), 'polite');
  assert.match(await notice.textContent(), /The total changed from \$49\.99 to \$65\.00\./);
  assert.equal(await view.locator('.sv-item').count(), 3);
  await context.close();
});

test('polling picks up a server-side change, and completed/expired switch the view at once', async () => {
  env.mock.setSession('cs_livePoll1', demo('card'));
  const { page, context } = await shop();
  await page.evaluate(origin => { window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_livePoll1', apiBase: origin, pollInterval: 1000 }); }, env.origin);
  await waitEvent(page, 'ready');
  const view = await viewIn(page, '#a');
  await env.mock.patch('cs_livePoll1', { amount: 7000, line_items: [{ description: 'Bigger order', amount: 7000 }] });
  await view.waitForFunction(() => document.querySelector('[data-testid=amount-due]')?.textContent === '$70.00', null, { timeout: 5000 });
  assert.match(await view.evaluate(() => document.querySelector('.sv-item').textContent), /Bigger order/);
  await env.mock.patch('cs_livePoll1', { status: 'expired' });
  await waitEvent(page, 'expired');
  assert.match(await view.evaluate(() => document.body.textContent), /This checkout has expired/);
  const polls = env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_livePoll1').length;
  await page.waitForTimeout(2500);
  assert.equal(env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_livePoll1').length, polls, 'no polling once expired');
  await context.close();
});

test('the countdown uses the server clock and turns the view to expired at zero', async () => {
  // The server's clock is 28 minutes ahead of the browser's: 30 minutes before expiry by
  // the browser is 2 minutes by the server, so the countdown must show.
  env.mock.setClockOffset(28 * 60_000);
  const expiresAt = new Date(Date.now() + 30 * 60_000).toISOString();
  env.mock.setSession('cs_liveSkew1', { ...demo('card'), expires_at: expiresAt });
  const { page, context } = await shop();
  await page.evaluate(origin => { window.sv.mount(document.getElementById('a'), { sessionId: 'cs_liveSkew1', apiBase: origin, pollInterval: 0 }); }, env.origin);
  await waitEvent(page, 'ready');
  const viewA = await viewIn(page, '#a');
  const shown = await viewA.evaluate(() => document.querySelector('[data-testid=countdown]')?.textContent);
  assert.match(shown || '', /Time left to pay: (2:0\d|1:5\d)/, 'about 2 minutes (the Date header has 1 s resolution)');
  // A session about to expire: the view expires by itself, without asking the server.
  env.mock.setClockOffset(0);
  const soon = { ...demo('card'), session_id: 'cs_liveSoon1', expires_at: new Date(Date.now() + 2500).toISOString() };
  await page.evaluate(c => { window.sv.mount(document.getElementById('b'), { config: c, pollInterval: 0 }); }, soon);
  const viewB = await viewIn(page, '#b');
  await viewB.waitForFunction(() => /Time left to pay: 0:0\d/.test(document.body.textContent));
  await waitEvent(page, 'expired', 'b');
  assert.match(await viewB.evaluate(() => document.body.textContent), /This checkout has expired/);
  assert.match(await viewA.evaluate(() => document.body.textContent), /Time left to pay/, 'the other instance is unaffected');
  await context.close();
});

test('two instances on one page work independently', async () => {
  env.mock.setSession('cs_liveTwoA', demo('card'));
  env.mock.setSession('cs_liveTwoB', demo('jpy'));
  const { page, context } = await shop();
  await page.evaluate(origin => {
    window.ha = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_liveTwoA', apiBase: origin, pollInterval: 0 });
    window.hb = window.sv.mount(document.getElementById('b'), { sessionId: 'cs_liveTwoB', apiBase: origin, pollInterval: 0 });
  }, env.origin);
  await waitEvent(page, 'ready', 'a');
  await waitEvent(page, 'ready', 'b');
  const views = { a: await viewIn(page, '#a'), b: await viewIn(page, '#b') };
  const due = id => views[id].evaluate(() => document.querySelector('[data-testid=amount-due]').textContent);
  assert.equal(await due('a'), '$49.99');
  assert.equal(await due('b'), '¥3,300');
  await page.evaluate(() => window.ha.update({ amount: 100, currency: 'usd' }));
  await views.a.waitForFunction(() => document.querySelector('[data-testid=amount-due]').textContent === '$1.00');
  assert.equal(await due('b'), '¥3,300');
  await page.evaluate(() => window.hb.unmount());
  assert.equal(await page.evaluate(() => document.getElementById('b').shadowRoot.childElementCount), 0);
  assert.equal(await due('a'), '$1.00');
  await context.close();
});

test('the custom element: attributes plus a write-only credential property', async () => {
  env.mock.setSession('cs_liveElem1', demo('ach'), { credential: SECRET });
  const { page, context } = await shop();
  await page.evaluate(([origin, secret]) => {
    const el = document.createElement('hosted-session-view');
    el.id = 'el';
    el.setAttribute('session-id', 'cs_liveElem1');
    el.setAttribute('api-base', origin);
    el.setAttribute('poll-interval', '0');
    el.credential = secret;
    document.body.append(el);
  }, [env.origin, SECRET]);
  await waitEvent(page, 'ready', 'el');
  assert.equal(await text(await viewIn(page, '#el'), '[data-testid=amount-due]'), '$1,250.00');
  assert.equal(await page.evaluate(() => document.getElementById('el').credential), undefined, 'not readable back');
  assert.ok(!(await page.evaluate(() => document.getElementById('el').outerHTML)).includes(SECRET));
  const gets = env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_liveElem1');
  assert.equal(gets.length, 1, 'one request: properties set before insertion land before the first mount');
  assert.equal(gets[0].headers.authorization, `Bearer ${SECRET}`);
  await page.evaluate(() => document.getElementById('el').remove());
  assert.equal(await page.evaluate(() => document.getElementById('el')), null);
  await context.close();
});

test('a view stays mounted when the page drops its handle; a second mount replaces the first', async () => {
  const { page, context } = await shop();
  const cdp = await context.newCDPSession(page);
  await page.evaluate(() => { window.sv.mount(document.getElementById('a'), { config: { amount: 100, currency: 'usd' }, pollInterval: 0 }); });
  await waitEvent(page, 'ready', 'a');
  for (let i = 0; i < 3; i++) { await cdp.send('HeapProfiler.collectGarbage'); await page.waitForTimeout(100); }
  assert.equal(await text(await viewIn(page, '#a'), '[data-testid=amount-due]'), '$1.00', 'still there after GC');
  await page.evaluate(() => { window.h2 = window.sv.mount(document.getElementById('a'), { config: { amount: 200, currency: 'usd' }, pollInterval: 0 }); });
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('.sv-host').length), 1, 'replaced, not stacked');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('iframe').length), 1, 'one frame');
  assert.equal(await text(await viewIn(page, '#a'), '[data-testid=amount-due]'), '$2.00');
  await context.close();
});

test('mount() refuses bad options with a clear error', async () => {
  const { page, context } = await shop();
  const errors = await page.evaluate(() => {
    const cyclic = { amount: 100 };
    cyclic.self = cyclic;
    return ['x', { sessionId: 'cs_bad/../x' }, { sessionId: 'cs_ok1', apiBase: 'javascript:alert(1)' }, {}, { config: 42 }, { config: {}, parentOrigin: '*' },
      { config: cyclic }, { config: { amount: 10n } }]
      .map(o => { try { window.sv.mount(document.getElementById('a'), o); return 'mounted'; } catch (e) { return e.message; } });
  });
  assert.deepEqual(errors.map(e => e.startsWith('session view:')), [true, true, true, true, true, true, true, true], errors.join(' | '));
  assert.equal(errors[6], 'session view: config is not a JSON-like object');
  assert.equal(errors[7], 'session view: config is not a JSON-like object');
  // Nothing broke: the next good config mounts and shows its total.
  await page.evaluate(() => window.sv.mount(document.getElementById('a'), { config: { status: 'active', scope: 'payment', amount: 1250, currency: 'USD' } }));
  assert.equal(await text(await viewIn(page, '#a'), '[data-testid=amount-due]'), '$12.50');
  await context.close();
});

test('retries transient failures with backoff, honouring Retry-After, then loads', async () => {
  env.mock.setSession('cs_liveRetry1', demo('card'));
  env.mock.fail('cs_liveRetry1', { status: 503 });
  env.mock.fail('cs_liveRetry1', { drop: true });
  env.mock.fail('cs_liveRetry1', { status: 429, headers: { 'Retry-After': '1' } });
  const { page, context } = await openPage(env.browser, env.origin);
  const t0 = Date.now();
  await page.goto(`${env.origin}/?session=cs_liveRetry1`);
  await page.waitForSelector('[data-testid=amount-due]', { timeout: 15000 });
  const gets = env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_liveRetry1');
  assert.equal(gets.length, 4, 'three failures, then success');
  assert.ok(Date.now() - t0 >= 1000, 'waited at least Retry-After');
  await context.close();
});

test('gives up after a bounded number of attempts, then "Try again" and coming back online both recover', async () => {
  env.mock.setSession('cs_liveOff1', demo('card'));
  for (let i = 0; i < 4; i++) env.mock.fail('cs_liveOff1', { status: 500 });
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_liveOff1`);
  await page.waitForSelector('[data-problem=unreachable]', { timeout: 15000 });
  assert.equal(env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_liveOff1').length, 4, 'bounded');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('[data-problem=unreachable]', { timeout: 15000 });
  await context.setOffline(false); // the browser fires `online`: the view retries by itself
  await page.waitForSelector('[data-testid=amount-due]', { timeout: 15000 });
  assert.equal(await text(page, '[data-testid=amount-due]'), '$49.99');
  await context.close();
});

test('a request that hangs is aborted by the timeout', async () => {
  env.mock.setSession('cs_liveSlow1', demo('card'));
  for (let i = 0; i < 4; i++) env.mock.fail('cs_liveSlow1', { delayMs: 3000 });
  const { page, context } = await shop();
  await page.evaluate(origin => { window.sv.mount(document.getElementById('a'), { sessionId: 'cs_liveSlow1', apiBase: origin, pollInterval: 0, timeoutMs: 300 }); }, env.origin);
  await waitEvent(page, 'error', 'a');
  const [err] = await events(page, 'error');
  assert.equal(err.detail.code, 'unreachable');
  assert.match(await text(await viewIn(page, '#a'), 'body'), /couldn't reach the payment service/);
  await context.close();
});

test('the hosted page refreshes when the tab becomes visible again', async () => {
  env.mock.setSession('cs_liveVis1', demo('card'));
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_liveVis1`);
  await settled(page);
  // The refresh is the view's (its chunk follows the first paint): it is here once Pay is.
  await page.getByRole('button', { name: /^Pay / }).waitFor();
  await env.mock.patch('cs_liveVis1', { status: 'completed' });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await page.waitForSelector('[data-testid=completed]', { timeout: 5000 });
  await context.close();
});

test('inside an iframe, the height goes to the named parent origin only', async () => {
  env.mock.page('/inner.html', `<!doctype html><html><body style="margin:0"><div id="v"></div><script type="module">
    import init, { mount } from '/session-view.js'; await init();
    mount(document.getElementById('v'), { config: ${JSON.stringify(demo('card'))}, parentOrigin: location.origin, pollInterval: 0 });
  </script></body></html>`);
  env.mock.page('/parent.html', `<!doctype html><html><body><iframe id="f" src="/inner.html" style="width:400px;height:100px"></iframe><script>
    window.heights = []; addEventListener('message', e => { if (e.origin === location.origin && e.data && e.data.type === 'hosted-session-view:height') window.heights.push(e.data.height); });
  </script></body></html>`);
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/parent.html`);
  await page.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 300, null, { timeout: 10000 });
  await context.close();
});

test('mount/unmount 1,000 times: memory stays bounded', async () => {
  const { page, context } = await shop();
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    for (let i = 0; i < 3; i++) { await page.evaluate(() => window.gc()); await cdp.send('HeapProfiler.collectGarbage'); await page.waitForTimeout(200); }
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    return { js: usedSize, nodes, listeners: jsEventListeners, kept: await page.evaluate(() => document.getElementById('a').shadowRoot.childElementCount) };
  };
  // The view itself runs in the frame, whose whole realm ends with the iframe: this measures
  // what the merchant's side keeps (the shadow root, the frame, its channel and listeners).
  const cycle = n => page.evaluate(async ([n, config]) => {
    const el = document.getElementById('a');
    for (let i = 0; i < n; i++) {
      const h = window.sv.mount(el, { config, pollInterval: 1000 });
      if (i % 2) h.update(config);
      h.unmount();
      h.free();
      await new Promise(r => setTimeout(r, 0)); // let the executor run between cycles
    }
    await new Promise(r => setTimeout(r, 50));
    return el.shadowRoot.childElementCount;
  }, [n, demo('ach')]);
  assert.equal(await cycle(200), 0, 'nothing left mounted');
  const first = await measure();
  assert.equal(await cycle(1000), 0);
  const after = await measure();
  const pct = (a, b) => ((b - a) / a) * 100;
  console.log(`# memory after 200 → 1,200 mount/unmount cycles: DOM nodes ${first.nodes} → ${after.nodes}, JS listeners ${first.listeners} → ${after.listeners}, JS heap ${(first.js / 1e6).toFixed(2)} → ${(after.js / 1e6).toFixed(2)} MB (${pct(first.js, after.js).toFixed(1)} %)`);
  assert.equal(after.kept, 0, 'nothing kept in the shadow root');
  assert.ok(after.listeners <= first.listeners + 5, `event listeners retained: ${first.listeners} → ${after.listeners}`);
  // Not asserted: in this headless Chromium the DOM node counter and the V8 heap keep
  // growing even for plain-JS DOM churn that retains nothing (checked with a control page:
  // 4 radios added and removed per cycle), so they cannot tell our leaks from the browser's.
  await context.close();
});

test('a panic anyway: the view is replaced by a calm message, its embedder hears error "crashed", the other view goes on', async () => {
  const { page, context, log } = await shop();
  const config = { status: 'active', amount: 1200, currency: 'usd', layout: 'embedded', line_items: [{ description: 'Tea', amount: 1200 }] };
  await page.evaluate(c => {
    window.ha = window.sv.mount(document.getElementById('a'), { config: c, pollInterval: 0 });
    window.hb = window.sv.mount(document.getElementById('b'), { config: c, pollInterval: 0 });
  }, config);
  const views = { a: await viewIn(page, '#a'), b: await viewIn(page, '#b') };
  // A dependency panics: here Leptos, when the browser refuses to create an element it needs
  // (in the frame, where the view runs: each embedded view is a wasm instance of its own).
  await views.a.evaluate(() => {
    const original = Document.prototype.createElement;
    Document.prototype.createElement = function (tag, ...rest) { if (tag === 'li') throw new Error('refused'); return original.call(this, tag, ...rest); };
    setTimeout(() => { Document.prototype.createElement = original; }, 1000);
  });
  await page.evaluate(c => window.ha.update({ ...c, line_items: [...c.line_items, { description: 'Cups', amount: 300 }], amount: 1500 }), config);
  const msg = views.a.locator('[data-testid=crashed]');
  await msg.waitFor();
  assert.match(await msg.textContent(), /Something went wrong on this page.*Nothing more will be sent/);
  assert.equal(await views.a.locator('[data-testid=amount-due]').count(), 0);
  await waitEvent(page, 'error', 'a');
  const crashed = (await events(page, 'error')).filter(e => e.detail.code === 'crashed').map(e => e.target);
  assert.deepEqual(crashed, ['a']);
  assert.equal(await text(views.b, '[data-testid=amount-due]'), '$12.00', 'the other view, its own instance, goes on');
  assert.ok(log.console.some(m => m.type === 'error' && /session view: internal error/.test(m.text)));
  assert.ok(!log.console.some(m => /refused/.test(m.text) && /session view/.test(m.text)), 'the panic payload is not logged');
  await context.close();
});
