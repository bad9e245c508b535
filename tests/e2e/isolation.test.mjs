// End-to-end proof of issue #18: card data never enters the merchant's page.
//
// A merchant page on another loopback origin (127.0.0.2) loads a skimmer before the view
// (tests/stand-ins/skimmer.js: it patches fetch, XHR, postMessage, MessagePort and the input
// `value` getter, listens in the capture phase reading composedPath()[0], walks open shadow
// roots and frames, observes mutations, listens to `message`). A payer pays with a new card,
// with a bank account and through an SMS code: each payment succeeds, the API receives what
// the payer typed, and the skimmer has seen none of it, nor the session credential. Also:
// messages from a window that is not the frame's parent are ignored on both sides, and the
// hosted page, or the frame page framed by an unlisted origin, is refused.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { start, openPage, settled, viewIn, fillCard, captchaScripts, captchaIn } from './harness.mjs';
import { merchantModule } from '../../tools/merchant.mjs';

const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
const SKIMMER = fs.readFileSync(new URL('../stand-ins/skimmer.js', import.meta.url), 'utf8');
const CARD = '4000056655665556';
const CVC = '913';
const ROUTING = '110000000';
const ACCOUNT = '000123456789';
const CODE = '482913';
const SECRET = 'cred_ISO_9f8e7d';

let env;
let merchant; // http://127.0.0.2:port, a merchant listed in frame.html's frame-ancestors
let evil; // http://127.0.0.3:port, listed nowhere
const servers = [];
const evilRequests = [];

/** A tiny static server for the merchant's pages, on its own loopback address. */
async function site(host, pages) {
  const server = http.createServer((req, res) => {
    if (host === '127.0.0.3') evilRequests.push(`${req.method} ${req.url}`);
    const body = pages[new URL(req.url, 'http://x').pathname];
    if (body === undefined) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'Content-Type': req.url.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, host, resolve); });
  servers.push(server);
  return `http://${host}:${server.address().port}`;
}

