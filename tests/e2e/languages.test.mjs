// Languages end to end: the release build in headless Chromium picks the payer's language
// from the mount option or `?locale=`, else the browser's languages, else English; Arabic
// is right to left, mirrored, and still passes axe; nothing the payer reads stays in
// English in another language; and the view reflows at 200 % zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { start, openPage, settled, text, viewIn } from './harness.mjs';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DEMOS = ['card', 'ach', 'hcaptcha', 'turnstile', 'sms', 'email', 'wallet', 'completed', 'expired', 'jpy', 'kwd', 'long', 'message', 'embedded', 'partial', 'hostile', 'broken'];

// The English catalogue, read from the source: every message without a placeholder, long
// enough not to be a word another language shares ("Total").
const ENGLISH = [...fs.readFileSync(new URL('../../crates/core/src/i18n/mod.rs', import.meta.url), 'utf8')
  .matchAll(/^\s+(\w+) = "(.*)",$/gm)].map(m => m[2]).filter(t => !t.includes('{') && t.length > 8);

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

/** Opens every form a demo has, whatever the language: the new-method option is the last radio. */
async function openForms(page, key) {
  if (key === 'card' || key === 'ach') await page.locator('[data-testid=method-option] input').last().check();
  if (key === 'wallet') await page.locator('.sv-wallet input[type=radio]').last().check();
}

const PAY = { en: 'Pay $49.99', es: 'Pagar 49,99 US$', fr: 'Payer 49,99 $US', de: '49,99 $ bezahlen', 'pt-BR': 'Pagar US$ 49,99', ja: '$49.99 を支払う', ar: 'ادفع' };

for (const [tag, pay] of Object.entries(PAY)) {
  test(`?locale=${tag}: the page, its title and the view read ${tag}; no English is left`, async () => {
    const { page, context, log } = await openPage(env.browser, env.origin);
    await page.goto(`${env.origin}/?demo=card&locale=${tag}`);
    await settled(page);
    await openForms(page, 'card');
    const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, title: document.title }));
    assert.equal(html.lang, tag);
    assert.equal(html.dir, tag === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await page.getAttribute('.sv', 'dir'), html.dir);
    assert.ok((await text(page, '[data-testid=confirm]')).startsWith(pay), `${await text(page, '[data-testid=confirm]')} starts with ${pay}`);
    if (tag !== 'en') {
      const shown = await page.locator('.sv').innerText();
      const english = ENGLISH.filter(t => shown.includes(t));
      assert.deepEqual(english, [], `English left in ${tag}`);
      assert.notEqual(html.title, 'Checkout');
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('no ?locale=: the browser\'s languages decide (fr-FR reads French, zh-CN falls back to English)', async () => {
  for (const [locale, heading, lang] of [['fr-FR', 'Payer Larkspur Tea', 'fr'], ['zh-CN', 'Pay Larkspur Tea', 'en'], ['de-AT', 'An Larkspur Tea zahlen', 'de']]) {
    const { page, context } = await openPage(env.browser, env.origin, { locale });
    await page.goto(`${env.origin}/?demo=card`);
    await settled(page);
    assert.equal(await text(page, '.sv-summary h1'), heading, locale);
    assert.equal(await page.getAttribute('.sv', 'lang'), lang, locale);
    await context.close();
  }
});

test('the hosted page and its problems speak the payer\'s language', async () => {
  env.mock.setSession('cs_lang1', JSON.parse(fs.readFileSync(new URL('../../src/demo/card.json', import.meta.url), 'utf8')));
  const { page, context } = await openPage(env.browser, env.origin, { locale: 'es-ES' });
  await page.goto(`${env.origin}/?session=cs_lang1`);
  await settled(page);
  assert.equal(await text(page, '.sv-summary h1'), 'Pagar a Larkspur Tea');
  await page.goto(`${env.origin}/?session=not-an-id&locale=de`);
  await page.waitForSelector('[data-testid=problem]');
  assert.equal(await text(page, '[data-testid=problem] h1'), 'Dieser Zahlungslink ist ungültig');
  await page.goto(`${env.origin}/?session=cs_missing404&locale=ja`);
  await page.waitForSelector('[data-testid=problem]');
  assert.equal(await text(page, '[data-testid=problem] h1'), 'このお支払いが見つかりませんでした');
  await context.close();
});

test('embedded with the locale mount option: Japanese inside the frame, the merchant page untouched', async () => {
  env.mock.page('/lang-shop.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head>
<body><main><h1>Shop</h1><div id="a"></div><div id="b"></div></main><script type="module">
import init, { mount } from '/session-view.js';
await init();
const demo = await (await fetch('/lang-demo.json')).json();
mount(document.getElementById('a'), { config: { ...demo, layout: 'embedded' }, pollInterval: 0, locale: 'ja' });
mount(document.getElementById('b'), { config: { ...demo, layout: 'embedded' }, pollInterval: 0, locale: 'ar' });
window.ready = true;
</script></body></html>`);
  env.mock.page('/lang-demo.json', fs.readFileSync(new URL('../../src/demo/card.json', import.meta.url), 'utf8'));
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/lang-shop.html`);
  await page.waitForFunction(() => window.ready);
  const a = await viewIn(page, '#a');
  const b = await viewIn(page, '#b');
  assert.equal(await text(a, '[data-testid=confirm]'), '$49.99 を支払う');
  assert.equal(await b.getAttribute('.sv', 'dir'), 'rtl', 'two views, two languages on one page');
  assert.deepEqual(await b.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl'], 'the frame\'s document follows its view');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('iframe').title), 'お支払い', 'the frame is named in the view\'s language');
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title]), ['en', '', 'shop']);
  await context.close();
});

