// The merchant's package as a merchant gets it: `npm pack` of packages/session-view, installed
// from its tarball into a scratch app, bundled with esbuild from the lock file, served from
// another origin under a strict CSP with no 'wasm-unsafe-eval' and Trusted Types enforced, and
// driven in Chromium; the same app in React 19 StrictMode; its import on a server; its types
// through `tsc`.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, openPage, viewIn, fillCard } from './harness.mjs';
import { merchantApp } from '../merchant/app.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const demo = name => JSON.parse(fs.readFileSync(path.join(root, 'src', 'demo', `${name}.json`), 'utf8'));
const SECRET = 'cred_PKG_s3cr3t';
const CARD = '4000056655665556';
let env, merchant, app, shop;

before(async () => {
  env = await start();
  shop = await merchantApp({ view: env.origin, sessionId: 'cs_pkgShop1', credential: SECRET });
  ({ origin: merchant, app } = shop);
  env.mock.allowFraming(merchant);
});
after(async () => { await env.stop(); shop?.close(); });
beforeEach(() => env.mock.reset());

/** A page of the merchant's that records every CSP violation it sees. */
async function merchantPage() {
  const o = await openPage(env.browser, env.origin, { allow: [merchant] });
  await o.page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', e => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return o;
}

test('the package, installed from its tarball and bundled: a payer pays with a new card under a CSP without wasm-unsafe-eval, with no violation', async () => {
  env.mock.setSession('cs_pkgShop1', demo('card'), { credential: SECRET });
  const { page, context, log } = await merchantPage();
  await page.goto(`${merchant}/control.html`);
  await page.waitForSelector('#ran', { state: 'attached' });
  assert.deepEqual(await page.evaluate(() => [window.inline, window.violations.length > 0]), [undefined, true], 'control: the policy is enforced and its violations are heard');
  await page.goto(`${merchant}/shop.html`);
  const view = await viewIn(page, '#checkout');
  await fillCard(view, { card: CARD, cvc: '737' });
  await view.click('[data-testid=confirm]');
  await page.waitForFunction(() => window.events.some(e => e.name === 'completed'), null, { timeout: 15000 });
  assert.deepEqual(env.mock.confirms[0].body.payment_method.card, { number: CARD, exp_month: 12, exp_year: 2030, cvc: '737', name: 'Jordan Lee' });
  assert.deepEqual(await page.evaluate(() => window.violations), [], 'no CSP violation on the merchant page');
  assert.deepEqual(await page.evaluate(() => window.events.map(e => e.name)), ['ready', 'completed']);
  assert.ok(!log.requests.some(u => u.endsWith('.wasm') && u.startsWith(merchant)), 'the merchant page loads no wasm');
  assert.ok(!log.requests.some(u => u.startsWith(merchant) && u.includes(SECRET)), 'no credential in any URL');
  const bundle = Buffer.byteLength(shop.files['/shop.js']);
  console.log(`# the merchant's bundle with the package: ${(bundle / 1024).toFixed(1)} KB minified`);
  await context.close();
});

test('a wrong origin, element or option is a typed error the page can catch, and the page is untouched', async () => {
  env.mock.setSession('cs_pkgShop1', demo('card'), { credential: SECRET });
  const { page, context, log } = await merchantPage();
  await page.goto(`${merchant}/shop.html`);
  await viewIn(page, '#checkout');
  const codes = await page.evaluate(async view => {
    const code = async f => { try { await f(); return 'no error'; } catch (e) { return `${e.name}:${e.code}`; } };
    const sv = await window.loadSessionView({ origin: view });
    const spare = document.createElement('div');
    return [
      await code(() => window.loadSessionView({ origin: 'pay.example' })),
      await code(() => window.loadSessionView({ origin: `${view}/v1` })),
      await code(() => window.loadSessionView({ origin: location.origin })),
      await code(() => sv.mount(null, { sessionId: 'cs_a1' })),
      await code(() => sv.mount(spare, { sessionId: 42 })),
      await code(() => sv.mount(spare, { sessionId: 'cs_a1', timeoutMs: 5 })),
      await code(() => sv.mount(spare, { config: 'not an object' })),
      spare.shadowRoot === null ? 'untouched' : 'touched',
    ];
  }, env.origin);
  assert.deepEqual(codes, ['SessionViewError:invalid-origin', 'SessionViewError:invalid-origin', 'SessionViewError:same-origin', 'SessionViewError:invalid-element',
    'SessionViewError:invalid-options', 'SessionViewError:invalid-options', 'SessionViewError:invalid-config', 'untouched']);
  assert.deepEqual(log.errors, [], 'no uncaught exception');
  await context.close();
});

test('React 19 StrictMode: one frame, events once each, and the payer pays', async () => {
  env.mock.setSession('cs_pkgShop1', demo('card'), { credential: SECRET });
  const { page, context } = await merchantPage();
  await page.goto(`${merchant}/react.html`);
  const view = await viewIn(page, '.checkout');
  assert.equal(await page.evaluate(() => document.querySelector('.checkout').shadowRoot.querySelectorAll('iframe').length), 1, 'mount → unmount → mount leaves one frame');
  await view.click('[data-testid=confirm]'); // the default saved card
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'Thank you', null, { timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => window.events.map(e => e.name)), ['ready', 'completed']);
  assert.equal(env.mock.confirms.length, 1);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});

test('on a server, importing the package does nothing and loading it gives null', () => {
  const script = "const m = await import('@session-view/js'); await import('@session-view/js/react'); console.log(String(await m.loadSessionView({ origin: 'https://pay.example' })))";
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
  assert.equal(out.trim(), 'null');
});

test('tsc: the typed events, options and submit() check, and wrong uses do not', () => {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const config = file => { const p = path.join(app, `tsconfig.${file}.json`); fs.writeFileSync(p, JSON.stringify({ extends: './tsconfig.json', files: [`src/${file}.ts`] })); return p; };
  execFileSync(tsc, ['-p', config('types-good')], { cwd: app, encoding: 'utf8' });
  let out = '';
  try { execFileSync(tsc, ['-p', config('types-bad')], { cwd: app, encoding: 'utf8' }); } catch (e) { out = `${e.stdout}${e.stderr}`; }
  assert.match(out, /amout/, 'the misspelt field is an error');
  assert.match(out, /null/, 'a nullable status taken as a string is an error');
  assert.match(out, /'missing' does not exist/, 'a submit result read without its outcome is an error');
  assert.match(out, /'string' is not assignable to type 'boolean \| undefined'/, 'a Pay button option that is not a boolean is an error');
});
