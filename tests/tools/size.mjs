// Prints raw, gzip -9 and brotli -q 11 sizes of what a payer downloads from dist/ (the
// example merchant page, merchant.*, is left out), per file and in total, and checks the
// critical path (everything fetched before the total shows) against a budget:
//   node tests/tools/size.mjs [--budget-kb N]      (npm test: --budget-kb 270)
// The budget is a regression guard at today's size. The sanitiser module
// (session-view-sanitizer.*) is not on the critical path: it loads only for a page_message.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const walk = d => fs.readdirSync(d, { withFileTypes: true }).flatMap(e => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
const files = walk(dist).filter(f => /\.(wasm|js|css|html)$/.test(f) && !path.basename(f).startsWith('merchant.')).sort();
const critical = ['index.html', 'boot.js', 'session-view-app.js', 'snippets', 'session-view-app_bg.wasm', 'main.css', 'page.css'];
const kb = n => (n / 1024).toFixed(1).padStart(8);
const rows = files.map(f => {
  const data = fs.readFileSync(f);
  const rel = path.relative(dist, f);
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length;
  return { f: rel.length > 30 ? '…' + rel.slice(-29) : rel, raw: data.length, gzip, brotli, critical: critical.some(c => rel === c || rel.startsWith(c + path.sep)) };
});
const sum = list => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'file'.padEnd(32)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(10)}`);
for (const r of [...rows, { f: 'total', ...sum(rows) }, { f: 'critical path', ...sum(rows.filter(r => r.critical)) }])
  console.log(`${r.f.padEnd(32)}${kb(r.raw)} ${kb(r.gzip)}  ${kb(r.brotli)}`);
const i = process.argv.indexOf('--budget-kb');
if (i > 0) {
  const budget = Number(process.argv[i + 1]);
  const got = sum(rows.filter(r => r.critical)).brotli / 1024;
  if (!(got <= budget)) {
    console.error(`size check FAILED: critical path ${got.toFixed(1)} KB brotli > budget ${budget} KB`);
    process.exit(1);
  }
  console.log(`size check: critical path ${got.toFixed(1)} KB brotli ≤ budget ${budget} KB`);
}
