// End-to-end: the hosted page and the embedded view under a strict Content-Security-Policy
// with Trusted Types enforced, with zero `securitypolicyviolation` events. The hosted page
// gets exactly the headers of dist/_headers (the deployers' file); the merchant page gets
// the CSP the README tells merchants to use, with a nonce for its own inline module.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { start, openPage, settled, captchaScripts, captchaIn, viewIn, text, DIST } from './harness.mjs';
import { readHeadersFile } from '../../tools/mock-api.mjs';

const HEADERS = readHeadersFile(new URL('_headers', DIST).pathname);
const DEMOS = ['card', 'ach', 'hcaptcha', 'turnstile', 'sms', 'email', 'wallet', 'completed', 'expired', 'jpy', 'kwd', 'long', 'message', 'embedded', 'partial', 'hostile', 'broken'];

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });
beforeEach(() => env.mock.reset());

async function watched(opts) {
  const o = await openPage(env.browser, env.origin, opts);
  await o.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  await captchaScripts(o.page);
  return o;
}
const violations = page => page.evaluate(() => window.__violations);

test('the headers file is strict, and the hosted page is served with exactly it', async () => {
  const csp = HEADERS['Content-Security-Policy'];
  for (const d of ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'", "require-trusted-types-for 'script'", 'trusted-types default', "frame-ancestors 'none'", "style-src 'self';", "frame-src 'self';"])
    assert.ok(csp.includes(d), `CSP has ${d}`);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+';/, 'scripts: this origin and the import map only');
  assert.doesNotMatch(csp, /hcaptcha|cloudflare|https:\/\/\*/, 'no captcha provider in the card-holding page\'s policy');
  assert.ok(!/unsafe-inline|unsafe-eval'/.test(csp.replace("'wasm-unsafe-eval'", '')), 'no unsafe-inline, no unsafe-eval');
  assert.equal(HEADERS['Referrer-Policy'], 'no-referrer');
  assert.equal(HEADERS['X-Content-Type-Options'], 'nosniff');
  assert.ok(HEADERS['Permissions-Policy']);
  const r = await fetch(`${env.origin}/`);
  for (const [name, value] of Object.entries(HEADERS)) assert.equal(r.headers.get(name), value, name);
  const html = await r.text();
  const inline = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)].filter(m => !/\bsrc=/.test(m[1]));
  assert.deepEqual(inline.map(m => m[1].trim()), ['type="importmap"'], 'the only inline script is the import map');
  const hash = 'sha256-' + crypto.createHash('sha256').update(inline[0][2]).digest('base64');
  assert.ok(csp.includes(`'${hash}'`), 'the CSP allows exactly that import map by its hash');
  assert.match(JSON.parse(inline[0][2]).integrity['./session-view-app.js'], /^sha384-/);
});

test('the embedded view\'s frame page: as strict, but framable by the listed merchant origins only; the hosted page is not', async () => {
  const FRAME = readHeadersFile(new URL('_headers', DIST).pathname, '/frame.html');
  const csp = FRAME['Content-Security-Policy'];
  const page = HEADERS['Content-Security-Policy'];
  assert.equal(csp.replace(/frame-ancestors [^;]*/, ''), page.replace(/frame-ancestors [^;]*/, ''), 'the same policy but for frame-ancestors');
  assert.match(csp, /frame-ancestors 'self'(;|$)/, 'as shipped: pages of this origin; a deployer lists its merchants');
  assert.match(page, /frame-ancestors 'none'/);
  const r = await fetch(`${env.origin}/frame.html`);
  for (const [name, value] of Object.entries(FRAME)) assert.equal(r.headers.get(name), value, name);
  const html = await r.text();
  assert.match(html, /<meta name="session-view-page" content="frame">/);
  assert.equal((await (await fetch(`${env.origin}/`)).text()).replace('content="frame"', 'content=""').replace(' class="sv-frame"', ''),
    html.replace('content="frame"', 'content=""').replace(' class="sv-frame"', ''), 'the same pinned scripts as the hosted page');
});

