// The sanitiser's throughput against DOMPurify 3 in Chromium (the bench's own figure, alone,
// for A/B work on the sanitiser module's build): node tools/sanitizer-bench.mjs
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { start, openPage } from './browser.mjs';

const DOMPURIFY = fs.readFileSync(createRequire(import.meta.url).resolve('dompurify/dist/purify.min.js'), 'utf8');
export const SMALL = '<p>Thanks for shopping with <strong>us</strong>! Read our <a href="https://shop.test/returns" onclick="x()">returns policy</a> before you <em>pay</em>.</p>';
export const LARGE = ('<p>Our <strong>returns policy</strong>: you may return any unopened item within <em>30 days</em>. '
  + 'See <a href="https://shop.test/returns">the details</a>.</p><ul><li>Free returns</li><li>Refund in 5 days</li></ul>').repeat(300).slice(0, 64 * 1024);

/** Messages per second, ours and DOMPurify's, for the 155 B and 64 KB messages. */
export async function sanitizerThroughput(browser, origin, mock) {
  mock.page('/bench-sanitizer.html', `<!doctype html><html><body><script type="module">
import initSanitizer, { sanitizeMessage } from '/session-view-sanitizer.js';
await initSanitizer();
window.sanitizeMessage = sanitizeMessage;
window.ready = true;
</script></body></html>`);
  const { page, context } = await openPage(browser, origin);
  await page.goto(`${origin}/bench-sanitizer.html`);
  await page.waitForFunction(() => window.ready === true);
  await page.evaluate(DOMPURIFY);
  const out = await page.evaluate(([small, large]) => {
    const rate = (f, input) => { let n = 0; const t0 = performance.now(); while (performance.now() - t0 < 1000) { f(input); n++; } return n / ((performance.now() - t0) / 1000); };
    const ours = x => window.sanitizeMessage(x);
    const purify = x => window.DOMPurify.sanitize(x);
    return { small: [rate(ours, small), rate(purify, small), small.length], large: [rate(ours, large), rate(purify, large), large.length] };
  }, [SMALL, LARGE]);
  await context.close();
  return out;
}

if (process.argv[1] && process.argv[1].endsWith('sanitizer-bench.mjs')) {
  const env = await start({ brotli: true });
  for (const [name, [ours, theirs, bytes]] of Object.entries(await sanitizerThroughput(env.browser, env.origin, env.mock))) {
    console.log(`${name} (${bytes} B): ours ${ours.toFixed(0)}/s, DOMPurify ${theirs.toFixed(0)}/s = ${(ours / theirs).toFixed(2)}×`);
  }
  await env.stop();
}
