// The view is split into lazily loaded wasm chunks (issue #14): the main module draws the
// first paint without Leptos (src/first_paint.rs) and the whole Leptos view with the pay form is a
// chunk (src/pages/hosted.rs), the wallet another (src/view/parts.rs). Each state downloads only
// what it shows, the payer's language only, and a chunk that cannot arrive (offline, blocked,
// tampered) leaves a calm message with Try again in its place, never a panic or an endless
// spinner.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { start, openPage, settled, text, fillCard, DIST } from './harness.mjs';

const dist = DIST;
const demo = name => JSON.parse(fs.readFileSync(new URL(`../../src/demo/${name}.json`, import.meta.url), 'utf8'));
const manifest = () => JSON.parse(fs.readFileSync(new URL('manifest.json', dist), 'utf8'));
const chunkOf = url => /\/((?:split|chunk)_[\w-]+\.wasm)$/.exec(new URL(url).pathname)?.[1];
const chunksFetched = log => [...new Set(log.requests.map(chunkOf).filter(Boolean))].sort();
const UNAVAILABLE = "This part of the checkout didn't load. Nothing has been charged, and what you entered is kept. Check your connection and try again.";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });
beforeEach(() => env.mock.reset());

async function hosted(id, config, { block = () => false, locale } = {}) {
  env.mock.setSession(id, config);
  const o = await openPage(env.browser, env.origin);
  o.blocked = [];
  await o.context.route(/\.wasm$/, route => {
    const file = chunkOf(route.request().url());
    if (file && block(file)) {
      o.blocked.push(file);
      return route.abort('internetdisconnected');
    }
    return route.fallback();
  });
  await o.page.goto(`${env.origin}/?session=${id}${locale ? `&locale=${locale}` : ''}`);
  await settled(o.page);
  return o;
}

test('every chunk the build writes is pinned: its SHA-384 is in manifest.json and in the loader that fetches it', () => {
  const { files } = manifest();
  const chunks = Object.keys(files).filter(f => chunkOf(`http://x/${f}`));
  assert.ok(chunks.length >= 10, `the build has its chunks (${chunks.length})`);
  const loader = fs.readFileSync(new URL('__wasm_split.js', dist), 'utf8');
  for (const c of chunks) assert.ok(loader.includes(`fetch(new URL("./${c}", import.meta.url), { integrity: "${files[c]}" })`), `${c} is fetched with its integrity`);
  const index = fs.readFileSync(new URL('index.html', dist), 'utf8');
  assert.ok(index.includes(`"./__wasm_split.js":"${files['__wasm_split.js']}"`), 'the loader itself is pinned by the import map');
});

test('each state downloads only its own chunks, and a payer only their language', async () => {
  const cases = [
    ['card', 'cs_chkCard1', undefined, ['split_view.wasm'], /split_(wallet|gallery|frame|i18n_)/],
    ['wallet', 'cs_chkWal1', undefined, ['split_view.wasm', 'split_wallet.wasm'], /split_(gallery|frame|i18n_)/],
    // The status views are the main module's first paint, and nothing on them changes any
    // more: a completed session needs no chunk at all.
    ['completed', 'cs_chkDone1', undefined, [], /(split|chunk)_/],
    ['card', 'cs_chkDe1', 'de', ['split_i18n_de.wasm', 'split_view.wasm'], /split_(wallet|gallery|frame|i18n_(?!de))/],
  ];
  for (const [name, id, locale, wanted, unwanted] of cases) {
    const { page, context, log } = await hosted(id, { ...demo(name), page_message: undefined }, { locale });
    await page.waitForTimeout(300);
    const fetched = chunksFetched(log);
    for (const w of wanted) assert.ok(fetched.includes(w), `${name}${locale ? ` (${locale})` : ''} fetches ${w}: ${fetched}`);
    assert.deepEqual(fetched.filter(f => unwanted.test(f)), [], `${name}${locale ? ` (${locale})` : ''} fetches nothing else`);
    if (locale) assert.equal(await page.getAttribute('html', 'lang'), locale);
    await context.close();
  }
});

test('the view\'s chunk blocked: the first paint shows the amount, a calm alert with Try again stands where the form goes, and Try again brings it', async () => {
  let blocking = true;
  const { page, context, log, blocked } = await hosted('cs_chkPay1', demo('card'), { block: f => blocking && f === 'split_view.wasm' });
  const alert = page.getByRole('region', { name: 'Payment' }).getByRole('alert').filter({ hasText: UNAVAILABLE });
  await alert.waitFor();
  assert.ok(blocked.includes('split_view.wasm'));
  assert.equal(await page.getByRole('button', { name: /^Pay / }).count(), 0);
  assert.match(await text(page, '[data-testid=amount-due]'), /\$49\.99/);
  blocking = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: 'Pay $49.99' }).waitFor();
  assert.equal(await page.getByText(UNAVAILABLE).count(), 0);
  assert.deepEqual(log.errors, [], 'no uncaught error, no panic');
  await context.close();
});

