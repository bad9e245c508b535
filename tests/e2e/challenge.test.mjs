// End-to-end: fraud challenges on the release build. The captcha providers' official script
// URLs are answered by the local stand-in (tests/stand-ins/captcha.js) through Playwright
// routing, so the build under test is the one that ships: it can only ask for the official
// URLs. One-time codes go to the mock API's …/challenge/send and …/challenge/verify.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, text, captchaScripts, captchaIn, viewIn, HCAPTCHA, TURNSTILE } from './harness.mjs';

const SECRET = 'cred_CHAL_s3cr3t';
const SAVED = {
  status: 'active', scope: 'payment', amount: 2500, currency: 'eur', layout: 'hosted', allowed_methods: ['card'],
  line_items: [{ description: 'Standing, Saturday', amount: 2500 }],
  saved_methods: [{ id: 'pm_visa1', type: 'card', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2035, is_default: true }],
};
const MERCHANT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>merchant</title></head>
<body><div id="a"></div><div id="b"></div><script type="module">
import init, { mount } from '/session-view.js';
await init();
window.sv = { mount };
window.svLoaded = true;
</script></body></html>`;

let env;
before(async () => { env = await start(); env.mock.page('/shop.html', MERCHANT_PAGE); });
after(async () => { await env.stop(); });
beforeEach(() => env.mock.reset());

async function hosted(id, config, { scripts = 'stand-in' } = {}) {
  env.mock.setSession(id, config, { credential: SECRET });
  const o = await openPage(env.browser, env.origin);
  o.scripts = await captchaScripts(o.page, scripts);
  await o.page.goto(`${env.origin}/?session=${id}#${SECRET}`);
  // A code's words come with the first paint; its field, a captcha and Pay with the pay form.
  await o.page.waitForSelector('[data-testid=challenge]');
  await o.page.waitForSelector('[data-testid=confirm]');
  return o;
}

const gated = page => page.getAttribute('[data-testid=confirm]', 'aria-disabled');
const calls = async (page, fn) => (await captchaIn(page)).evaluate(f => (window.__captchaStandIn?.calls || []).filter(c => !f || c.fn === f), fn);
const solve = async page => (await captchaIn(page)).click('.captcha-stand-in button');

test('hCaptcha: the official script once, in the captcha frame only, rendered with the site key, solved token carried by confirm', async () => {
  const key = '10000000-ffff-ffff-ffff-000000000001';
  const { page, context, log, scripts } = await hosted('cs_chalH1', { ...SAVED, challenge: { type: 'hcaptcha', site_key: key } });
  await page.waitForSelector('[data-testid=captcha][data-state=shown]');
  const captcha = await captchaIn(page);
  assert.deepEqual(scripts.seen, [HCAPTCHA], 'exactly the official URL, once');
  assert.equal(await gated(page), 'true');
  assert.equal(await text(page, '[data-testid=confirm-status]'), 'Complete the security check first.');
  const [render] = await calls(page, 'render');
  assert.equal(render.sitekey, key);
  assert.equal(render.theme, 'light');
  // The provider's script runs in a frame of an opaque origin: no card field, no credential,
  // no reach into the page; the page itself loads no third-party script.
  assert.deepEqual(await captcha.evaluate(() => [origin, document.querySelectorAll('input').length, (() => { try { return parent.document.title; } catch { return 'unreachable'; } })()]), ['null', 0, 'unreachable']);
  assert.deepEqual(await page.evaluate(() => performance.getEntriesByType('resource').map(r => r.name).filter(u => !u.startsWith(location.origin))), [], 'no third-party resource in the card page');
  assert.doesNotMatch((await (await page.request.get(`${env.origin}/`)).headers())['content-security-policy'], /hcaptcha|cloudflare/, 'and its policy lists no captcha origin');
  await solve(page);
  await page.waitForSelector('[data-testid=captcha][data-state=solved]');
  assert.equal(await text(page, '[data-testid=captcha-status]'), 'Security check complete.');
  assert.equal(await gated(page), null);
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');
  assert.equal(env.mock.confirms.length, 1);
  assert.equal(env.mock.confirms[0].body.challenge_response, 'hcaptcha-token-1');
  assert.deepEqual(log.foreign.filter(u => !u.startsWith('https://js.hcaptcha.com/')), [], 'nothing else off-origin');
  await context.close();
});

