// End-to-end security evidence: the release is pinned (SRI) and checkable after deployment;
// links in page_message cannot reach the checkout; and no secret (credential, card number,
// security code, one-time code) appears anywhere but the requests to the API that need it.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, fillCard, viewIn, text, DIST } from './harness.mjs';
import { verifyDeploy } from '../../tools/verify-deploy.mjs';

const dist = DIST;
const manifest = () => JSON.parse(fs.readFileSync(new URL('manifest.json', dist), 'utf8'));
const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });
beforeEach(() => {
  env.mock.reset();
  for (const f of ['/session-view-app_bg.wasm', '/session-view-app.js', '/session-view.js']) env.mock.override(f, null);
});

test('the deployment check passes on the release and names every tampered file or header', async () => {
  const m = manifest();
  for (const f of ['index.html', 'boot.js', 'session-view-app.js', 'session-view-app_bg.wasm', 'main.css']) assert.match(m.files[f], /^sha384-/);
  assert.deepEqual(await verifyDeploy(env.origin, m), []);
  env.mock.override('/session-view-app.js', fs.readFileSync(new URL('session-view-app.js', dist), 'utf8') + '\n// injected skimmer');
  const problems = await verifyDeploy(env.origin, { ...m, headers: { ...m.headers, 'Referrer-Policy': 'no-referrer-when-downgrade' } });
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /^session-view-app\.js: content differs/);
  assert.match(problems[1], /^page header Referrer-Policy/);
});

for (const [file, tamper] of [
  ['/session-view-app_bg.wasm', b => { const c = Buffer.from(b); c[c.length - 1] ^= 1; return c; }],
  ['/session-view-app.js', b => Buffer.concat([b, Buffer.from('\nwindow.skimmed = true;')])],
]) {
  test(`a tampered ${file.slice(1)} is refused by the browser (SRI) and the payer gets a calm message`, async () => {
    env.mock.override(file, tamper(fs.readFileSync(new URL('.' + file, dist))));
    env.mock.setSession('cs_secTamper1', demo('card'));
    const { page, context } = await openPage(env.browser, env.origin);
    await page.goto(`${env.origin}/?session=cs_secTamper1`);
    await page.waitForSelector('.sv-boot-failed');
    assert.match(await page.textContent('.sv-boot-failed'), /could not start.*Nothing has been charged/);
    assert.equal(await page.evaluate(() => window.skimmed), undefined, 'the tampered script never ran');
    assert.equal(await page.locator('[data-testid=amount-due]').count(), 0);
    await context.close();
  });
}

// SECURITY.md, "The CSP a merchant page needs": a merchant page pins the merchant's module
// (session-view.js, plain JavaScript) with an import map's integrity. Pinned so, the view
// mounts; a tampered module never runs.
function pinnedShop() {
  const m = manifest();
  const importMap = JSON.stringify({ imports: {}, integrity: { '/session-view.js': m.files['session-view.js'] } });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title><script type="importmap">${importMap}</script></head>
<body><div id="a"></div><script type="module">
try {
  const { mount } = await import('/session-view.js');
  mount(document.getElementById('a'), { config: { status: 'active', amount: 1200, currency: 'usd', layout: 'embedded' }, pollInterval: 0 });
  window.outcome = 'mounted';
} catch { window.outcome = 'refused'; }
</script></body></html>`;
}

for (const [file, tamper] of [
  [null, null],
  ['/session-view.js', b => Buffer.concat([b, Buffer.from('\nwindow.skimmed = true;')])],
]) {
  test(file ? `a merchant page that pins the merchant's module refuses a tampered ${file.slice(1)}` : "a merchant page that pins the merchant's module as SECURITY.md says mounts the view", async () => {
    if (file) env.mock.override(file, tamper(fs.readFileSync(new URL('.' + file, dist))));
    env.mock.page('/pinned-shop.html', pinnedShop());
    const { page, context } = await openPage(env.browser, env.origin);
    await page.goto(`${env.origin}/pinned-shop.html`);
    await page.waitForFunction(() => window.outcome !== undefined);
    assert.equal(await page.evaluate(() => window.outcome), file ? 'refused' : 'mounted');
    assert.equal(await page.evaluate(() => window.skimmed), undefined, 'a tampered script never ran');
    if (!file) assert.equal(await text(await viewIn(page, '#a'), '[data-testid=amount-due]'), '$12.00');
    await context.close();
  });
}