test('embedded, a problem before any session (an API the frame refuses): the frame\'s document is in the view\'s language too', async () => {
  env.mock.page('/lang-bad.html', `<!doctype html><html lang="en"><body><div id="a"></div><script type="module">
import init, { mount } from '/session-view.js';
await init();
mount(document.getElementById('a'), { sessionId: 'cs_langBad1', apiBase: 'https://elsewhere.test', pollInterval: 0, locale: 'ar' });
</script></body></html>`);
  const { page, context } = await openPage(env.browser, env.origin);
  await page.goto(`${env.origin}/lang-bad.html`);
  const view = await viewIn(page, '#a');
  assert.equal(await view.getAttribute('[data-testid=problem]', 'data-problem'), 'unreachable');
  assert.deepEqual(await view.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
  await context.close();
});

test('Arabic: every demo state mirrored, zero axe violations, no horizontal scroll at 320 px, light and dark', async () => {
  const found = [];
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openPage(env.browser, env.origin, { viewport: { width: 320, height: 900 }, locale: 'ar' });
    await page.emulateMedia({ colorScheme: scheme });
    for (const key of DEMOS) {
      await page.goto(`${env.origin}/?demo=${key}`);
      await settled(page);
      await openForms(page, key);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async tags => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return r.violations.map(v => `${v.id}: ${v.nodes.slice(0, 2).map(n => n.target.join(' ')).join(' | ')}`);
      }, TAGS);
      for (const v of violations) found.push(`${scheme} ${key}: ${v}`);
      if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) found.push(`${scheme} ${key}: scrolls horizontally`);
    }
    // Mirrored: the summary's amount column is on the left; the card number still reads left to right.
    await page.goto(`${env.origin}/?demo=card`);
    await settled(page);
    await openForms(page, 'card');
    const layout = await page.evaluate(() => {
      const box = s => document.querySelector(s).getBoundingClientRect();
      const number = document.querySelector('input[autocomplete=cc-number]');
      return { amount: box('.sv-item-amount').left, name: box('.sv-item-name').left, numberDir: getComputedStyle(number).direction };
    });
    assert.ok(layout.amount < layout.name, `mirrored: ${JSON.stringify(layout)}`);
    assert.equal(layout.numberDir, 'ltr');
    await page.locator('input[autocomplete=cc-number]').fill('4242424242424242');
    assert.equal(await page.inputValue('input[autocomplete=cc-number]'), '4242 4242 4242 4242');
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('200 % zoom (a 1280 px window is 640 CSS px at 2 device pixels each): every state reflows, English and Arabic', async () => {
  const found = [];
  for (const locale of ['en-US', 'ar']) {
    const { page, context } = await openPage(env.browser, env.origin, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, locale });
    for (const key of DEMOS) {
      await page.goto(`${env.origin}/?demo=${key}`);
      await settled(page);
      await openForms(page, key);
      const overflow = await page.evaluate(() => {
        const wide = [...document.querySelectorAll('.sv *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 || e.getBoundingClientRect().left < -1);
        return { scrolls: document.documentElement.scrollWidth > window.innerWidth, wide: wide.slice(0, 3).map(e => e.className || e.tagName) };
      });
      if (overflow.scrolls || overflow.wide.length) found.push(`${locale} ${key}: ${JSON.stringify(overflow)}`);
    }
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('at 320 px in every language, light and dark: "MM / YY", masked numbers and hints never break; the alert mark and a disabled card show', async () => {
  const found = [];
  /** In the page: what breaks or cannot be seen. `needles`: [selector, text that must sit on one line]. */
  const inspect = ({ needles, styles }) => {
    const out = [];
    for (const [selector, needle] of needles) {
      const root = document.querySelector(selector);
      const walker = root && document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let verdict = `"${needle}" not in ${selector}`;
      for (let n = walker?.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.replace(/\s/g, ' ').indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        verdict = tops.size === 1 ? null : `"${needle}" in ${selector} breaks over ${tops.size} lines`;
        break;
      }
      if (verdict) out.push(verdict);
    }
    if (styles) {
      // The alert's "!" against its own circle, and the circle against the alert.
      const alert = document.createElement('p');
      alert.className = 'sv-alert';
      alert.textContent = 'x';
      document.querySelector('.sv-main').append(alert);
      const mark = getComputedStyle(alert, '::before');
      if (mark.color === mark.backgroundColor || mark.backgroundColor === getComputedStyle(alert).backgroundColor) out.push(`alert mark invisible: ${mark.color} on ${mark.backgroundColor}`);
      alert.remove();
      const disabled = document.querySelector('[data-testid=method-option] input:disabled');
      if (!disabled || Number(getComputedStyle(disabled).opacity) > 0.5) out.push('an expired card\'s radio looks like the others');
    }
    return out;
  };
  for (const scheme of ['light', 'dark']) {
    for (const tag of Object.keys(PAY)) {
      const { page, context } = await openPage(env.browser, env.origin, { viewport: { width: 320, height: 900 } });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${env.origin}/?demo=card&locale=${tag}`);
      await settled(page);
      await openForms(page, 'card');
      const fmt = { de: 'MM / JJ', es: 'MM / AA', fr: 'MM / AA', 'pt-BR': 'MM / AA' }[tag] || 'MM / YY';
      const card = await page.evaluate(inspect, { needles: [['label[for$=expiry]', fmt], ['.sv-main', '•••• 4444']], styles: true });
      await page.goto(`${env.origin}/?demo=sms&locale=${tag}`);
      await settled(page);
      const sms = await page.evaluate(inspect, { needles: [['[data-testid=challenge]', '--1234']] });
      found.push(...[...card, ...sms].map(p => `${scheme} ${tag}: ${p}`));
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});
