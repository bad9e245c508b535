// Shared e2e set-up: the browser and mock API (tools/browser.mjs, which the bench and the
// screenshots use too), and the test helpers: the view in its frame, a card filled in, the
// captcha providers' stand-ins.
import fs from 'node:fs';
import { createRequire } from 'node:module';

export { CHROMIUM_ARGS, DIST, start, openPage, settled } from '../../tools/browser.mjs';
import { settled } from '../../tools/browser.mjs';

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

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.0–2.2 A and AA violations in `page` (or a frame), one line each. It runs
 *  from an isolated world (Playwright's evaluate), so the page's CSP does not apply to it. */
export async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async tags => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary.split('\n').slice(1, 2).join(' ')).join(' | ')}`);
  }, WCAG);
}