test('a declined confirm resets the captcha (tokens are single use) and the next confirm carries a new token', async () => {
  const { page, context } = await hosted('cs_chalH2', { ...SAVED, challenge: { type: 'hcaptcha', site_key: '10000000-ffff-ffff-ffff-000000000001' } });
  env.mock.scriptConfirm('cs_chalH2', [{ status: 402, body: { decline_message: 'Insufficient funds.' } }]);
  await solve(page);
  await page.waitForSelector('[data-testid=captcha][data-state=solved]');
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('text=Your payment was declined');
  assert.equal(await text(page, '[data-testid=captcha-status]'), 'Please complete the security check again before you retry.');
  assert.equal((await calls(page, 'reset')).length, 1);
  assert.equal(await gated(page), 'true');
  await solve(page);
  await page.waitForSelector('[data-testid=captcha][data-state=solved]');
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');
  assert.deepEqual(env.mock.confirms.map(c => c.body.challenge_response), ['hcaptcha-token-1', 'hcaptcha-token-2']);
  await context.close();
});

test('Turnstile: expiry and widget errors close the gate again and say what to do', async () => {
  const { page, context } = await hosted('cs_chalT1', { ...SAVED, challenge: { type: 'turnstile', site_key: '1x00000000000000000000AA' } });
  const captcha = await captchaIn(page, '.captcha-stand-in[data-provider=turnstile]');
  await solve(page);
  await page.waitForSelector('[data-testid=captcha][data-state=solved]');
  assert.equal(await gated(page), null);
  await captcha.evaluate(() => window.__captchaStandIn.turnstile.expire());
  await page.waitForSelector('[data-testid=captcha][data-state=expired]');
  assert.equal(await text(page, '[data-testid=captcha-status]'), 'The security check expired. Please complete it again.');
  assert.equal(await gated(page), 'true');
  // After the evaluate returns: the error takes the frame away (Try again brings a new one).
  await captcha.evaluate(() => { setTimeout(() => window.__captchaStandIn.turnstile.error('300010')); });
  await page.waitForSelector('[data-testid=captcha-retry]');
  assert.equal(await text(page, '[data-testid=captcha-status]'), 'The security check ran into a problem. Try again.');
  await page.click('[data-testid=captcha-retry]');
  await page.waitForSelector('[data-testid=captcha][data-state=shown]');
  await solve(page);
  await page.waitForSelector('[data-testid=captcha][data-state=solved]');
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');
  assert.match(env.mock.confirms[0].body.challenge_response, /^turnstile-token-\d+$/);
  await context.close();
});

