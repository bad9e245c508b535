// Every payload of the three suites in tests/data/xss/ (DOMPurify, H5SC, OWASP), served by the
// mock API in page_message and in every other text field, rendered by the release build in
// headless Chromium. Asserts, in the live DOM: no script ran (no dialog, no hooked call, no
// new global), no request left the origin, no navigation or popup, nothing outside the
// page_message allowlist, no handler attribute anywhere, and the rest of the page rendered.
// Idempotence of the sanitiser over the same suites is a host test (crates/sanitizer/src/lib.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, openPage, settled } from './harness.mjs';

import { SUITES, ALLOWED_TAGS, sharedXss, configFor, inspect } from './xss-cases.mjs';

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
