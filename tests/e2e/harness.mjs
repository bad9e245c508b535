// Shared e2e set-up: system Chromium through playwright-core, and a page instrumented to
// record what a payer could not see: dialogs, requests, console lines, navigations, popups.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createMock } from '../../tools/mock-api.mjs';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--js-flags=--expose-gc', // window.gc(): a full collection (DOM included) for the memory test
];

/** The mock API serving dist/ (or SESSION_VIEW_DIST: another build, e.g. to show that a new
 *  test fails on the previous release) and a headless Chromium. */
/** The build under test: SESSION_VIEW_DIST, else the repository's dist/ (a URL ending in /). */
export const DIST = process.env.SESSION_VIEW_DIST ? pathToFileURL(`${path.resolve(process.env.SESSION_VIEW_DIST)}/`) : new URL('../../dist/', import.meta.url);

export async function start({ brotli = false } = {}) {
  const mock = createMock({ cacheAssets: true, brotli, distDir: fileURLToPath(DIST) });
  const origin = await mock.listen();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { mock, origin, browser, async stop() { await browser.close(); await mock.close(); } };
}

/** A fresh page; `log` collects everything it does. Requests to any origin but `origin` (and
 *  those of `allow`, e.g. a merchant's on another loopback address) are blocked and recorded. */
export async function openPage(browser, origin, { viewport = { width: 1280, height: 900 }, locale = 'en-US', deviceScaleFactor = 1, allow = [] } = {}) {
  const context = await browser.newContext({ locale, timezoneId: 'UTC', viewport, deviceScaleFactor });
  const page = await context.newPage();
  const log = { dialogs: [], requests: [], foreign: [], console: [], errors: [], navigations: [], popups: [] };
  await page.addInitScript(() => {
    window.__fired = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = () => { window.__fired.push(name); };
  });
  page.on('dialog', d => { log.dialogs.push(d.type()); d.dismiss().catch(() => {}); });
  page.on('console', m => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', e => log.errors.push(String(e)));
  page.on('framenavigated', f => { if (f === page.mainFrame()) log.navigations.push(f.url()); });
  context.on('page', p => log.popups.push(p.url()));
  await context.route('**/*', route => {
    const url = route.request().url();
    log.requests.push(url);
    if ([origin, ...allow].some(o => url.startsWith(o + '/'))) return route.continue();
    log.foreign.push(url);
    return route.abort();
  });
  return { context, page, log };
}

/** Waits until the view shows a settled state: a checkout, a status view or a problem. */
export async function settled(page) {
  await page.waitForSelector('[data-testid=amount-due], [data-testid=problem], [data-testid=completed], [data-testid=expired], [data-testid=wallet], [data-testid=unavailable]', { timeout: 15000 });
}

/** The embedded view mounted in host `selector` of `page`: the Playwright Frame of its
 *  iframe (a page of the view's own origin), once the view in it has settled. */
export async function viewIn(page, selector, { settle = true } = {}) {
  const iframe = await page.waitForSelector(`${selector} iframe.sv-frame`, { state: 'attached', timeout: 15000 });
  const frame = await iframe.contentFrame();
  if (settle) await settled(frame);
  return frame;
}

export const text = async (page, selector) => ((await page.textContent(selector)) || '').replace(/\s+/g, ' ').trim();

/** Chooses "Use a new card" and fills every field of a US card the way a payer types. */
export async function fillCard(page, { card, cvc, name = 'Jordan Lee', postal = '94103', country = 'US' }) {
  await page.getByLabel('Use a new card').check();
  await page.getByLabel('Card number').pressSequentially(card);
  await page.getByLabel('Expiry (MM / YY)').pressSequentially('1230');
  await page.getByLabel('Security code').fill(cvc);
  await page.getByLabel('Name on card').fill(name);
  await page.getByLabel('Postal code').fill(postal);
  await page.getByLabel('Country').selectOption(country);
}

/** The captcha providers' official script URLs, the only ones the view may ask for. */
export const HCAPTCHA = 'https://js.hcaptcha.com/1/api.js?render=explicit&recaptchacompat=off';
export const TURNSTILE = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';
const STAND_IN = fs.readFileSync(new URL('../stand-ins/captcha.js', import.meta.url), 'utf8');

/** The captcha frame (captcha.html) inside `where`, a page or a frame, once `selector` (the
 *  stand-in's widget, by default) is in it. */
export async function captchaIn(where, selector = '.captcha-stand-in') {
  const frame = typeof where.mainFrame === 'function' ? where.mainFrame() : where;
  const until = Date.now() + 15000;
  for (;;) {
    const f = frame.childFrames().find(c => /\/captcha(\.html)?$/.test(new URL(c.url(), 'http://x').pathname));
    if (f && (await f.$(selector).catch(() => null))) return f;
    if (Date.now() > until) throw new Error(`no captcha frame with ${selector}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/** Answers the official script URLs: 'stand-in' serves the local stand-in, 'fail' aborts, 'hang' never answers. Records each request. */
export async function captchaScripts(page, how = 'stand-in') {
  const seen = [];
  const hanging = [];
  const mode = { how };
  for (const url of [HCAPTCHA, TURNSTILE]) {
    await page.route(url, route => {
      seen.push(route.request().url());
      if (mode.how === 'fail') return route.abort('connectionrefused');
      if (mode.how === 'hang') return hanging.push(route); // no answer until set() moves on
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: STAND_IN });
    });
  }
  return {
    seen,
    /** From now on answer `how`; a request left hanging finally fails, as a stuck one does. */
    set(how) { mode.how = how; for (const r of hanging.splice(0)) r.abort('timedout').catch(() => {}); },
  };
}