test('a captcha script that fails to load: a plain message and a retry that loads it afresh', async () => {
  const { page, context, scripts } = await hosted('cs_chalT2', { ...SAVED, challenge: { type: 'turnstile', site_key: '1x00000000000000000000AA' } }, { scripts: 'fail' });
  await page.waitForSelector('[data-testid=captcha-retry]');
  assert.match(await text(page, '[data-testid=captcha-status]'), /couldn't load/);
  assert.equal(await gated(page), 'true');
  scripts.set('stand-in');
  await page.click('[data-testid=captcha-retry]');
  const captcha = await captchaIn(page, '.captcha-stand-in[data-provider=turnstile]');
  assert.deepEqual(scripts.seen, [TURNSTILE, TURNSTILE]);
  assert.equal(await page.locator('[data-testid=captcha-frame]').count(), 1, 'the failed frame was replaced');
  assert.equal(await captcha.locator('script[src^="https://challenges.cloudflare.com/"]').count(), 1);
  await context.close();
});

/** An hCaptcha session mounted on the shop page with `timeoutMs` 800, its scripts answered `how`;
 *  resolves once the view's captcha has given up and offers Try again. */
async function captchaGivenUp(how) {
  const o = await openPage(env.browser, env.origin);
  o.scripts = await captchaScripts(o.page, how);
  await o.page.goto(`${env.origin}/shop.html`);
  await o.page.waitForFunction(() => window.svLoaded === true);
  const config = { ...SAVED, layout: 'embedded', challenge: { type: 'hcaptcha', site_key: '10000000-ffff-ffff-ffff-000000000001' } };
  await o.page.evaluate(c => { window.sv.mount(document.getElementById('a'), { config: c, timeoutMs: 800, pollInterval: 0 }); }, config);
  o.view = await viewIn(o.page, '#a');
  await o.view.locator('[data-testid=captcha-retry]').waitFor({ timeout: 5000 });
  return o;
}

test('a captcha script that never answers times out with a retry (embedded, timeoutMs 800)', async () => {
  const o = await captchaGivenUp('hang');
  const { scripts, view } = o;
  assert.match(await view.locator('[data-testid=captcha-status]').textContent(), /taking too long/);
  scripts.set('stand-in');
  await view.locator('[data-testid=captcha-retry]').click();
  await captchaIn(view);
  await o.context.close();
});

test('embedded: two views, each with its own widget in its own frame (no shadow root there for the provider to refuse)', async () => {
  const o = await openPage(env.browser, env.origin);
  const scripts = await captchaScripts(o.page);
  await o.page.goto(`${env.origin}/shop.html`);
  await o.page.waitForFunction(() => window.svLoaded === true);
  const config = { ...SAVED, layout: 'embedded', challenge: { type: 'turnstile', site_key: '1x00000000000000000000AA' } };
  await o.page.evaluate(c => {
    window.ha = window.sv.mount(document.getElementById('a'), { config: c, pollInterval: 0 });
    window.hb = window.sv.mount(document.getElementById('b'), { config: c, pollInterval: 0 });
  }, config);
  const views = { a: await viewIn(o.page, '#a'), b: await viewIn(o.page, '#b') };
  const captchas = { a: await captchaIn(views.a), b: await captchaIn(views.b) };
  assert.deepEqual(scripts.seen, [TURNSTILE, TURNSTILE], 'the official script, once per captcha frame');
  const placement = await Promise.all(Object.values(captchas).map(c => c.evaluate(() => ({ inDocument: document.querySelector('.captcha-stand-in')?.getRootNode() === document, widgets: document.querySelectorAll('.captcha-stand-in').length }))));
  assert.deepEqual(placement, [{ inDocument: true, widgets: 1 }, { inDocument: true, widgets: 1 }]);
  assert.deepEqual(await Promise.all(Object.values(views).map(v => v.locator('.captcha-stand-in').count())), [0, 0], 'nothing of the provider in the views\' documents');
  assert.equal(await o.page.locator('.captcha-stand-in').count(), 0, 'nothing of the challenge in the merchant page');
  await captchas.a.click('.captcha-stand-in button');
  await views.a.waitForSelector('[data-testid=captcha][data-state=solved]');
  const pay = id => views[id].locator('[data-testid=confirm]').getAttribute('aria-disabled');
  assert.equal(await pay('a'), null);
  assert.equal(await pay('b'), 'true', 'solving one view does not open the other');
  await o.page.evaluate(() => window.ha.unmount());
  assert.equal(await o.page.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('iframe').length), 0, 'unmount removes the frame, and the widget with it');
  assert.ok(views.a.isDetached(), 'the frame is gone');
  await o.context.close();
});

