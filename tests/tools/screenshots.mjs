// Pictures of every demo state: phone (375 px) and desktop (1280 px), light and dark, as PNG
// files in target/screenshots/ (npm run screenshots builds the release first). Uses the
// release dist/ served by the mock API, in headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { start, openPage, settled } from '../e2e/harness.mjs';

const DEMOS = ['card', 'ach', 'hcaptcha', 'turnstile', 'sms', 'email', 'wallet', 'completed', 'expired', 'jpy', 'kwd', 'long', 'message', 'embedded', 'partial', 'hostile', 'broken'];
const out = path.resolve(import.meta.dirname, '..', '..', 'target', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const env = await start();
let n = 0;
try {
  for (const [device, width] of [['phone', 375], ['desktop', 1280]]) {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await openPage(env.browser, env.origin, { viewport: { width, height: 800 } });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const key of DEMOS) {
        await page.goto(`${env.origin}/?demo=${key}`);
        await settled(page);
        if (key === 'card') await page.getByLabel('Use a new card').check();
        await page.waitForTimeout(50);
        await page.screenshot({ path: path.join(out, `${key}-${device}-${scheme}.png`), fullPage: true });
        n++;
      }
      await context.close();
    }
  }
} finally {
  await env.stop();
}
console.log(`${n} screenshots in ${path.relative(process.cwd(), out)}/`);
