// Prints raw, gzip -9 and brotli -q 11 sizes of what a payer downloads from dist/ (the
// example merchant page, merchant.*, is left out), per file and in total; what each state
// downloads before it is usable (the first paint, then its chunks on top), and what an
// embedded view costs (the merchant's module, then the frame); and checks the first paint
// against a budget:
//   node tools/size.mjs [--budget-kb N]      (npm test: --budget-kb 90)
// Another build: SESSION_VIEW_DIST=<dir> (as the tests read it).
// The budget is a regression guard at today's size. The bench (bench.mjs) prints the same
// per-state table beside its targets.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const defaultDist = process.env.SESSION_VIEW_DIST ? path.resolve(process.env.SESSION_VIEW_DIST) : path.resolve(import.meta.dirname, '..', 'dist');
// The first paint: the page, the main module and its chunk loader, the styles.
const FIRST_PAINT = ['index.html', 'boot.js', 'session-view-app.js', '__wasm_split.js', 'snippets', 'session-view-app_bg.wasm', 'main.css', 'page.css'];
// The merchant's module (packages/session-view, plain JS): what a merchant page loads for `mount()`.
const MERCHANT = ['session-view.js'];
const isMerchant = rel => MERCHANT.some(m => rel.startsWith(m));
// What each state adds to the first paint: its split points (src/pages/hosted.rs: the whole
// Leptos view, `view`, with the pay form in it; src/view/parts.rs: the wallet).
export const STATES = [
  ['first paint (every state: branding, amount, items, status text)', []],
  ['active, card or bank account: + the view with the pay form', ['view']],
  ['active, with a page_message (its words at once; formatted once the sanitiser module is here)', ['view']],
  ['wallet', ['view', 'wallet']],
  ['completed / expired (the status views are in the main module)', []],
  ['a German-speaking payer: + their language', ['i18n_de']],
];
export const brotliSize = data => zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length;

/** Every file's sizes, the first paint's total, and each state's total (brotli bytes). */
export function measure(dist = defaultDist) {
  const walk = d => fs.readdirSync(d, { withFileTypes: true }).flatMap(e => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
  const files = walk(dist).filter(f => /\.(wasm|js|css|html)$/.test(f) && !path.basename(f).startsWith('merchant.')).sort();
  const rows = files.map(f => {
    const data = fs.readFileSync(f);
    const rel = path.relative(dist, f).split(path.sep).join('/');
    return { rel, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length, brotli: brotliSize(data), critical: !isMerchant(rel) && FIRST_PAINT.some(c => rel === c || rel.startsWith(c + '/')), merchant: isMerchant(rel) };
  });
  // The chunks each split point waits for, read from the chunk loader.
  const needs = {};
  const loaderPath = path.join(dist, '__wasm_split.js');
  if (fs.existsSync(loaderPath)) {
    const loader = fs.readFileSync(loaderPath, 'utf8');
    const shared = Object.fromEntries([...loader.matchAll(/const (__chunk_\d+) = makeLoad\([^]*?"\.\/(chunk_\d+\.wasm)"/g)].map(m => [m[1], m[2]]));
    for (const m of loader.matchAll(/export const __wasm_split_load_(\w+) = [^]*?"\.\/(split_\w+\.wasm)"[^]*?\n, \[([^\]]*)\]\)\);/g))
      needs[m[1]] = [m[2], ...m[3].split(',').map(s => s.trim()).filter(Boolean).map(c => shared[c])];
  }
  const bytesOf = new Map(rows.map(r => [r.rel, r.brotli]));
  const firstPaint = rows.filter(r => r.critical).reduce((t, r) => t + r.brotli, 0);
  const states = STATES.map(([label, splits]) => {
    const extra = new Set(splits.flatMap(s => needs[s] ?? []));
    return { label, brotli: firstPaint + [...extra].reduce((t, f) => t + (bytesOf.get(f) ?? 0), 0) };
  });
  // Embedded: the merchant page's module, then in the frame (frame.html instead of index.html)
  // the main module and the frame's chunks (the whole view, the pay form in it).
  const merchant = rows.filter(r => r.merchant).reduce((t, r) => t + r.brotli, 0);
  const frameExtra = new Set(['frame'].flatMap(s => needs[s] ?? []));
  const framePath = firstPaint - (bytesOf.get('index.html') ?? 0) + (bytesOf.get('frame.html') ?? 0) + [...frameExtra].reduce((t, f) => t + (bytesOf.get(f) ?? 0), 0);
  const embedded = [
    { label: "a merchant page's module (mount(), <hosted-session-view>), before the frame", brotli: merchant },
    { label: 'embedded, card or bank account: that module + the frame with the pay form', brotli: merchant + framePath },
  ];
  return { rows, firstPaint, states, needs, embedded };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, firstPaint, states, embedded } = measure();
  const kb = n => (n / 1024).toFixed(1).padStart(8);
  const sum = list => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log(`${'file'.padEnd(32)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(10)}`);
  const name = rel => (rel.length > 30 ? '…' + rel.slice(-29) : rel);
  for (const r of [...rows.map(r => ({ ...r, f: name(r.rel) })), { f: 'total', ...sum(rows) }, { f: 'critical path (first paint)', ...sum(rows.filter(r => r.critical)) }])
    console.log(`${r.f.padEnd(32)}${kb(r.raw)} ${kb(r.gzip)}  ${kb(r.brotli)}`);
  console.log('\nwhat each state downloads before it is usable (brotli KB)');
  for (const s of [...states, ...embedded]) console.log(`  ${s.label.padEnd(84)}${kb(s.brotli)}`);
  const i = process.argv.indexOf('--budget-kb');
  if (i > 0) {
    const budget = Number(process.argv[i + 1]);
    const got = firstPaint / 1024;
    if (!(got <= budget)) {
      console.error(`size check FAILED: first paint ${got.toFixed(1)} KB brotli > budget ${budget} KB`);
      process.exit(1);
    }
    console.log(`size check: first paint ${got.toFixed(1)} KB brotli ≤ budget ${budget} KB`);
  }
}
