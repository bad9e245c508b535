// Pictures of every demo state: phone (375 px) and desktop (1280 px), light and dark, in
// English and in Arabic (right to left), as PNG files in target/screenshots/ (npm run
// screenshots builds the release first). Uses the release dist/ served by the mock API, in
// headless Chromium. `node tools/screenshots.mjs ar` takes only the Arabic ones.
import fs from 'node:fs';
import path from 'node:path';
import { start, openPage, settled } from './browser.mjs';

const DEMOS = ['card', 'ach', 'hcaptcha', 'turnstile', 'sms', 'email', 'wallet', 'completed', 'expired', 'jpy', 'kwd', 'long', 'message', 'embedded', 'partial', 'hostile', 'broken'];
const out = path.resolve(import.meta.dirname, '..', 'target', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const env = await start();
let n = 0;
try {
  const only = process.argv[2];
  for (const [locale, suffix] of [['en-US', ''], ['ar', '-ar']].filter(([l]) => !only || l === only)) {
  for (const [device, width] of [['phone', 375], ['desktop', 1280]]) {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await openPage(env.browser, env.origin, { viewport: { width, height: 800 }, locale });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const key of DEMOS) {
        await page.goto(`${env.origin}/?demo=${key}`);
        await settled(page);
        if (key === 'card') await page.locator('[data-testid=method-option] input').last().check(); // the new card, in any language
        await page.waitForTimeout(50);
        await page.screenshot({ path: path.join(out, `${key}-${device}-${scheme}${suffix}.png`), fullPage: true });
        n++;
      }
      await context.close();
    }
  }
  }
} finally {
  await env.stop();
}
console.log(`${n} screenshots in ${path.relative(process.cwd(), out)}/`);
