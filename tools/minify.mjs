// Trunk post-build hook, between split.mjs and manifest.mjs (Trunk.toml), release builds only:
// minifies the JS glue wasm-bindgen writes (session-view-app.js, on every payer's first paint,
// session-view.js, the merchant's module, and session-view-sanitizer.js) with terser, pinned
// in the npm lock file. Exported names stay as they are (merchant pages import `mount` and
// `init` from the merchant's module), and so do the
// import object's keys the wasm asks for by name. `trunk serve` keeps the readable glue.
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) { console.error('minify: no TRUNK_STAGING_DIR'); process.exit(1); }
if (process.env.TRUNK_PROFILE !== 'release' && !process.argv[2]) process.exit(0);

for (const file of ['session-view-app.js', 'session-view.js', 'session-view-sanitizer.js']) {
  const p = path.join(staging, file);
  const source = fs.readFileSync(p, 'utf8');
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) { console.error(`minify: terser gave nothing for ${file}`); process.exit(1); }
  fs.writeFileSync(p, out.code);
  console.log(`minify: ${file} ${(source.length / 1024).toFixed(1)} → ${(out.code.length / 1024).toFixed(1)} KB`);
}
