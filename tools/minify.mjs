// Trunk post-build hook, between split.mjs and manifest.mjs (Trunk.toml), release builds only:
// minifies the JS glue wasm-bindgen writes (session-view-app.js, on every payer's first paint,
// and session-view-sanitizer.js) with terser, pinned in the npm lock file. The import
// object's keys the wasm asks for by name stay as they are. `trunk serve` keeps the readable
// glue. (The merchant's module is esbuild's, minified by merchant.mjs.) The stylesheets, on
// every first paint, lose their comments and indentation, nothing else (a CSS minifier that
// merged rules changed the layout: tried and dropped).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) { console.error('minify: no TRUNK_STAGING_DIR'); process.exit(1); }
if (process.env.TRUNK_PROFILE !== 'release' && !process.argv[2]) process.exit(0);

for (const file of ['session-view-app.js', 'session-view-sanitizer.js']) {
  const p = path.join(staging, file);
  const source = fs.readFileSync(p, 'utf8');
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) { console.error(`minify: terser gave nothing for ${file}`); process.exit(1); }
  fs.writeFileSync(p, out.code);
  console.log(`minify: ${file} ${(source.length / 1024).toFixed(1)} → ${(out.code.length / 1024).toFixed(1)} KB`);
}

// Trunk pinned each stylesheet in index.html (`integrity`): the pin follows the new text, or
// the browser would refuse the sheet.
const indexPath = path.join(staging, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
for (const file of fs.readdirSync(staging).filter(f => f.endsWith('.css'))) {
  const p = path.join(staging, file);
  const source = fs.readFileSync(p, 'utf8');
  const out = source.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').map(l => l.trim()).filter(Boolean).join('\n') + '\n';
  fs.writeFileSync(p, out);
  const pin = h => `sha384-${crypto.createHash('sha384').update(h).digest('base64')}`;
  index = index.replaceAll(`href="./${file}" integrity="${pin(source)}"`, `href="./${file}" integrity="${pin(out)}"`);
  console.log(`minify: ${file} ${(source.length / 1024).toFixed(1)} → ${(out.length / 1024).toFixed(1)} KB`);
}
if (/integrity="([^"]+)"/.test(index)) {
  for (const [, file, hash] of index.matchAll(/href="\.\/([\w.-]+\.css)" integrity="([^"]+)"/g)) {
    const want = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(staging, file))).digest('base64')}`;
    if (hash !== want) { console.error(`minify: index.html's pin of ${file} does not match the file`); process.exit(1); }
  }
}
fs.writeFileSync(indexPath, index);
