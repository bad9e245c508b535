// Prints raw, gzip -9 and brotli -q 11 sizes of what a payer downloads from dist/ (the
// example merchant page, merchant.*, is left out), per file and in total.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');
const files = fs.readdirSync(dist).filter(f => /\.(wasm|js|css|html)$/.test(f) && !f.startsWith('merchant.')).sort();
const kb = n => (n / 1024).toFixed(1).padStart(8);
const rows = files.map(f => {
  const data = fs.readFileSync(path.join(dist, f));
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length;
  return { f: f.replace(/-[0-9a-f]{16}/, ''), raw: data.length, gzip, brotli };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`${'file'.padEnd(28)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(10)}`);
for (const r of [...rows, { f: 'total', ...total }]) console.log(`${r.f.padEnd(28)}${kb(r.raw)} ${kb(r.gzip)}  ${kb(r.brotli)}`);