test('a page_message link opens a new browsing context without opener or referrer; the checkout stays', async () => {
  env.mock.setSession('cs_secLink1', { ...demo('card'), page_message: '<p>Read the <a href="https://shop.test/terms">terms</a></p>' });
  const { page, context, log } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_secLink1`);
  const link = page.locator('[data-testid=page-message] a');
  await link.waitFor();
  assert.deepEqual(await link.evaluate(a => [a.target, a.rel, a.referrerPolicy]), ['_blank', 'noopener noreferrer', 'no-referrer']);
  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
  assert.equal(await popup.evaluate(() => window.opener), null, 'no window.opener');
  assert.equal(page.url(), `${env.origin}/?session=cs_secLink1`, 'the checkout did not navigate');
  assert.ok(log.popups.length === 1);
  await context.close();
});

test('no secret anywhere: a whole pay flow with a credential, card number, security code and one-time code', async () => {
  const CRED = 'cred_SECRET_9f8e7d';
  const CARD = '4000056655665556';
  const CVC = '737';
  const CODE = '482913';
  const id = 'cs_secFlow1';
  env.mock.setSession(id, { ...demo('card'), challenge: { type: 'sms', delivery_hint: '--1234', code_sent: true } }, { credential: CRED });
  env.mock.scriptChallenge(id, { code: CODE });
  const { page, context, log } = await openPage(env.browser, env.origin);
  const requests = [];
  page.on('request', r => requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() || '' }));
  await page.addInitScript(() => {
    window.__events = [];
    for (const n of ['ready', 'change', 'confirm', 'completed', 'expired', 'error'])
      document.addEventListener(`sv-${n}`, e => window.__events.push([n, JSON.stringify(e.detail ?? null)]), true);
    window.__history = [];
    for (const fn of ['pushState', 'replaceState']) {
      const original = history[fn].bind(history);
      history[fn] = (state, title, url) => { window.__history.push([fn, JSON.stringify(state), String(url ?? '')]); return original(state, title, url); };
    }
  });
  await page.goto(`${env.origin}/?session=${id}#${CRED}`);
  await page.getByLabel('Verification code').fill(CODE);
  await page.click('[data-testid=code-verify]');
  await page.waitForSelector('text=Verified. You can now pay.');
  await fillCard(page, { card: CARD, cvc: CVC });
  await page.click('[data-testid=confirm]');
  await page.waitForSelector('[data-testid=completed]');

  // The requests that need them: the credential as a Bearer header on API calls; the card in
  // the confirm body; the code in the verify body. Nothing else carries any of them.
  const api = `${env.origin}/v1/hosted-sessions/${id}`;
  const needs = r => (r.method === 'POST' && r.url === `${api}/confirm`) ? [CARD, CVC] : (r.method === 'POST' && r.url === `${api}/challenge/verify`) ? [CODE] : [];
  for (const r of requests) {
    const allowed = needs(r);
    const { authorization, ...otherHeaders } = r.headers;
    if (authorization !== undefined) {
      assert.ok(r.url.startsWith(api), `credential sent to ${r.url}`);
      assert.equal(authorization, `Bearer ${CRED}`);
    }
    // The server's own address is not a secret: drop it first, so a port such as :40737 is not
    // mistaken for the security code 737.
    const seen = JSON.stringify([r.url, otherHeaders, r.body]).split(new URL(env.origin).host).join('<origin>');
    for (const s of [CRED, CARD, CVC + '"', CODE].filter(s => !allowed.some(a => s.startsWith(a)))) assert.ok(!seen.includes(s), `${s} in ${r.method} ${r.url}`);
  }
  assert.ok(requests.some(r => r.url === `${api}/confirm` && r.body.includes(CARD)), 'the card did reach the API');
  const page_state = await page.evaluate(() => ({
    events: window.__events, history: window.__history, href: location.href, length: history.length, title: document.title,
    local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), cookies: document.cookie,
    inputs: [...document.querySelectorAll('input')].map(i => i.value), text: document.body.innerText,
  }));
  assert.ok(!page_state.href.includes('#'), 'the credential left the address bar');
  const elsewhere = JSON.stringify([log.console, log.errors, page_state]);
  for (const s of [CRED, CARD, '4000 0566 5566 5556', CODE]) assert.ok(!elsewhere.includes(s), `${s} leaked outside the API requests`);
  assert.ok(!page_state.inputs.includes(CVC));
  await context.close();
});
