// End-to-end: the release build in dist/, served with the mock API on loopback, opened as
// the hosted checkout page in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, settled, text, HCAPTCHA, TURNSTILE } from './harness.mjs';

const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

test('loads the session with the credential from the fragment, then wipes it from the URL', async () => {
  const secret = 'sess_SECRET_9f8e7d';
  env.mock.setSession('cs_e2eCard1', demo('card'), { credential: secret });
  const { page, log, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_e2eCard1#${secret}`);
  await settled(page);
  assert.equal(await text(page, '[data-testid=amount-due]'), '$49.99');
  assert.equal(await text(page, '[data-testid=total]'), '$49.99');
  assert.equal(await page.locator('.sv-item').count(), 2);
  assert.equal(await text(page, '.sv-merchant'), 'Larkspur Tea');
  assert.equal(page.url(), `${env.origin}/?session=cs_e2eCard1`, 'fragment removed from the address bar');
  const api = env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_e2eCard1');
  assert.equal(api.length, 1);
  assert.equal(api[0].headers.authorization, `Bearer ${secret}`);
  assert.equal(api[0].search, '');
  assert.ok(log.requests.every(u => !u.includes(secret)), 'credential never in a URL');
  assert.ok(log.console.every(m => !m.text.includes(secret)), 'credential never logged');
  const stored = await page.evaluate(() => JSON.stringify([localStorage, sessionStorage, document.cookie, history.state]));
  assert.ok(!stored.includes(secret), 'credential never stored');
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('page hygiene: no request for an icon that is not there, and a checkout is never indexed', async () => {
  env.mock.setSession('cs_e2eHyg1', demo('card'));
  const { page, log, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_e2eHyg1`);
  await settled(page);
  await page.waitForTimeout(300);
  // Headless Chromium asks for no icon at all, so the page must declare one (browsers that
  // look for an icon then use it instead of asking for /favicon.ico, a 404 in the console).
  const icon = await page.evaluate(() => document.querySelector('link[rel~=icon]')?.getAttribute('href'));
  assert.equal(icon, 'data:,', 'an icon is declared, and it needs no request');
  assert.deepEqual(log.requests.filter(u => /favicon/.test(u)), [], 'no /favicon.ico request');
  assert.deepEqual(env.mock.requests.filter(r => r.path === '/favicon.ico'), []);
  assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex, nofollow');
  assert.deepEqual(log.console.filter(m => m.type === 'error'), [], 'nothing in the console');
  await context.close();
});

test('the early config request starts beside the wasm download, and the view uses it rather than asking again', async () => {
  const secret = 'sess_EARLY_4c3b2a';
  env.mock.setSession('cs_e2eEarly1', demo('card'), { credential: secret });
  const { page, log, context } = await openPage(env.browser, env.origin);
  const configSeen = () => env.mock.requests.some(r => r.path === '/v1/hosted-sessions/cs_e2eEarly1');
  // The wasm is held back until the config request has reached the server (at most 10 s):
  // a request made only once the module runs would never come, and the check below fails.
  let beforeWasm = null;
  await page.route('**/session-view-app_bg.wasm', async route => {
    const t0 = Date.now();
    while (!configSeen() && Date.now() - t0 < 10000) await new Promise(r => setTimeout(r, 20));
    beforeWasm ??= configSeen();
    return route.fallback();
  });
  await page.goto(`${env.origin}/?session=cs_e2eEarly1#${secret}`);
  await settled(page);
  assert.equal(beforeWasm, true, 'the config was asked for before the wasm arrived');
  assert.equal(await text(page, '[data-testid=total]'), '$49.99');
  // The main module's first paint used the early answer, and the view (its chunk) took it over.
  await page.getByRole('button', { name: 'Pay $49.99' }).waitFor();
  await page.waitForTimeout(200);
  const api = env.mock.requests.filter(r => r.path === '/v1/hosted-sessions/cs_e2eEarly1');
  assert.equal(api.length, 1, 'one request: the first paint used the early one, and the view took its answer over');
  assert.equal(api[0].headers.authorization, `Bearer ${secret}`);
  assert.equal(page.url(), `${env.origin}/?session=cs_e2eEarly1`, 'fragment removed from the address bar');
  assert.equal(await page.evaluate(() => Symbol.for('session-view.early-request') in window), false, 'taken once, not left on the page');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a config that is already here is painted at once, with no skeleton flashed before it; a slow one gets the skeleton meanwhile', async () => {
  const watch = () => {
    window.__skeleton = false;
    new MutationObserver(() => { if (document.querySelector('[data-testid=loading]')) window.__skeleton = true; })
      .observe(document, { childList: true, subtree: true });
  };
  env.mock.setSession('cs_e2eNoFlash1', demo('card'));
  const fast = await openPage(env.browser, env.origin);
  await fast.page.addInitScript(watch);
  await fast.page.goto(`${env.origin}/?session=cs_e2eNoFlash1`);
  await settled(fast.page);
  assert.equal(await text(fast.page, '[data-testid=total]'), '$49.99');
  assert.equal(await fast.page.evaluate(() => window.__skeleton), false, 'no skeleton before the session');
  await fast.context.close();

  env.mock.setSession('cs_e2eNoFlash2', demo('card'));
  env.mock.fail('cs_e2eNoFlash2', { delayMs: 1500 });
  const slow = await openPage(env.browser, env.origin);
  await slow.page.addInitScript(watch);
  await slow.page.goto(`${env.origin}/?session=cs_e2eNoFlash2`);
  await slow.page.getByTestId('loading').waitFor();
  await settled(slow.page);
  assert.equal(await text(slow.page, '[data-testid=total]'), '$49.99');
  assert.deepEqual([fast.log.errors, slow.log.errors], [[], []]);
  await slow.context.close();
});

test('an early request for another session is aborted and not used', async () => {
  env.mock.setSession('cs_e2eEarly2', demo('card'));
  env.mock.setSession('cs_e2eEarlyOther', { ...demo('card'), amount: 1 });
  const { page, context } = await openPage(env.browser, env.origin);
  // What boot.js leaves for the view is swapped for a request for another session (as a
  // stale or foreign one would be).
  await page.addInitScript(() => {
    let slot;
    Object.defineProperty(window, Symbol.for('session-view.early-request'), {
      configurable: true,
      get: () => slot,
      set: () => {
        const abort = new AbortController();
        window.__foreignAbort = abort.signal;
        slot = { url: `${location.origin}/v1/hosted-sessions/cs_e2eEarlyOther`, withCredential: false, response: fetch('/v1/hosted-sessions/cs_e2eEarlyOther', { signal: abort.signal }).catch(() => {}), abort };
      },
    });
  });
  await page.goto(`${env.origin}/?session=cs_e2eEarly2`);
  await settled(page);
  assert.equal(await text(page, '[data-testid=total]'), '$49.99', 'the session of the URL, not the other one');
  assert.equal(await page.evaluate(() => window.__foreignAbort.aborted), true, 'the other request was aborted');
  await context.close();
});

test('a malformed session id is refused before any request', async () => {
  const { page, context } = await openPage(env.browser, env.origin);
  const before = env.mock.requests.length;
  await page.goto(`${env.origin}/?session=${encodeURIComponent('cs_../../admin')}`);
  await settled(page);
  assert.equal(await page.getAttribute('[data-testid=problem]', 'data-problem'), 'invalid-link');
  assert.match(await text(page, '[data-testid=problem]'), /This payment link isn't valid/);
  assert.ok(env.mock.requests.slice(before).every(r => !r.path.startsWith('/v1/')), 'no API request');
  await context.close();
});

for (const [status, problem, words] of [
  [401, 'not-authorized', /expired or isn't valid/],
  [403, 'not-authorized', /expired or isn't valid/],
  [404, 'not-found', /couldn't find this checkout/],
  [410, 'gone', /This checkout has expired/],
  [429, 'unreachable', /couldn't reach the payment service/],
  [500, 'unreachable', /couldn't reach the payment service/],
  [503, 'unreachable', /couldn't reach the payment service/],
]) {
  test(`HTTP ${status} shows a calm, specific message`, async () => {
    const id = `cs_e2eStatus${status}`;
    env.mock.setSession(id, demo('card'));
    // Transient statuses are retried (4 attempts in all): fail every one of them.
    const attempts = status === 429 || status >= 500 ? 4 : 1;
    for (let i = 0; i < attempts; i++) env.mock.fail(id, { status });
    const { page, context, log } = await openPage(env.browser, env.origin);
    await page.goto(`${env.origin}/?session=${id}`);
    await settled(page);
    assert.equal(await page.getAttribute('[data-testid=problem]', 'data-problem'), problem);
    assert.match(await text(page, '[data-testid=problem]'), words);
    assert.equal(await page.getAttribute('[data-testid=problem]', 'role'), 'alert');
    if (attempts === 1) {
      // No retry can mend it: the main module's first paint is the whole page (src/pages/hosted.rs).
      await page.waitForTimeout(300);
      assert.deepEqual(log.requests.filter(u => /\/(split|chunk)_\w+\.wasm$/.test(new URL(u).pathname)), [], 'no chunk downloaded');
    }
    await context.close();
  });
}

test('after a server error, "Try again" loads the session', async () => {
  env.mock.setSession('cs_e2eRetry1', demo('card'));
  for (let i = 0; i < 4; i++) env.mock.fail('cs_e2eRetry1', { status: 502 }); // every automatic attempt
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_e2eRetry1`);
  await settled(page);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('[data-testid=amount-due]');
  assert.equal(await text(page, '[data-testid=amount-due]'), '$49.99');
  await context.close();
});

for (const [label, raw] of [['not JSON', 'this is not json'], ['a JSON array', '[1,2,3]'], ['JSON null', 'null']]) {
  test(`a body that is ${label} shows "couldn't read this checkout"`, async () => {
    const id = `cs_e2eBad${label.replace(/\W/g, '')}`;
    env.mock.setSession(id, {}, { raw });
    const { page, context, log } = await openPage(env.browser, env.origin);
    await page.goto(`${env.origin}/?session=${id}`);
    await settled(page);
    assert.equal(await page.getAttribute('[data-testid=problem]', 'data-problem'), 'unreadable');
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('a hostile config renders as text: no script runs, nothing leaves the origin, warnings name fields only', async () => {
  env.mock.setSession('cs_e2eHostile1', demo('hostile'));
  const { page, context, log } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_e2eHostile1`);
  await settled(page);
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__fired), []);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(log.popups, []);
  assert.equal(log.navigations.length, 1);
  const bad = await page.evaluate(() => [...document.body.querySelectorAll('*')].flatMap(el =>
    [...el.attributes].filter(a => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map(a => `${el.tagName} ${a.name}`)
      .concat(/^(SCRIPT|IMG|SVG|IFRAME|FORM|OBJECT|EMBED)$/.test(el.tagName) ? [el.tagName] : [])
      .concat(el.tagName === 'INPUT' && !el.closest('.sv-choice, .sv-form') ? ['INPUT outside the view'] : [])));
  assert.deepEqual(bad, []);
  assert.match(await text(page, '.sv-description'), /<img src=x onerror=alert\('description'\)>/);
  const warnings = log.console.filter(m => m.type === 'warning').map(m => m.text);
  for (const field of ['session_id', 'amount', 'currency', 'branding.logo_url', 'branding.accent_color', 'saved_methods[0].id', 'saved_methods[0].last4']) {
    assert.ok(warnings.some(w => w.includes(`\`${field}\``)), `warning for ${field}: ${warnings.join(' | ')}`);
  }
  assert.ok(warnings.every(w => !w.includes('alert') && !w.includes('evil')), 'warnings never echo values');
  await context.close();
});

test('api_base comes from the page, never from the URL', async () => {
  env.mock.setSession('cs_e2eBase1', demo('card'));
  const { page, context, log } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_e2eBase1&api_base=https://evil.example&apiBase=https://evil.example`);
  await settled(page);
  assert.equal(await text(page, '[data-testid=amount-due]'), '$49.99');
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test('the demo gallery shows every state without a backend', async () => {
  const { page, context, log } = await openPage(env.browser, env.origin, { viewport: { width: 375, height: 800 } });
  await page.goto(`${env.origin}/`);
  await settled(page);
  assert.equal(await text(page, '[data-testid=amount-due]'), '$49.99', 'opens on the card demo');
  const expected = {
    ach: '[data-testid=save-consent]', hcaptcha: '[data-kind=hcaptcha]', turnstile: '[data-kind=turnstile]',
    sms: '[data-kind=sms]', email: '[data-kind=email]', wallet: '[data-testid=wallet]', completed: '[data-testid=completed]',
    expired: '[data-testid=expired]', jpy: 'text=¥3,300', kwd: 'text=KWD', long: '.sv-item >> nth=59',
    message: '[data-testid=page-message] h3', embedded: '.sv--embedded', partial: 'text=Amount unavailable',
    hostile: '.sv-description', broken: '[data-problem=unreadable]', card: 'text=Visa •••• 4242',
  };
  for (const [key, selector] of Object.entries(expected)) {
    await page.click(`[data-demo=${key}]`);
    await page.waitForSelector(selector, { timeout: 5000 });
    assert.equal(await page.getAttribute(`[data-demo=${key}]`, 'aria-pressed'), 'true');
    assert.ok(page.url().endsWith(`?demo=${key}`));
  }
  const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(noScroll, 'no horizontal scrolling at 375 px');
  assert.deepEqual(log.errors, []);
  // The only requests off this origin: the captcha demos asking for the providers' official
  // scripts (blocked here; with internet they load, and the test site keys work).
  assert.deepEqual(log.foreign, [HCAPTCHA, TURNSTILE]);
  assert.deepEqual(await page.evaluate(() => window.__fired), []);
  await context.close();
});

test('a panic anyway on the hosted page: the whole page becomes a calm message with the way forward', async () => {
  env.mock.setSession('cs_hostCrash1', demo('card'), { credential: 'cred_crash' });
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_hostCrash1#cred_crash`);
  await settled(page);
  await env.mock.patch('cs_hostCrash1', { amount: 6000, line_items: [...demo('card').line_items, { description: 'Cups', amount: 1001 }] });
  await page.evaluate(async () => {
    const original = Document.prototype.createElement;
    Document.prototype.createElement = function (tag, ...rest) { if (tag === 'li') throw new Error('refused'); return original.call(this, tag, ...rest); };
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // the page refreshes the session
    await new Promise(r => setTimeout(r, 1000));
    Document.prototype.createElement = original;
  });
  await page.waitForSelector('[data-testid=crashed]');
  assert.match(await text(page, 'body'), /^Something went wrong on this page\s*Nothing more will be sent from this page\..*go back to the merchant/);
  assert.equal(await page.locator('[data-testid=amount-due]').count(), 0);
  await context.close();
});