test('a one-time code is asked first: its words are on screen without the view\'s chunk, and its field comes right under them', async () => {
  let blocking = true;
  const sms = { ...demo('card'), page_message: undefined, challenge: { type: 'sms', delivery_hint: '--1234', code_sent: true } };
  const { page, context, log } = await hosted('cs_chkSms1', sms, { block: f => blocking && f === 'split_view.wasm' });
  const alert = page.getByRole('alert').filter({ hasText: UNAVAILABLE });
  await alert.waitFor();
  // Under the Payment heading, before any of the form: the check, and where the code went.
  await page.getByRole('heading', { name: "Verify it's you" }).waitFor();
  assert.equal(await page.getByText('We sent a code by text message to --1234.').count(), 1);
  assert.equal(await page.getByRole('heading', { name: 'Payment' }).count(), 1);
  assert.equal(await page.getByLabel('Verification code').count(), 0, 'its field comes with the form');
  blocking = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  const field = page.getByLabel('Verification code');
  await field.waitFor();
  const follows = (a, b) => a.evaluate((x, y) => !!(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING), b);
  const words = await page.getByText('We sent a code by text message to --1234.').elementHandle();
  const methods = await page.getByRole('group', { name: 'Payment method' }).elementHandle();
  assert.ok(await follows(words, await field.elementHandle()), 'the field is under the words');
  assert.ok(await follows(await field.elementHandle(), methods), 'and before the payment methods');
  const [box, entry] = await page.evaluate(() => [...document.querySelectorAll('.sv-challenge')].map(e => e.getBoundingClientRect().toJSON()));
  assert.equal(Math.round(entry.top), Math.round(box.bottom), 'the words and the field make one box: no gap between them');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the view takes the first paint\'s place: the amount, the items and the payment heading stay where they were', async () => {
  env.mock.setSession('cs_chkSwap1', demo('card'));
  const { page, context, log } = await openPage(env.browser, env.origin);
  // The view's chunk is held back until the first paint has been measured.
  let release;
  const held = new Promise(r => { release = r; });
  await context.route(/split_view\.wasm$/, async route => { await held; return route.fallback(); });
  await page.goto(`${env.origin}/?session=cs_chkSwap1`);
  await page.getByRole('heading', { name: 'Payment' }).waitFor();
  const boxes = () => page.evaluate(() => ['[data-testid=amount-due]', '.sv-item', '.sv-total', '.sv-payment h2', '.sv-header']
    .flatMap(s => [...document.querySelectorAll(s)].map(e => [s, JSON.stringify(e.getBoundingClientRect())])));
  const painted = await boxes();
  const paint = await page.locator('.sv').elementHandle();
  assert.equal(await page.getByRole('button', { name: /^Pay / }).count(), 0, 'the first paint, without the view');
  release();
  await page.getByRole('button', { name: 'Pay $49.99' }).waitFor();
  assert.equal(await paint.evaluate(e => e.isConnected), false, 'the first paint is gone, the view in its place');
  assert.equal(await page.locator('.sv').count(), 1, 'one view on the page');
  assert.deepEqual(await boxes(), painted, 'nothing above the pay form moved');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('no waterfall: a wallet session asks for the wallet\'s chunk beside the view\'s, not once the view is here', async () => {
  env.mock.setSession('cs_chkWalPar1', demo('wallet'));
  const { page, context, log } = await openPage(env.browser, env.origin);
  // The view's own file is held back a moment: whatever waits for the view is asked for after it.
  await context.route(/split_view\.wasm$/, async route => { await new Promise(r => setTimeout(r, 400)); return route.fallback(); });
  await page.goto(`${env.origin}/?session=cs_chkWalPar1`);
  await page.locator('[data-testid=wallet] button').first().waitFor();
  const t = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .filter(r => /\/split_(view|wallet)\.wasm$/.test(r.name)).map(r => [new URL(r.name).pathname.slice(1), [r.startTime, r.responseEnd]])));
  assert.ok(t['split_wallet.wasm'] && t['split_view.wasm'], `both asked for: ${JSON.stringify(t)}`);
  assert.ok(t['split_wallet.wasm'][0] < t['split_view.wasm'][1], `the wallet's chunk asked for (${t['split_wallet.wasm'][0].toFixed(1)} ms) before the view's arrived (${t['split_view.wasm'][1].toFixed(1)} ms)`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the view\'s files and the sanitiser module are asked for only once the first paint is on screen', async () => {
  const { page, context } = await hosted('cs_chkOrder1', demo('message'));
  await page.getByRole('button', { name: /^Pay / }).waitFor();
  await page.locator('[data-testid=page-message] a').first().waitFor();
  const { fcp, asked } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    asked: performance.getEntriesByType('resource')
      .filter(r => /\/((split|chunk)_[\w-]+\.wasm|session-view-sanitizer(_bg\.wasm|\.js))$/.test(new URL(r.name).pathname))
      .map(r => [new URL(r.name).pathname, r.startTime]),
  }));
  assert.ok(fcp > 0, 'the first paint is measured');
  assert.ok(asked.some(([f]) => f.endsWith('split_view.wasm')) && asked.some(([f]) => f.endsWith('session-view-sanitizer.js')), `both asked for: ${JSON.stringify(asked)}`);
  for (const [file, at] of asked) assert.ok(at >= fcp, `${file} must be asked for after the first paint (${fcp.toFixed(1)} ms), was at ${at.toFixed(1)} ms`);
  await context.close();
});

