// The browser and the mock API for everything that drives the release in Chromium: the e2e
// tests (tests/e2e/harness.mjs), the bench and the screenshots. System Chromium through
// playwright-core; a page instrumented to record what a payer could not see: dialogs,
// requests, console lines, navigations, popups.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createMock } from './mock-api.mjs';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--js-flags=--expose-gc', // window.gc(): a full collection (DOM included) for the memory test
];

/** The mock API serving dist/ (or SESSION_VIEW_DIST: another build, e.g. to show that a new
 *  test fails on the previous release) and a headless Chromium. */
/** The build under test: SESSION_VIEW_DIST, else the repository's dist/ (a URL ending in /). */
export const DIST = process.env.SESSION_VIEW_DIST ? pathToFileURL(`${path.resolve(process.env.SESSION_VIEW_DIST)}/`) : new URL('../dist/', import.meta.url);

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