test('every demo state renders under the CSP with Trusted Types and no violation', async () => {
  const { page, context, log } = await watched({ viewport: { width: 375, height: 800 } });
  for (const key of DEMOS) {
    await page.goto(`${env.origin}/?demo=${key}`);
    await settled(page);
    if (key === 'hcaptcha' || key === 'turnstile') assert.deepEqual(await (await captchaIn(page)).evaluate(() => window.__violations), [], `violations in ${key}'s captcha frame`);
    if (key === 'message') await page.waitForSelector('[data-testid=page-message] h3');
    // Every form too: their static parts (e.g. the country list) are built from markup.
    if (key === 'card') { await page.getByLabel('Use a new card').check(); await page.getByLabel('Card number').waitFor(); }
    if (key === 'ach') { await page.getByLabel('Use a new bank account').check(); await page.getByLabel('Routing number').waitFor(); }
    if (key === 'wallet') { await page.getByLabel('Bank account').check(); await page.getByLabel('Routing number').waitFor(); }
    if (key === 'sms') await page.getByLabel('Verification code').waitFor();
    assert.deepEqual(await violations(page), [], `violations on ${key}`);
  }
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a hosted payment with a captcha, under the CSP: no violation from start to completed', async () => {
  const id = 'cs_cspPay1';
  env.mock.setSession(id, {
    status: 'active', scope: 'payment', amount: 2500, currency: 'eur', allowed_methods: ['card'],
    page_message: '<p>Read the <a href="https://shop.test/terms">terms</a>.</p>',
    branding: { logo_url: 'https://cdn.shop.test/logo.png', accent_color: '#0a7d5a', merchant_display_name: 'Hall Nine' },
    saved_methods: [{ id: 'pm_visa1', type: 'card', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2035, is_default: true }],
    challenge: { type: 'hcaptcha', site_key: '10000000-ffff-ffff-ffff-000000000001' },
  }, { credential: 'cred_csp' });
  const { page, context } = await watched();
  await page.goto(`${env.origin}/?session=${id}#cred_csp`);
  const captcha = await captchaIn(page);
  await captcha.click('.captcha-stand-in button');
  await page.waitForSelector('[data-testid=captcha][data-state=solved]');
  assert.deepEqual(await captcha.evaluate(() => window.__violations), [], 'none in the captcha frame, under its own policy');
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');
  assert.equal(env.mock.confirms[0].body.challenge_response, 'hcaptcha-token-1');
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('the captcha page: its own policy, the only one naming the providers; framed by the view\'s pages only', async () => {
  const CAPTCHA = readHeadersFile(new URL('_headers', DIST).pathname, '/captcha.html');
  const csp = CAPTCHA['Content-Security-Policy'];
  for (const d of ["default-src 'none'", "frame-ancestors 'self'", "require-trusted-types-for 'script'", 'trusted-types captcha', "form-action 'none'"]) assert.ok(csp.includes(d), `${d} in ${csp}`);
  assert.doesNotMatch(csp, /wasm-unsafe-eval|unsafe-inline/);
  // Its own script and style inline, by hash: a sandboxed page's 'self' is not its URL's origin in WebKit.
  assert.match(csp, /script-src 'sha256-[^']+' https:\/\/hcaptcha\.com https:\/\/\*\.hcaptcha\.com https:\/\/challenges\.cloudflare\.com;/);
  assert.match(csp, /style-src 'sha256-[^']+' https:\/\/hcaptcha\.com https:\/\/\*\.hcaptcha\.com;/);
  const r = await fetch(`${env.origin}/captcha.html`);
  assert.equal(r.headers.get('Content-Security-Policy'), csp);
  assert.doesNotMatch(await r.text(), /<input|<form|session-view-app/, 'no field and none of the view\'s code');
});

test('the embedded view on a merchant page under the documented merchant CSP: no violation', async () => {
  env.mock.page('/csp-shop.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head>
<body><div id="a"></div><hosted-session-view id="b"></hosted-session-view><script type="module">
import init, { mount } from '/session-view.js';
await init();
const config = { status: 'active', amount: 1200, currency: 'usd', layout: 'embedded', allowed_methods: ['card'],
  page_message: '<p><strong>Free</strong> returns.</p>', branding: { accent_color: '#3355ff' },
  challenge: { type: 'turnstile', site_key: '1x00000000000000000000AA' } };
window.h = mount(document.getElementById('a'), { config, pollInterval: 0 });
document.getElementById('b').config = { ...config, challenge: null };
window.ready = true;
</script></body></html>`, { csp: true });
  const { page, context, log } = await watched();
  await page.goto(`${env.origin}/csp-shop.html`);
  await page.waitForFunction(() => window.ready === true);
  const a = await viewIn(page, '#a');
  const b = await viewIn(page, '#b');
  const captcha = await captchaIn(a);
  await a.locator('[data-testid=page-message] strong').waitFor();
  await b.locator('[data-testid=amount-due]').waitFor();
  await captcha.click('.captcha-stand-in button');
  await a.locator('[data-testid=captcha][data-state=solved]').waitFor();
  assert.equal(await a.locator('[data-testid=confirm]').getAttribute('aria-disabled'), 'true', 'a method is still to be chosen');
  await a.getByLabel('Use a new card').check();
  await a.getByLabel('Card number').waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(await violations(a), [], 'none in the frame, under its own strict CSP');
  assert.deepEqual(await captcha.evaluate(() => window.__violations), [], 'none in the captcha frame');
  assert.deepEqual(await violations(b), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the demo merchant page is served under a strict policy of its own and still shows both views, with no violation', async () => {
  env.mock.setSession('cs_demoCard001', JSON.parse(fs.readFileSync(new URL('../../src/demo/card.json', import.meta.url), 'utf8')), { credential: 'demo-credential' });
  const { page, context } = await openPage(env.browser, env.origin);
  await page.addInitScript(() => { window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`)); });
  const response = await page.goto(`${env.origin}/merchant.html`);
  const csp = response.headers()['content-security-policy'] || '';
  for (const d of ["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'"]) assert.ok(csp.includes(d), `${d} in ${csp}`);
  assert.equal(await text(await viewIn(page, '#checkout-api'), '[data-testid=amount-due]'), '$24.00');
  await viewIn(page, '#checkout-element');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});
