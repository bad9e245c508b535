// The sanitiser module (ammonia, most of the bytes) is off the payer's critical path: it is
// fetched only when a config has a page_message, after the amount and the methods are shown;
// it is integrity-checked like the main module; and when it cannot load, the payer reads a
// calm line and can still pay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, settled, fillCard, viewIn } from './harness.mjs';

const dist = new URL('../../dist/', import.meta.url);
const demo = key => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${key}.json`, import.meta.url), 'utf8'));
const MESSAGE = '<p>Thanks! Read our <a href="https://shop.test/returns">returns policy</a>.</p>';
const isSanitizer = url => /session-view-sanitizer(_bg\.wasm|\.js)$/.test(new URL(url).pathname);

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

test('without a page_message the sanitiser is never fetched; with one it loads after the total is shown', async () => {
  env.mock.setSession('cs_sanNone1', { ...demo('card'), page_message: undefined });
  env.mock.setSession('cs_sanMsg1', { ...demo('card'), page_message: MESSAGE });
  const { page, context, log } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?session=cs_sanNone1`);
  await settled(page);
  await page.waitForTimeout(300);
  assert.deepEqual(log.requests.filter(isSanitizer), [], 'no message, no sanitiser');
  assert.equal(await page.locator('[data-testid=page-message]').count(), 0);

  await page.addInitScript(() => {
    window.__seen = {};
    const check = () => {
      window.__seen.total ??= document.querySelector('[data-testid=total]') ? performance.now() : undefined;
      window.__seen.message ??= document.querySelector('[data-testid=page-message] a') ? performance.now() : undefined;
      if (window.__seen.message === undefined) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.goto(`${env.origin}/?session=cs_sanMsg1`);
  await page.locator('[data-testid=page-message] a').waitFor();
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.total <= seen.message, `the total (${seen.total}) did not wait for the message (${seen.message})`);
  assert.equal(log.requests.filter(isSanitizer).length, 2, 'the module and its wasm, once');
  assert.equal(await page.locator('[data-testid=page-message] a').getAttribute('rel'), 'noopener noreferrer');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('while the sanitiser module loads, the message\'s words are already there to read, as plain text in its reserved place', async () => {
  env.mock.setSession('cs_sanSlow1', { ...demo('card'), page_message: '<p>Thanks! <script>alert(1)</script>Read our <a href="https://shop.test/returns">returns&nbsp;policy</a>.</p>' });
  const { page, context, log } = await openPage(env.browser, env.origin);
  let release;
  const held = new Promise(r => { release = r; });
  await context.route(/session-view-sanitizer_bg\.wasm$/, async route => { await held; return route.fallback(); });
  await page.goto(`${env.origin}/?session=cs_sanSlow1`);
  const message = page.locator('[data-testid=page-message]');
  await message.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=page-message]')?.textContent.includes('Read our'));
  assert.equal((await message.textContent()).replace(/\s+/g, ' '), 'Thanks! Read our returns policy .', 'the words, nothing from the script');
  assert.equal(await message.locator('*').count(), 0, 'no element from the merchant\'s HTML before it is sanitised');
  assert.equal(await message.getAttribute('aria-busy'), 'true');
  release();
  await message.getByRole('link', { name: 'returns policy' }).waitFor();
  assert.equal(await message.getAttribute('aria-busy'), null);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

for (const [what, breakIt] of [
  ['blocked', async context => context.route(/session-view-sanitizer/, route => route.abort())],
  ['tampered (its wasm fails the integrity check)', async () => {
    const b = Buffer.from(fs.readFileSync(new URL('session-view-sanitizer_bg.wasm', dist)));
    b[b.length - 1] ^= 1;
    env.mock.override('/session-view-sanitizer_bg.wasm', b);
  }],
]) {
  test(`a sanitiser module that is ${what}: a calm line in the message's place, and the payer can still pay`, async () => {
    env.mock.setSession('cs_sanBad1', { ...demo('card'), page_message: MESSAGE });
    const { page, context } = await openPage(env.browser, env.origin);
    await breakIt(context);
    try {
      await page.goto(`${env.origin}/?session=cs_sanBad1`);
      await page.locator('[data-testid=page-message-unavailable]').waitFor();
      assert.equal(await page.textContent('[data-testid=page-message-unavailable]'), "The merchant's message couldn't be shown.");
      assert.equal(await page.locator('[data-testid=page-message]').count(), 0);
      await page.locator('[data-testid=method-option] input').last().check();
      await fillCard(page, { card: '4242424242424242', cvc: '123' });
      await page.click('[data-testid=confirm]');
      await page.waitForSelector('[data-testid=completed]');
    } finally {
      env.mock.override('/session-view-sanitizer_bg.wasm', null);
      await context.close();
    }
  });
}

test('the release pins the sanitiser: its JS in the import map, its wasm hash in the loader', async () => {
  const html = fs.readFileSync(new URL('index.html', dist), 'utf8');
  const map = JSON.parse(html.match(/<script type="importmap">(.*?)<\/script>/s)[1]);
  assert.match(map.integrity['./session-view-sanitizer.js'], /^sha384-/);
  const loader = fs.readdirSync(new URL('snippets/', dist), { recursive: true }).find(f => f.endsWith('sanitizer-loader.js'));
  const text = fs.readFileSync(new URL('snippets/' + loader, dist), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(new URL('manifest.json', dist), 'utf8'));
  assert.ok(text.includes(`'${manifest.files['session-view-sanitizer_bg.wasm']}'`), 'the loader carries the wasm hash');
  assert.ok(!text.includes('__SANITIZER_WASM_SHA384__'));
});

test('embedded on a merchant page, the view finds the sanitiser beside its own module and shows the message', async () => {
  env.mock.page('/san-shop.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head>
<body><div id="a"></div><script type="module">
import init, { mount } from '/session-view.js';
await init();
const demo = await (await fetch('/san-demo.json')).json();
mount(document.getElementById('a'), { config: { ...demo, layout: 'embedded', page_message: ${JSON.stringify(MESSAGE)} }, pollInterval: 0 });
</script></body></html>`);
  env.mock.page('/san-demo.json', JSON.stringify(demo('card')));
  const { page, context, log } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/san-shop.html`);
  const view = await viewIn(page, '#a');
  await view.locator('[data-testid=page-message] a').waitFor();
  assert.equal(log.requests.filter(isSanitizer).length, 2);
  assert.deepEqual(log.errors, []);
  await context.close();
});