test('SMS code: send, wrong code (attempts left), resend after the cooldown, pasted code verified, confirm carries the response', async () => {
  const id = 'cs_chalS1';
  env.mock.scriptChallenge(id, { code: '482913', resendAfter: 2 });
  const { page, context, log } = await hosted(id, { ...SAVED, challenge: { type: 'sms', delivery_hint: '--1234', code_sent: false } });
  assert.equal(await gated(page), 'true');
  await page.click('[data-testid=code-send]');
  await page.waitForSelector('[data-testid=code-input]');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'code-input', 'focus moves to the code');
  const [sent] = env.mock.challengeCalls;
  assert.equal(sent.kind, 'send');
  assert.equal(sent.authorization, `Bearer ${SECRET}`);
  assert.match(sent.key, /^[0-9a-f-]{36}$/, 'a retried send cannot send two codes');
  assert.match(await text(page, '[data-testid=code-send]'), /^Send a new code in 0:0[12]$/);
  assert.equal(await page.getAttribute('[data-testid=code-send]', 'aria-disabled'), 'true');

  await page.getByLabel('Verification code').pressSequentially('111111');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Attempts left/.test(document.querySelector('[data-testid=code-message]')?.textContent || ''));
  assert.equal(await text(page, '[data-testid=code-message]'), "That code isn't right. Attempts left: 2.");
  assert.equal(await page.getByLabel('Verification code').inputValue(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'code-input');

  await page.waitForFunction(() => document.querySelector('[data-testid=code-send]')?.textContent === 'Send a new code', null, { timeout: 5000 });
  await page.click('[data-testid=code-send]');
  await page.waitForFunction(() => /new code/.test(document.querySelector('[data-testid=code-message]')?.textContent || ''));
  assert.equal(env.mock.challengeCalls.filter(c => c.kind === 'send').length, 2);

  await page.getByLabel('Verification code').focus();
  // A paste of the whole message, longer than any code field: the code is found in it.
  await page.keyboard.insertText('Your Fellside code is 482 913. It expires in 10 minutes, ref 77.');
  assert.equal(await page.getByLabel('Verification code').inputValue(), '482913');
  await page.click('[data-testid=code-verify]');
  await page.waitForSelector('text=Verified. You can now pay.');
  assert.equal(await gated(page), null);
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');
  assert.equal(env.mock.confirms[0].body.challenge_response, `vc_${id}`);
  const verifies = env.mock.challengeCalls.filter(c => c.kind === 'verify').map(c => c.body);
  assert.deepEqual(verifies, [{ code: '111111' }, { code: '482913' }]);
  const elsewhere = JSON.stringify([log.console, log.requests, await page.evaluate(() => [localStorage, sessionStorage, document.cookie, location.href, history.length])]);
  assert.ok(!elsewhere.includes('482913') && !elsewhere.includes('111111'), 'the code appears nowhere but the verify request');
  await context.close();
});

test('email code: too many wrong codes shows the server’s message and keeps confirm closed', async () => {
  const id = 'cs_chalE1';
  const { page, context } = await hosted(id, { ...SAVED, challenge: { type: 'email', delivery_hint: 'j***@example.com', code_sent: true } });
  assert.match(await text(page, '[data-testid=challenge]'), /We sent a code by email to j\*\*\*@example\.com\./);
  for (const expected of ["That code isn't right. Attempts left: 2.", "That code isn't right. Attempts left: 1.", 'Too many wrong codes. Ask the merchant for help.']) {
    await page.getByLabel('Verification code').fill('000000');
    await page.click('[data-testid=code-verify]');
    await page.waitForFunction(t => document.querySelector('[data-testid=code-message]')?.textContent === t, expected);
  }
  await page.waitForSelector('text=Too many wrong codes. Ask the merchant for help.');
  assert.ok(await page.getByLabel('Verification code').isDisabled());
  assert.equal(await gated(page), 'true');
  await page.click('[data-testid=confirm]', { force: true });
  assert.equal(env.mock.confirms.length, 0, 'nothing is sent while the check is pending');
  await context.close();
});

test('Web OTP fills the SMS code where the browser offers it (no auto-submit)', async () => {
  const id = 'cs_chalOtp1';
  env.mock.setSession(id, { ...SAVED, challenge: { type: 'sms', delivery_hint: '--1234', code_sent: true } }, { credential: SECRET });
  const o = await openPage(env.browser, env.origin);
  await o.page.addInitScript(() => {
    window.OTPCredential = function OTPCredential() {};
    window.__otpAsked = [];
    navigator.credentials.get = opts => {
      window.__otpAsked.push(JSON.stringify(opts.otp));
      return new Promise(resolve => setTimeout(() => resolve({ type: 'otp', code: '123456' }), 200));
    };
  });
  await o.page.goto(`${env.origin}/?session=${id}#${SECRET}`);
  await o.page.waitForFunction(() => document.querySelector('[data-testid=code-input]')?.value === '123456');
  assert.deepEqual(await o.page.evaluate(() => window.__otpAsked), ['{"transport":["sms"]}']);
  assert.equal(env.mock.challengeCalls.length, 0, 'filled, not submitted');
  await o.page.click('[data-testid=code-verify]');
  await o.page.waitForSelector('text=Verified. You can now pay.');
  await o.context.close();
});

