// Prints raw, gzip -9 and brotli -q 11 sizes of what a payer downloads from dist/ (the
// example merchant page, merchant.*, is left out), per file and in total, and checks the
// first paint (everything fetched before the total shows) against a budget, and what each
// state downloads before it is usable (its chunks on top):
//   node tests/tools/size.mjs [--budget-kb N]      (npm test: --budget-kb 180)
// The budget is a regression guard at today's size. The sanitiser module
// (session-view-sanitizer.*) is not on the critical path: it loads only for a page_message.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const walk = d => fs.readdirSync(d, { withFileTypes: true }).flatMap(e => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
const files = walk(dist).filter(f => /\.(wasm|js|css|html)$/.test(f) && !path.basename(f).startsWith('merchant.')).sort();
// The first paint: the page, the main module and its loader, the styles. Each state's parts
// come in chunks on top (below).
const critical = ['index.html', 'boot.js', 'session-view-app.js', '__wasm_split.js', 'snippets', 'session-view-app_bg.wasm', 'main.css', 'page.css'];
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
// What each state downloads before it is usable: the first paint's files, plus the chunks
// its parts need (read from the chunk loader: each split point and the shared chunks it
// waits for), plus, for a page_message, the sanitiser module.
const loaderPath = path.join(dist, '__wasm_split.js');
export const needs = {};
if (fs.existsSync(loaderPath)) {
  const loader = fs.readFileSync(loaderPath, 'utf8');
  const shared = Object.fromEntries([...loader.matchAll(/const (__chunk_\d+) = makeLoad\([^]*?"\.\/(chunk_\d+\.wasm)"/g)].map(m => [m[1], m[2]]));
  for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = [^]*?"\.\/(split_\w+\.wasm)"[^]*?\n, \[([^\]]*)\]\)\);/g))
    needs[m[1]] = [m[2], ...m[3].split(',').map(s => s.trim()).filter(Boolean).map(c => shared[c])];
}
const bytesOf = new Map(rows.map(r => [r.f, r.brotli]));
const firstPaint = sum(rows.filter(r => r.critical)).brotli;
const stateRows = [
  ['first paint (every state: branding, amount, items, status text)', []],
  ['active, card or bank account: + the pay form', ['pay']],
  ['active, with a page_message: + message + sanitiser module', ['pay', 'message'], ['session-view-sanitizer.js', 'session-view-sanitizer_bg.wasm']],
  ['wallet', ['wallet']],
  ['completed / expired', ['ended']],
  ['a German-speaking payer: + their language', ['i18n_de']],
];
if (Object.keys(needs).length) {
  console.log(`\ncritical path per state (brotli KB; the first paint is on every path)`);
  for (const [label, splits, extra = []] of stateRows) {
    const files = new Set([...splits.flatMap(s => needs[s] ?? []), ...extra]);
    const kb = ([...files].reduce((t, f) => t + (bytesOf.get(f) ?? 0), 0) + firstPaint) / 1024;
    console.log(`  ${label.padEnd(68)}${kb.toFixed(1).padStart(7)}`);
  }
}

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
