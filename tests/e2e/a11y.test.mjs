// End-to-end accessibility: axe-core (from npm) inside headless Chromium on every demo state,
// light and dark, at 320 and 1280 CSS px, with the WCAG 2.0/2.1/2.2 A and AA rules. Zero
// violations allowed. Forms are opened so their fields are checked too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, settled, viewIn, axe } from './harness.mjs';

const DEMOS = ['card', 'ach', 'hcaptcha', 'turnstile', 'sms', 'email', 'wallet', 'completed', 'expired', 'jpy', 'kwd', 'long', 'message', 'embedded', 'partial', 'hostile', 'broken'];

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });


for (const scheme of ['light', 'dark']) {
  for (const width of [320, 1280]) {
    test(`axe: every demo state, ${scheme}, ${width} px: zero WCAG A/AA violations`, async () => {
      const { page, context } = await openPage(env.browser, env.origin, { viewport: { width, height: 900 } });
      await page.emulateMedia({ colorScheme: scheme });
      const found = [];
      for (const key of DEMOS) {
        await page.goto(`${env.origin}/?demo=${key}`);
        await settled(page);
        if (key === 'card') await page.getByLabel('Use a new card').check();
        if (key === 'ach') await page.getByLabel('Use a new bank account').check();
        if (key === 'wallet') await page.getByLabel('Bank account').check();
        for (const v of await axe(page)) found.push(`${key}: ${v}`);
        const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (scrolls) found.push(`${key}: scrolls horizontally at ${width} px`);
      }
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}

test('axe on a merchant page and inside the embedded view\'s frame, light and dark', async () => {
  env.mock.page('/a11y-shop.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head>
<body><main><h1>Shop</h1><div id="a"></div></main><script type="module">
import init, { mount } from '/session-view.js';
await init();
const demo = await (await fetch('/a11y-demo.json')).json();
mount(document.getElementById('a'), { config: { ...demo, layout: 'embedded' }, pollInterval: 0 });
window.ready = true;
</script></body></html>`);
  env.mock.page('/a11y-demo.json', fs.readFileSync(new URL('../../src/demo/card.json', import.meta.url), 'utf8'));
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openPage(env.browser, env.origin, { viewport: { width: 320, height: 900 } });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${env.origin}/a11y-shop.html`);
    await page.waitForFunction(() => window.ready === true);
    const view = await viewIn(page, '#a');
    await view.getByLabel('Use a new card').check();
    assert.deepEqual(await axe(page), [], `${scheme}: the merchant page (the frame has a name)`);
    assert.deepEqual(await axe(view), [], `${scheme}: inside the frame`);
    await context.close();
  }
});

test('the axe check can fail: an unlabeled button and an image without text are reported', async () => {
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/?demo=card`);
  await settled(page);
  await page.evaluate(() => { document.body.append(document.createElement('button')); const i = document.createElement('img'); i.src = 'data:,'; document.body.append(i); });
  const ids = (await axe(page)).map(v => v.split(' ')[0]);
  assert.deepEqual(ids.sort(), ['button-name', 'image-alt']);
  await context.close();
});

test('forced colors (Windows high contrast): every control keeps a visible edge; reduced motion stops the skeleton', async () => {
  const { page, context } = await openPage(env.browser, env.origin, { viewport: { width: 375, height: 900 } });
  await page.emulateMedia({ forcedColors: 'active' });
  for (const key of ['card', 'sms', 'wallet']) {
    await page.goto(`${env.origin}/?demo=${key}`);
    await settled(page);
    if (key === 'card') await page.getByLabel('Use a new card').check();
    const invisible = await page.evaluate(() => [...document.querySelectorAll('.sv button, .sv input, .sv select')].filter(el => {
      const s = getComputedStyle(el);
      const edge = ['Top', 'Right', 'Bottom', 'Left'].some(side => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) > 0);
      return !edge && el.type !== 'radio' && el.type !== 'checkbox'; // native radios keep their own forced-colors drawing
    }).map(el => el.outerHTML.slice(0, 80)));
    assert.deepEqual(invisible, [], `controls without an edge in forced colors on ${key}`);
    assert.deepEqual(await axe(page), [], `axe in forced colors on ${key}`);
  }
  await context.close();

  const o = await openPage(env.browser, env.origin);
  await o.page.emulateMedia({ reducedMotion: 'reduce' });
  env.mock.setSession('cs_a11ySlow1', JSON.parse(fs.readFileSync(new URL('../../src/demo/card.json', import.meta.url), 'utf8')));
  env.mock.fail('cs_a11ySlow1', { delayMs: 1500 });
  await o.page.goto(`${env.origin}/?session=cs_a11ySlow1`);
  await o.page.waitForSelector('[data-testid=loading]');
  assert.equal(await o.page.evaluate(() => getComputedStyle(document.querySelector('.sv-skel')).animationName), 'none');
  await o.context.close();
});