test('a challenge added by a live update blocks confirm from that moment', async () => {
  const id = 'cs_chalLive1';
  env.mock.setSession(id, { ...SAVED, layout: 'embedded' });
  const o = await openPage(env.browser, env.origin);
  await captchaScripts(o.page);
  await o.page.goto(`${env.origin}/shop.html`);
  await o.page.waitForFunction(() => window.svLoaded === true);
  await o.page.evaluate(origin => { window.h = window.sv.mount(document.getElementById('a'), { sessionId: 'cs_chalLive1', apiBase: origin, pollInterval: 1000 }); }, env.origin);
  const view = await viewIn(o.page, '#a');
  const pay = () => view.locator('[data-testid=confirm]').getAttribute('aria-disabled');
  await view.locator('[data-testid=confirm]').waitFor();
  assert.equal(await pay(), null, 'no challenge yet: the payer may confirm');
  await env.mock.patch(id, { challenge: { type: 'hcaptcha', site_key: '10000000-ffff-ffff-ffff-000000000001' } });
  await view.locator('[data-testid=challenge][data-kind=hcaptcha]').waitFor({ timeout: 5000 });
  assert.equal(await pay(), 'true');
  assert.equal(await view.locator('[data-testid=challenge-announce]').textContent(), 'A security check is now needed before you can pay.');
  await (await captchaIn(view)).click('.captcha-stand-in button');
  await view.locator('[data-testid=captcha][data-state=solved]').waitFor();
  assert.equal(await pay(), null);
  await view.locator('[data-testid=confirm]').click();
  await view.locator('[data-testid=completed]').waitFor();
  assert.equal(env.mock.confirms[0].body.challenge_response, 'hcaptcha-token-1');
  await o.context.close();
});

test('handleConfirm: the confirm event carries the challenge response (never the code) for the embedder’s own confirm', async () => {
  const id = 'cs_chalHand1';
  env.mock.setSession(id, { ...SAVED, layout: 'embedded', challenge: { type: 'sms', delivery_hint: '--1234', code_sent: true } });
  const o = await openPage(env.browser, env.origin);
  await o.page.goto(`${env.origin}/shop.html`);
  await o.page.waitForFunction(() => window.svLoaded === true);
  await o.page.evaluate(origin => {
    window.events = [];
    document.addEventListener('sv-confirm', e => window.events.push(e.detail));
    window.sv.mount(document.getElementById('a'), { sessionId: 'cs_chalHand1', apiBase: origin, pollInterval: 0, handleConfirm: true });
  }, env.origin);
  const view = await viewIn(o.page, '#a');
  await view.getByLabel('Verification code').fill('123456');
  await view.locator('[data-testid=code-verify]').click();
  await view.locator('text=Verified. You can now pay.').waitFor();
  await view.locator('[data-testid=confirm]').click();
  await o.page.waitForFunction(() => window.events.length === 1);
  const [detail] = await o.page.evaluate(() => window.events);
  assert.deepEqual(detail.method, { type: 'saved', savedMethodId: 'pm_visa1', challengeResponse: `vc_${id}` });
  assert.ok(!JSON.stringify(detail).includes('123456'), 'the code is in no event');
  assert.equal(env.mock.confirms.length, 0);
  await o.context.close();
});

test('the captcha follows the view into dark mode', async () => {
  env.mock.setSession('cs_chalDark1', { ...SAVED, challenge: { type: 'turnstile', site_key: '1x00000000000000000000AA' } }, { credential: SECRET });
  const o = await openPage(env.browser, env.origin);
  await o.page.emulateMedia({ colorScheme: 'dark' });
  await captchaScripts(o.page);
  await o.page.goto(`${env.origin}/?session=cs_chalDark1#${SECRET}`);
  const captcha = await captchaIn(o.page);
  assert.equal(await captcha.getAttribute('.captcha-stand-in', 'data-theme'), 'dark');
  assert.equal((await calls(o.page, 'render'))[0].theme, 'dark');
  await o.context.close();
});