// A payer's phone: 150 ms round trip, 1.6 Mbit/s down (DevTools' "Slow 4G", as in the bench).
const PHONE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
async function onPhone(id, config) {
  env.mock.setSession(id, config);
  const o = await openPage(env.browser, env.origin);
  const cdp = await o.context.newCDPSession(o.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE);
  o.finished = [];
  o.page.on('requestfinished', r => { const f = chunkOf(r.url()); if (f) o.finished.push(f); });
  await o.page.goto(`${env.origin}/?session=${id}`);
  return o;
}

test('on a slow link the view\'s files are asked for as soon as the main module is here, before the first paint, and Pay works', async () => {
  const { page, context, log } = await onPhone('cs_chkSlow1', demo('card'));
  await page.getByRole('button', { name: /^Pay / }).waitFor({ timeout: 20000 });
  const t = await page.evaluate(() => {
    const at = re => performance.getEntriesByType('resource').find(r => re.test(new URL(r.name).pathname));
    return {
      main: at(/\/session-view-app_bg\.wasm$/)?.responseEnd,
      view: at(/\/split_view\.wasm$/)?.startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    };
  });
  assert.ok(t.main > 0 && t.view > 0 && t.fcp > 0, `measured: ${JSON.stringify(t)}`);
  assert.ok(t.view >= t.main, `the view is asked for once the main module has arrived (${t.main.toFixed(0)} ms), not beside it (${t.view.toFixed(0)} ms)`);
  assert.ok(t.view < t.fcp, `the view is asked for before the first paint (${t.fcp.toFixed(0)} ms), while the link is free (${t.view.toFixed(0)} ms)`);
  assert.equal(await text(page.getByTestId('amount-due')), '$49.99');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('on a slow link a session that is over stops the view\'s download it had started', async () => {
  const { page, context, log, finished } = await onPhone('cs_chkSlowDone1', demo('completed'));
  await page.getByRole('heading', { name: 'Payment complete' }).waitFor({ timeout: 20000 });
  await page.waitForTimeout(2500); // long enough for the view's files to have arrived on this link
  const asked = chunksFetched(log);
  assert.ok(asked.includes('split_view.wasm'), `on a slow link the view is asked for before the config is read: ${asked}`);
  assert.deepEqual(finished, [], 'none of the view\'s files is downloaded to the end');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the sanitiser module waits for the view and its pay form: it is asked for only once the view\'s files have arrived', async () => {
  const { page, context } = await hosted('cs_chkOrder2', demo('message'));
  await page.getByRole('button', { name: /^Pay / }).waitFor();
  await page.locator('[data-testid=page-message] a').first().waitFor();
  const { pay, sanitiser } = await page.evaluate(() => {
    const files = re => performance.getEntriesByType('resource').filter(r => re.test(new URL(r.name).pathname));
    return {
      pay: files(/\/(split|chunk)_[\w-]+\.wasm$/).map(r => [new URL(r.name).pathname, r.responseEnd]),
      sanitiser: files(/\/session-view-sanitizer(_bg\.wasm|\.js)$/).map(r => [new URL(r.name).pathname, r.startTime]),
    };
  });
  assert.ok(pay.some(([f]) => f.endsWith('split_view.wasm')), `the view's files: ${JSON.stringify(pay)}`);
  assert.equal(sanitiser.length, 2, `the sanitiser's script and wasm: ${JSON.stringify(sanitiser)}`);
  const arrived = Math.max(...pay.map(([, end]) => end));
  for (const [file, at] of sanitiser) assert.ok(at >= arrived, `${file} must be asked for after the view's files arrived (${arrived.toFixed(1)} ms), was at ${at.toFixed(1)} ms`);
  await context.close();
});

test('a tampered chunk is refused by its integrity: the calm alert, never the tampered code', async () => {
  env.mock.setSession('cs_chkTamper1', demo('card'));
  const { page, context, log } = await openPage(env.browser, env.origin);
  await context.route(/split_view\.wasm$/, async route => {
    const response = await route.fetch();
    // Still a valid module (a custom section appended): only its integrity can refuse it.
    const body = Buffer.concat([Buffer.from(await response.body()), Buffer.from([0, 5, 4, ...Buffer.from('evil')])]);
    return route.fulfill({ response, body });
  });
  await page.goto(`${env.origin}/?session=cs_chkTamper1`);
  await settled(page);
  await page.getByRole('alert').filter({ hasText: UNAVAILABLE }).waitFor();
  assert.equal(await page.getByRole('button', { name: /^Pay / }).count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the payer\'s language unreachable: the whole page is in English, nothing broken', async () => {
  const { page, context, log, blocked } = await hosted('cs_chkLang1', demo('card'), { locale: 'de', block: f => f === 'split_i18n_de.wasm' });
  assert.ok(blocked.includes('split_i18n_de.wasm'));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('button', { name: 'Pay $49.99' }).waitFor();
  assert.equal(await page.title(), 'Checkout');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('every other chunk blocked in turn: each state that needs it shows the calm alert (or does not need it), never a panic', async () => {
  // split_frame is the embedded frame's (isolation.test.mjs blocks it there).
  const files = Object.keys(manifest().files).filter(f => chunkOf(`http://x/${f}`) && !/^split_(view|i18n_|frame)/.test(f));
  // [demo, what shows when all is well, ?locale=]. A language's chunk missing is not an alert:
  // the page is in English instead (counted as that chunk's calm answer).
  const states = [['card', '[data-testid=confirm]'], ['wallet', '[data-testid=wallet] button'],
    ['gallery', '.demo-nav'], ['card', '[data-testid=confirm]', 'es'], ['card', '[data-testid=confirm]', 'pt-BR']];
  for (const file of files) {
    const alerts = [];
    for (const [name, ready, locale] of states) {
      const { page, context, log } = await openPage(env.browser, env.origin);
      const requested = [];
      await context.route(/\.wasm$/, route => {
        const f = chunkOf(route.request().url());
        if (f === file) { requested.push(f); return route.abort('internetdisconnected'); }
        return route.fallback();
      });
      if (name === 'gallery') await page.goto(`${env.origin}/`);
      else {
        const id = `cs_chkEach${name}${file.replace(/[^A-Za-z0-9]/g, '')}`;
        env.mock.setSession(id, demo(name));
        await page.goto(`${env.origin}/?session=${id}${locale ? `&locale=${locale}` : ''}`);
      }
      const outcome = await Promise.race([
        page.waitForSelector(ready, { timeout: 10000 }).then(() => 'shown'),
        // In the payer's language: the Spanish payer reads it in Spanish.
        page.locator('[role=alert][data-testid=part-unavailable]').first().waitFor({ timeout: 10000 }).then(() => 'alert'),
      ]).catch(async e => {
        const seen = (await page.textContent('body')).replace(/\s+/g, ' ').slice(-300);
        throw new Error(`${name} with ${file} blocked: neither the state nor the calm alert (${e.message.split('\n')[0]}); the page: ${seen}`);
      });
      if (outcome === 'shown' && locale && (await page.getAttribute('html', 'lang')) === 'en') {
        assert.ok(requested.length > 0, `${name} (${locale}): English only when ${file} was asked for`);
        alerts.push(`${name} (${locale}) in English`);
      }
      if (outcome === 'alert') {
        assert.ok(requested.length > 0, `${name}: the alert only when ${file} was asked for`);
        alerts.push(name);
      }
      assert.deepEqual(log.errors, [], `${name} with ${file} blocked: no uncaught error`);
      assert.equal(await page.locator('[data-testid=problem]').count(), 0, `${name} with ${file} blocked: the session itself still loads`);
      await context.close();
    }
    assert.ok(alerts.length > 0, `some state needs ${file}, and says so calmly without it`);
  }
});

test('the demo gallery is a chunk of its own; blocked, the page says so calmly', async () => {
  const { page, context, log } = await openPage(env.browser, env.origin);
  await context.route(/split_gallery\.wasm$/, route => route.abort('internetdisconnected'));
  await page.goto(`${env.origin}/`);
  await page.getByRole('alert').filter({ hasText: UNAVAILABLE }).waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});