before(async () => {
  env = await start();
  const view = env.origin;
  const shop = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title>
<script src="/skimmer.js"></script></head><body><h1>Shop</h1><label>Coupon <input id="coupon"></label><div id="a"></div>
<script type="module">
import init, { mount } from '${view}/session-view.js';
await init();
fetch('/cart.json').catch(() => {}); // the shop's own request: the skimmer's control
window.events = [];
for (const n of ['ready', 'change', 'completed', 'expired', 'error', 'confirm'])
  document.addEventListener('sv-' + n, e => { if (e instanceof CustomEvent) window.events.push({ name: n, detail: e.detail }); });
window.sv = { mount };
window.svLoaded = true;
</script></body></html>`;
  // A mounted view, the frame page framed directly (in the document tree, so that a sibling
  // can reach it through parent.frames; a mounted view's frame, in a shadow root, is not even
  // listed there), and a frame of another origin that tries to speak for the parent.
  const siblings = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>
<div id="a"></div><iframe id="bare" src="${view}/frame.html"></iframe><iframe id="evil" src="EVIL/evil.html"></iframe>
<script type="module">
import init, { mount } from '${view}/session-view.js';
await init();
window.events = [];
for (const n of ['ready', 'change', 'completed', 'error']) document.getElementById('a').addEventListener('sv-' + n, e => window.events.push(n));
window.sv = { mount };
window.svLoaded = true;
</script></body></html>`;
  const refused = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>framer</title></head><body>
<iframe id="hosted" src="${view}/?session=cs_isoHosted1"></iframe><iframe id="frame" src="${view}/frame.html"></iframe></body></html>`;
  // Posts a fake init (a config of its own) to every frame of its parent, and fake frame
  // messages to the parent, as fast as it can.
  const evilPage = `<!doctype html><html><body><script>
window.got = [];
const fake = { type: 'hosted-session-view:init', init: JSON.stringify({ config: JSON.stringify({ status: 'active', amount: 66600, currency: 'usd' }), pollMs: 0, timeoutMs: 15000, handleConfirm: false, appearance: [] }) };
setInterval(() => {
  for (let i = 0; i < parent.frames.length; i++) {
    const c = new MessageChannel();
    c.port1.onmessage = e => window.got.push(e.data);
    try { parent.frames[i].postMessage(fake, '*', [c.port2]); } catch {}
  }
  parent.postMessage(JSON.stringify({ event: { name: 'completed', detail: {} } }), '*');
  parent.postMessage({ event: { name: 'completed', detail: {} } }, '*');
}, 5);
</script></body></html>`;
  evil = await site('127.0.0.3', { '/evil.html': evilPage, '/framer.html': refused, '/shop.html': shop, '/skimmer.js': SKIMMER });
  merchant = await site('127.0.0.2', { '/shop.html': shop, '/skimmer.js': SKIMMER, '/siblings.html': siblings.replace('EVIL', evil), '/framer.html': refused });
  env.mock.allowFraming(merchant); // the deployer lists this merchant in frame.html's frame-ancestors
});
after(async () => { for (const s of servers) await new Promise(r => { s.closeAllConnections?.(); s.close(r); }); await env.stop(); });
beforeEach(() => env.mock.reset());

async function shop() {
  const o = await openPage(env.browser, env.origin, { allow: [merchant, evil] });
  // In every frame: what the CSP had to stop.
  await o.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await o.page.goto(`${merchant}/shop.html`);
  await o.page.waitForFunction(() => window.svLoaded === true);
  return o;
}
/** Where the payer sees the view: its frame; or, in a build that renders it in the merchant's
 *  page itself (before #18), the host element, so this test shows what such a build leaks. */
async function payerView(page) {
  const iframe = await page.waitForSelector('#a iframe.sv-frame', { state: 'attached', timeout: 3000 }).catch(() => null);
  if (iframe) { const frame = await iframe.contentFrame(); await settled(frame); return frame; }
  await page.locator('#a [data-testid=amount-due]').waitFor();
  return page.locator('#a');
}
const waitEvent = (page, name) => page.waitForFunction(n => window.events.some(e => e.name === n), name, { timeout: 15000 });

/** Everything the skimmer noted, with the servers' own addresses taken out (a port number is not a secret). */
async function skimmed(page) {
  const seen = await page.evaluate(() => window.__skimmer.seen);
  const clean = seen.map(s => s.replaceAll(env.origin, 'VIEW').replaceAll(merchant, 'SHOP').replaceAll(evil, 'EVIL'));
  return { list: clean, text: clean.join('\n') };
}

test('a skimmer on the merchant page sees no card, account, code or credential while the payer pays three ways', async () => {
  const card = { ...demo('card'), layout: 'embedded', saved_methods: [] };
  env.mock.setSession('cs_isoCard1', card, { credential: SECRET });
  env.mock.setSession('cs_isoBank1', { ...demo('ach'), layout: 'embedded', saved_methods: [] }, { credential: SECRET });
  env.mock.setSession('cs_isoSms1', { ...demo('card'), layout: 'embedded', challenge: { type: 'sms', delivery_hint: '--1234', code_sent: true } }, { credential: SECRET });
  env.mock.scriptChallenge('cs_isoSms1', { code: CODE });
  const { page, context } = await shop();
  // Control: the skimmer works; it reads what is typed into the merchant's own field.
  await page.getByLabel('Coupon').pressSequentially('SAVE10');
  await page.waitForTimeout(100);
  const control = await page.evaluate(() => window.__skimmer.seen.length);
  const mount = id => page.evaluate(([id, origin, secret]) => { window.events = []; window.h = window.sv.mount(document.getElementById('a'), { sessionId: id, credential: secret, apiBase: origin, pollInterval: 0 }); }, [id, env.origin, SECRET]);

  // 1. A new card.
  await mount('cs_isoCard1');
  let view = await payerView(page);
  await fillCard(view, { card: CARD, cvc: CVC });
  await view.getByRole('button', { name: /^Pay / }).click();
  await waitEvent(page, 'completed');
  const paid = env.mock.confirms.find(c => c.id === 'cs_isoCard1');
  assert.equal(paid.body.payment_method.card.number, CARD, 'the API got the card');
  assert.equal(paid.body.payment_method.card.cvc, CVC);
  assert.equal(paid.authorization, `Bearer ${SECRET}`);

  // 2. A bank account.
  await mount('cs_isoBank1');
  await page.waitForTimeout(100);
  view = await payerView(page);
  await view.getByLabel('Use a new bank account').check();
  await view.getByLabel('Routing number').pressSequentially(ROUTING);
  await view.getByLabel('Account number').pressSequentially(ACCOUNT);
  await view.getByLabel('Account holder name').fill('Acme LLC');
  await view.getByRole('button', { name: /^Pay / }).click();
  await waitEvent(page, 'completed');
  const bank = env.mock.confirms.find(c => c.id === 'cs_isoBank1');
  assert.equal(bank.body.payment_method.us_bank_account.account_number, ACCOUNT, 'the API got the account');
  assert.equal(bank.body.payment_method.us_bank_account.routing_number, ROUTING);

  // 3. An SMS code, then the saved card.
  await mount('cs_isoSms1');
  await page.waitForTimeout(100);
  view = await payerView(page);
  await view.getByLabel('Verification code').pressSequentially(CODE);
  await view.locator('[data-testid=code-verify]').click();
  await view.getByText('Verified. You can now pay.').waitFor();
  await view.getByRole('button', { name: /^Pay / }).click();
  await waitEvent(page, 'completed');
  assert.equal(env.mock.challengeCalls.find(c => c.kind === 'verify').body.code, CODE, 'the API got the code');
  assert.equal(env.mock.confirms.find(c => c.id === 'cs_isoSms1').body.challenge_response, 'vc_cs_isoSms1');

  const { list, text } = await skimmed(page);
  // The skimmer was working all along: it saw the merchant's own field and request, the frame
  // go in, and the events the merchant may know.
  assert.ok(list.some(s => s.startsWith('input') && s.includes('SAVE10')), 'control: the skimmer reads typing on the page');
  assert.ok(list.some(s => s.startsWith('fetch') && s.includes('cart.json')), 'control: the skimmer sees the page\'s fetches');
  assert.ok(list.some(s => s.startsWith('walk shadow root of a')), 'control: the skimmer walks into the shadow root');
  assert.ok(list.some(s => s.startsWith('event completed')), 'control: the skimmer hears the events');
  for (const [what, secret] of [['card number', CARD], ['grouped card number', '4000 0566 5566 5556'], ['last digits of the card', '5566 5556'],
    ['security code', CVC], ['routing number', ROUTING], ['account number', ACCOUNT], ['one-time code', CODE], ['credential', SECRET]])
    assert.ok(!text.includes(secret), `the skimmer saw the ${what}:\n${list.filter(s => s.includes(secret)).join('\n')}`);
  const typed = list.slice(control).filter(s => /^(keydown|keyup|input|paste|change|value|walk input)/.test(s) && !s.includes('SAVE10'));
  assert.deepEqual(typed, [], 'no keystroke or field value of the payer reached the page');
  await context.close();
});

test('a window that is not the frame\'s parent cannot speak for either side', async () => {
  const { page, context } = await openPage(env.browser, env.origin, { allow: [merchant, evil] });
  await page.goto(`${merchant}/siblings.html`);
  await page.waitForFunction(() => window.svLoaded === true);
  const bare = page.frames().find(f => f.url() === `${env.origin}/frame.html`);
  await bare.waitForFunction(() => !!window[Symbol.for('session-view.frame-init')]); // boot.js listens
  await page.waitForTimeout(500); // the sibling posts a fake init to every frame every 5 ms
  assert.equal(await bare.locator('[data-testid=amount-due], [data-testid=problem]').count(), 0, 'no init taken from a sibling');
  const sibling = page.frames().find(f => f.url().startsWith(evil));
  assert.deepEqual(await sibling.evaluate(() => window.got), [], 'no frame answered the sibling\'s port');
  // The parent's init is taken: the parent speaks the protocol as mount() does.
  await page.evaluate(origin => {
    const channel = new MessageChannel();
    window.heard = [];
    channel.port1.onmessage = e => window.heard.push(JSON.parse(e.data));
    const init = JSON.stringify({ config: JSON.stringify({ status: 'active', amount: 1200, currency: 'usd', layout: 'embedded' }), pollMs: 0, timeoutMs: 15000, handleConfirm: false, appearance: [] });
    document.getElementById('bare').contentWindow.postMessage({ type: 'hosted-session-view:init', init }, origin, [channel.port2]);
  }, env.origin);
  await bare.locator('[data-testid=amount-due]').waitFor();
  assert.equal(await bare.locator('[data-testid=amount-due]').textContent(), '$12.00', 'the parent\'s config, never the sibling\'s');
  await page.waitForFunction(() => window.heard.some(m => m.event?.name === 'ready'));
  // The merchant side of a mounted view listens on its port only: fake frame messages posted
  // to the merchant's window (a fake "completed") are not events.
  await page.evaluate(() => { window.h = window.sv.mount(document.getElementById('a'), { config: { status: 'active', amount: 1200, currency: 'usd', layout: 'embedded' }, pollInterval: 0 }); });
  const view = await viewIn(page, '#a');
  await page.waitForTimeout(500);
  assert.equal(await view.locator('[data-testid=amount-due]').textContent(), '$12.00');
  assert.deepEqual(await page.evaluate(() => window.events), ['ready'], 'the merchant side heard only its frame');
  await context.close();
});

test('a captcha in the view on another site: the provider\'s frame is under the view\'s frame, reaches neither page, and its token opens Pay', async () => {
  const o = await shop();
  await captchaScripts(o.page);
  const config = { ...demo('card'), layout: 'embedded', challenge: { type: 'turnstile', site_key: '1x00000000000000000000AA' } };
  await o.page.evaluate(c => { window.h = window.sv.mount(document.getElementById('a'), { config: c, pollInterval: 0 }); }, config);
  const view = await viewIn(o.page, '#a');
  const captcha = await captchaIn(view);
  const reach = () => { const r = []; for (const w of [parent, top]) { try { r.push(w.document.title); } catch { r.push('unreachable'); } } return r; };
  assert.deepEqual(await captcha.evaluate(reach), ['unreachable', 'unreachable'], 'neither the view\'s page nor the shop\'s');
  assert.equal(await view.locator('[data-testid=confirm]').getAttribute('aria-disabled'), 'true');
  await captcha.click('.captcha-stand-in button');
  await view.locator('[data-testid=captcha][data-state=solved]').waitFor();
  assert.equal(await view.locator('[data-testid=confirm]').getAttribute('aria-disabled'), null, 'the saved card and the solved check: Pay is open');
  assert.deepEqual(await o.page.evaluate(() => window.__violations), [], 'no violation on the shop page');
  assert.deepEqual(await view.evaluate(() => window.__violations), [], 'nor in the view\'s frame');
  await o.context.close();
});

test('a merchant\'s own copy of session-view.js still frames the view\'s origin; built for the page\'s own origin, it refuses to mount', async () => {
  const pages = {};
  const self = await site('127.0.0.2', pages);
  env.mock.allowFraming(self);
  pages['/session-view.js'] = merchantModule({ base: `${env.origin}/` }); // the release built for its deployment, copied
  pages['/own.js'] = merchantModule({ base: `${self}/` }); // the same, built for the shop's own origin
  const page = module => `<!doctype html><html><body><div id="a"></div><script type="module">
import { mount } from '/${module}';
window.events = [];
document.getElementById('a').addEventListener('sv-ready', () => window.events.push('ready'));
try { mount(document.getElementById('a'), { config: { status: 'active', amount: 1200, currency: 'usd' } }); } catch (e) { window.events.push(e.name + ':' + e.code); }
</script></body></html>`;
  pages['/copy.html'] = page('session-view.js');
  pages['/own.html'] = page('own.js');
  const { page: p, context } = await openPage(env.browser, env.origin, { allow: [self] });
  await p.goto(`${self}/copy.html`);
  await p.waitForFunction(() => window.events.length > 0);
  assert.deepEqual(await p.evaluate(() => [window.events, document.getElementById('a').shadowRoot.querySelector('iframe').src]), [['ready'], `${env.origin}/frame.html`], 'the frame is the view\'s, not the shop\'s');
  await p.goto(`${self}/own.html`);
  await p.waitForFunction(() => window.events.length > 0);
  assert.deepEqual(await p.evaluate(() => [window.events, document.getElementById('a').shadowRoot]), [['SessionViewError:same-origin'], null], 'refused, the host element untouched');
  await context.close();
});

test('the frame talks to its deployment\'s API only: a page cannot point it at another server', async () => {
  env.mock.setSession('cs_isoApi1', demo('card'), { credential: SECRET });
  const { page, context } = await shop();
  evilRequests.length = 0;
  await page.evaluate(([api, secret]) => { window.events = []; window.sv.mount(document.getElementById('a'), { sessionId: 'cs_isoApi1', credential: secret, apiBase: api, pollInterval: 0 }); }, [evil, SECRET]);
  await waitEvent(page, 'error');
  assert.equal((await page.evaluate(() => window.events))[0].detail.code, 'unreachable');
  const view = await viewIn(page, '#a');
  assert.match(await view.locator('[data-testid=problem]').textContent(), /couldn't reach the payment service/);
  assert.deepEqual(evilRequests, [], 'nothing, and no credential, went to the other server');
  assert.deepEqual(await view.evaluate(() => window.__violations), [], 'the frame did not even try (its CSP\'s connect-src would have stopped it too)');
  // The deployment's own API, named or not, works.
  await page.evaluate(([api, secret]) => { window.events = []; window.sv.mount(document.getElementById('a'), { sessionId: 'cs_isoApi1', credential: secret, apiBase: api + '/', pollInterval: 0 }); }, [env.origin, SECRET]);
  await waitEvent(page, 'ready');
  await context.close();
});

test('the hosted page may not be framed; the frame page only by listed merchants', async () => {
  for (const framer of [merchant, evil]) {
    const { page, context } = await openPage(env.browser, env.origin, { allow: [merchant, evil] });
    await page.goto(`${framer}/framer.html`);
    await page.waitForTimeout(1500);
    const frames = page.frames().filter(f => f !== page.mainFrame());
    const shown = await Promise.all(frames.map(async f => ({ url: f.url(), view: await f.evaluate(() => !!document.querySelector('meta[name=session-view-page]')).catch(() => false) })));
    const hosted = shown.filter(s => s.view && !s.url.endsWith('/frame.html'));
    assert.deepEqual(hosted, [], `the hosted page refused to render in a frame of ${framer}`);
    const frame = shown.filter(s => s.view && s.url.endsWith('/frame.html'));
    assert.equal(frame.length, framer === merchant ? 1 : 0, `frame.html framed by ${framer === merchant ? 'the listed merchant' : 'an unlisted origin'}`);
    await context.close();
  }
});

test('the frame runs no stranger\'s session, even where its host drops frame-ancestors: no view, no request', async () => {
  env.mock.setSession('cs_isoStranger1', demo('card'));
  env.mock.dropFrameAncestors();
  const { page, context } = await openPage(env.browser, env.origin, { allow: [merchant, evil] });
  await page.goto(`${evil}/shop.html`);
  await page.waitForFunction(() => window.svLoaded === true);
  await page.evaluate(origin => { window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_isoStranger1', apiBase: origin, pollInterval: 0, timeoutMs: 2000 }); }, env.origin);
  await waitEvent(page, 'error');
  const frame = page.frames().find(f => f.url().startsWith(`${env.origin}/frame.html`));
  assert.ok(frame && (await frame.evaluate(() => document.querySelector('meta[name=session-view-page]')?.content)) === 'frame', 'control: without the header, the frame page loads in the stranger\'s page');
  assert.equal(await frame.evaluate(() => document.querySelectorAll('[data-testid=amount-due], [data-testid=confirm]').length), 0, 'it shows the stranger nothing');
  assert.ok(!env.mock.requests.some(r => r.path.includes('cs_isoStranger1')), 'and asks the API for nothing');
  await context.close();
});

// Last: it lists 127.0.0.3 as a merchant half way through.
test('a frame that never answers (this page not listed in frame-ancestors) ends in a calm message with Try again, and error "unreachable"', async () => {
  env.mock.setSession('cs_isoBlocked1', demo('card'));
  const { page, context } = await openPage(env.browser, env.origin, { allow: [merchant, evil] });
  await page.goto(`${evil}/shop.html`);
  await page.waitForFunction(() => window.svLoaded === true);
  await page.evaluate(origin => { window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_isoBlocked1', apiBase: origin, pollInterval: 0, timeoutMs: 1500 }); }, env.origin);
  await waitEvent(page, 'error');
  assert.equal((await page.evaluate(() => window.events))[0].detail.code, 'unreachable');
  const problem = page.getByRole('alert');
  assert.match((await problem.textContent()).replace(/\s+/g, ' '), /We couldn't reach the payment service.*Nothing has been charged/);
  assert.equal(await page.locator('#a iframe').isVisible(), false, 'the refused frame is not shown');
  // The deployer lists this merchant; the payer presses Try again.
  env.mock.allowFraming(evil);
  await page.getByRole('button', { name: 'Try again' }).click();
  await waitEvent(page, 'ready');
  const view = await viewIn(page, '#a');
  assert.equal(await view.locator('[data-testid=amount-due]').textContent(), '$49.99');
  assert.equal(await page.getByRole('alert').count(), 0, 'the message is gone');
  await context.close();
});

test('the frame\'s own code unreachable (its chunk blocked): the same calm message with Try again, and error "unreachable"; Try again loads it', async () => {
  env.mock.setSession('cs_isoChunk1', demo('card'));
  const { page, context } = await shop();
  let blocking = true;
  await context.route(/split_frame\.wasm$/, route => (blocking ? route.abort('internetdisconnected') : route.fallback()));
  await page.evaluate(origin => { window.events = []; window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_isoChunk1', apiBase: origin, pollInterval: 0, timeoutMs: 1500 }); }, env.origin);
  await waitEvent(page, 'error');
  assert.equal((await page.evaluate(() => window.events))[0].detail.code, 'unreachable');
  assert.match((await page.getByRole('alert').textContent()).replace(/\s+/g, ' '), /We couldn't reach the payment service.*Nothing has been charged/);
  blocking = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await waitEvent(page, 'ready');
  const view = await viewIn(page, '#a');
  assert.equal(await view.locator('[data-testid=amount-due]').textContent(), '$49.99');
  await context.close();
});

test('the merchant page\'s message for a frame that never answers is in the payer\'s language at once, with no language file fetched', async () => {
  env.mock.setSession('cs_isoChunkDe1', demo('card'));
  const { page, context, log } = await shop();
  await context.route(/split_frame\.wasm$/, route => route.abort('internetdisconnected'));
  await page.evaluate(origin => { window.events = []; window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_isoChunkDe1', apiBase: origin, locale: 'de', pollInterval: 0, timeoutMs: 1500 }); }, env.origin);
  await waitEvent(page, 'error');
  const problem = page.getByRole('alert');
  assert.equal(await problem.getAttribute('lang'), 'de');
  assert.match((await problem.textContent()).replace(/\s+/g, ' '), /Wir konnten den Zahlungsdienst nicht erreichen.*Es wurde nichts belastet/);
  await problem.getByRole('button', { name: 'Erneut versuchen' }).waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('iframe').title), 'Bezahlen', 'the frame is named in German too');
  // The frame's code never arrived, so whatever asked for a language file would be the merchant's module.
  assert.deepEqual(log.requests.filter(u => /split_i18n_/.test(u)), [], 'the merchant\'s module carries its four sentences');
  await context.close();
});

