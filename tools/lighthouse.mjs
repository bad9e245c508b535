// Lighthouse 12.2.3 (pinned in package-lock.json), mobile preset (4× CPU, simulated slow 4G),
// on the hosted page of the release dist/ served brotli-compressed by the mock API: a
// saved-card, an SMS, a page_message and a completed session, median of `runs` (issue #14).
// System Chromium; nothing is downloaded. Used by bench.mjs; alone:
//   node tools/lighthouse.mjs [runs]
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { createMock } from './mock-api.mjs';
import { CHROMIUM_ARGS } from './browser.mjs';

const demo = name => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'src', 'demo', `${name}.json`), 'utf8'));
export const STATES = [
  ['saved card', 'cs_lhCard1', () => ({ ...demo('card'), page_message: undefined })],
  ['SMS code', 'cs_lhSms1', () => demo('sms')],
  ['page_message', 'cs_lhMsg1', () => demo('message')],
  ['completed', 'cs_lhDone1', () => demo('completed')],
];
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Per state: the median performance score, FCP, LCP, speed index, TBT and CLS of `runs` runs. */
export async function lighthouseRuns(runs = 3, distDir) {
  const mock = createMock({ cacheAssets: true, brotli: true, ...(distDir ? { distDir } : {}) });
  const origin = await mock.listen();
  for (const [, id, config] of STATES) mock.setSession(id, config());
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: CHROMIUM_ARGS.filter(f => !f.startsWith('--js-flags')),
    logLevel: 'silent',
  });
  const out = [];
  const failed = [];
  try {
    for (const [label, id] of STATES) {
      const r = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${origin}/?session=${id}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        const a = result.lhr.audits;
        // A run Lighthouse could not finish (its runtimeError says why) has no score: it is
        // reported, and left out of the median.
        if (result.lhr.categories.performance.score === null) {
          failed.push(`${label}: ${result.lhr.runtimeError?.code ?? 'no score'}`);
          continue;
        }
        r.push({ score: result.lhr.categories.performance.score, lcp: a['largest-contentful-paint'].numericValue, tbt: a['total-blocking-time'].numericValue, cls: a['cumulative-layout-shift'].numericValue,
          fcp: a['first-contentful-paint'].numericValue, si: a['speed-index'].numericValue });
      }
      if (!r.length) continue;
      out.push({ label, runs: r, score: median(r.map(x => x.score)), lcp: median(r.map(x => x.lcp)), tbt: median(r.map(x => x.tbt)), cls: median(r.map(x => x.cls)),
        fcp: median(r.map(x => x.fcp)), si: median(r.map(x => x.si)) });
    }
  } finally {
    await chrome.kill();
    await mock.close();
  }
  out.failed = failed;
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await lighthouseRuns(Number(process.argv[2]) || 3, process.env.SESSION_VIEW_DIST);
  for (const f of rows.failed) console.log(`a run without a score (left out): ${f}`);
  for (const r of rows) console.log(`${r.label.padEnd(14)} performance ${r.score.toFixed(2)}  FCP ${(r.fcp / 1000).toFixed(2)} s  LCP ${(r.lcp / 1000).toFixed(2)} s  SI ${(r.si / 1000).toFixed(2)} s  TBT ${r.tbt.toFixed(0)} ms  CLS ${r.cls.toFixed(3)}  (scores ${r.runs.map(x => x.score.toFixed(2)).join(', ')})`);
}
