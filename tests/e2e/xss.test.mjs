// Every payload of the three suites in tests/data/xss/ (DOMPurify, H5SC, OWASP), served by the
// mock API in page_message and in every other text field, rendered by the release build in
// headless Chromium. Asserts, in the live DOM: no script ran (no dialog, no hooked call, no
// new global), no request left the origin, no navigation or popup, nothing outside the
// page_message allowlist, no handler attribute anywhere, and the rest of the page rendered.
// Idempotence of the sanitiser over the same suites is a host test (src/sanitize.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, openPage, settled } from './harness.mjs';

const sharedXss = path.resolve(import.meta.dirname, '..', 'data', 'xss');
const SUITES = ['dompurify-payloads.json', 'h5sc-payloads.json', 'owasp-payloads.json'];
const ALLOWED_TAGS = ['A', 'B', 'BLOCKQUOTE', 'BR', 'CODE', 'EM', 'H3', 'H4', 'I', 'LI', 'OL', 'P', 'S', 'SMALL', 'STRONG', 'U', 'UL'];

function configFor(id, payload) {
  return {
    session_id: id, status: 'active', scope: 'payment', amount: 1234, currency: 'usd', layout: 'hosted',
    description: payload, customer_email: payload, merchant_display_name: payload, page_message: payload,
    branding: { merchant_display_name: payload, logo_url: payload, accent_color: payload },
    line_items: [{ description: payload, amount: 1234, quantity: 1, metadata: { x: payload } }],
    saved_methods: [{ id: payload, type: 'card', brand: payload, last4: payload, holder_name: payload }],
    challenge: { type: 'sms', delivery_hint: payload, site_key: payload },
  };
}

function inspect(allowed) {
  const problems = [];
  const msg = document.querySelector('[data-testid=page-message]');
  for (const el of msg ? msg.querySelectorAll('*') : []) {
    const tag = el.tagName.toUpperCase();
    if (!allowed.includes(tag)) problems.push(`tag ${tag} in page_message`);
    for (const a of el.attributes) {
      const ok = tag === 'A' && ((a.name === 'href' && /^(https:|mailto:)/i.test(a.value))
        || (a.name === 'rel' && a.value === 'noopener noreferrer') || (a.name === 'target' && a.value === '_blank')
        || (a.name === 'referrerpolicy' && a.value === 'no-referrer'));
      if (!ok) problems.push(`attribute ${tag} ${a.name}=${a.value.slice(0, 40)}`);
    }
  }
  const ownFallback = document.querySelector('body > noscript'); // index.html's "needs JavaScript" note
  for (const el of document.body.querySelectorAll('*')) {
    if (ownFallback && (el === ownFallback || ownFallback.contains(el))) continue;
    const tag = el.tagName.toUpperCase();
    const ownMark = el.closest('svg.sv-mark') && !el.closest('[data-testid=page-message]'); // the view's brand marks
    if (/^(SCRIPT|IFRAME|FRAME|OBJECT|EMBED|FORM|BASE|META|SVG|MATH|STYLE|LINK|TEMPLATE|NOSCRIPT)$/.test(tag) && !ownMark) problems.push(`element ${tag}`);
    if ((tag === 'INPUT' || tag === 'SELECT') && !el.closest('.sv-choice, .sv-form')) problems.push(`element ${tag} outside the view's own fields`);
    if (tag === 'IMG' && !el.classList.contains('sv-logo')) problems.push('img outside the logo');
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) problems.push(`handler ${tag} ${a.name}`);
      if (/^\s*(javascript|data|vbscript):/i.test(a.value)) problems.push(`scheme ${tag} ${a.name}`);
    }
  }
  const style = document.querySelector('.sv')?.style.getPropertyValue('--sv-accent') || '';
  if (style && !/^#[0-9a-f]{6}$/.test(style)) problems.push(`accent ${style}`);
  return { problems, fired: window.__fired, rendered: !!document.querySelector('[data-testid=amount-due]'), globals: Object.keys(window).sort() };
}

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

for (const suite of SUITES) {
  test(`XSS suite ${suite}: nothing runs, nothing escapes the policy`, { timeout: 600_000 }, async () => {
    const payloads = JSON.parse(fs.readFileSync(path.join(sharedXss, suite), 'utf8'));
    assert.ok(payloads.length > 100, 'suite loaded');
    const { page, log, context } = await openPage(env.browser, env.origin);
    // A clean session gives the globals a page has when nothing injected runs.
    env.mock.setSession('cs_xssBaseline', configFor('cs_xssBaseline', 'plain text'));
    await page.goto(`${env.origin}/?session=cs_xssBaseline`);
    await settled(page);
    const baseline = (await page.evaluate(inspect, ALLOWED_TAGS)).globals;
    const failures = [];
    for (const [i, { title, payload }] of payloads.entries()) {
      const id = `cs_xss${suite.slice(0, 4)}${i}`;
      env.mock.setSession(id, configFor(id, payload));
      const navBefore = log.navigations.length;
      await page.goto(`${env.origin}/?session=${id}`);
      await settled(page);
      const r = await page.evaluate(inspect, ALLOWED_TAGS);
      const newGlobals = r.globals.filter(g => !baseline.includes(g));
      const issues = [...r.problems];
      if (r.fired.length) issues.push(`called ${r.fired.join(',')}`);
      if (newGlobals.length) issues.push(`new globals ${newGlobals.join(',')}`);
      if (!r.rendered) issues.push('the checkout did not render');
      if (log.navigations.length !== navBefore + 1) issues.push('navigated');
      if (issues.length) failures.push(`#${i} ${title}: ${issues.join('; ')}`);
    }
    await page.waitForTimeout(500); // late timers and lazy loads get their chance
    assert.deepEqual(log.dialogs, [], 'no dialog opened');
    assert.deepEqual(log.foreign, [], 'no request to another origin');
    assert.deepEqual(log.popups, [], 'no popup');
    assert.deepEqual(log.errors, [], 'no page error');
    assert.deepEqual(failures, []);
    await context.close();
  });
}