test('the captcha page served from an origin of its own (session-view-captcha-origin): the check runs there, under its real origin, and pays', async () => {
  const other = env.origin.replace('127.0.0.1', 'localhost'); // another name of the same server: another origin
  env.mock.captchaOrigin(other);
  env.mock.setSession('cs_chalOwn1', { ...SAVED, challenge: { type: 'hcaptcha', site_key: '10000000-ffff-ffff-ffff-000000000001' } }, { credential: SECRET });
  const o = await openPage(env.browser, env.origin, { allow: [other] });
  const violations = [];
  o.page.on('console', m => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await captchaScripts(o.page);
  await o.page.goto(`${env.origin}/?session=cs_chalOwn1#${SECRET}`);
  const captcha = await captchaIn(o.page);
  assert.equal(await o.page.getAttribute('[data-testid=captcha-frame]', 'src'), `${other}/captcha.html`);
  assert.deepEqual(await captcha.evaluate(() => [origin, (() => { try { return parent.document.title; } catch { return 'unreachable'; } })()]), [other, 'unreachable'], 'its own origin, and no reach into the card page');
  await solve(o.page);
  await o.page.waitForSelector('[data-testid=captcha][data-state=solved]');
  await o.page.click('[data-testid=confirm]');
  await o.page.waitForSelector('[data-testid=completed]');
  assert.equal(env.mock.confirms[0].body.challenge_response, 'hcaptcha-token-1');
  assert.deepEqual(violations, []);
  await o.context.close();
});

test('the captcha page itself unreachable: the check says it is taking too long, and Try again brings it', async () => {
  env.mock.block(p => p === '/captcha.html');
  const o = await captchaGivenUp('stand-in');
  const { view } = o;
  assert.match(await view.locator('[data-testid=captcha-status]').textContent(), /taking too long/);
  assert.equal(await view.locator('[data-testid=confirm]').getAttribute('aria-disabled'), 'true', 'no check, no Pay');
  env.mock.block(null);
  await view.locator('[data-testid=captcha-retry]').click();
  await captchaIn(view);
  await view.locator('[data-testid=captcha][data-state=shown]').waitFor();
  await o.context.close();
});

test('a double press sends once: a code is sent once and checked once', async () => {
  const id = 'cs_chalDouble1';
  env.mock.scriptChallenge(id, { code: '482913' });
  const { page, context } = await hosted(id, { ...SAVED, challenge: { type: 'sms', delivery_hint: '--1234', code_sent: false } });
  const twice = sel => page.evaluate(s => { const b = document.querySelector(s); b.click(); b.click(); }, sel);
  await twice('[data-testid=code-send]');
  await page.getByLabel('Verification code').waitFor();
  await page.getByLabel('Verification code').fill('482913');
  await twice('[data-testid=code-verify]');
  await page.waitForSelector('text=Verified. You can now pay.');
  assert.deepEqual(env.mock.challengeCalls.map(c => c.kind), ['send', 'verify'], 'one send, one verify');
  await context.close();
});

test('a double press sends once: a wallet change is made once', async () => {
  env.mock.setSession('cs_chalDouble2', { ...SAVED, scope: 'wallet', saved_methods: [...SAVED.saved_methods, { id: 'pm_ach1', type: 'ach', bank_name: 'First Prairie Bank', account_type: 'checking', last4: '6789' }] }, { credential: SECRET });
  const o = await openPage(env.browser, env.origin);
  await o.page.goto(`${env.origin}/?session=cs_chalDouble2#${SECRET}`);
  await o.page.waitForSelector('[data-testid=wallet] [data-testid=saved-method]');
  await o.page.getByRole('button', { name: 'Make default Checking •••• 6789' }).evaluate(b => { b.click(); b.click(); });
  await o.page.waitForFunction(() => /Default payment method updated/.test(document.querySelector('[data-testid=wallet-status]').textContent));
  assert.equal(env.mock.walletCalls.length, 1, 'one change');
  await o.context.close();
});
