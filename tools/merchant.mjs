// Trunk post-build hook, before minify.mjs and manifest.mjs (Trunk.toml): writes the merchant's
// module, `session-view.js`, from the npm package's source (packages/session-view/src/
// release.js) as one ES module with esbuild from the lock file. Plain JavaScript: a merchant
// page runs no wasm and its CSP needs no 'wasm-unsafe-eval'.
// SESSION_VIEW_BASE (the deployment's URL, e.g. https://pay.example/) is built into the module,
// so that its frame is the view's wherever the file is served from (a merchant's copy too).
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** `value` when it is an absolute http(s) URL of a folder (ending in `/`, no query, no
 *  fragment, no credentials); `null` otherwise. */
export function viewBase(value) {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.href === value && value.endsWith('/') && !url.search && !url.hash && !url.username && !url.password ? value : null;
  } catch {
    return null;
  }
}

/** The module's text, with `base` ('' = where the module itself is served from) built in. */
export function merchantModule({ base = '', minify = true } = {}) {
  if (base !== '' && !viewBase(base)) throw new Error(`SESSION_VIEW_BASE must be the deployment's URL ending in /, like https://pay.example/ (got ${JSON.stringify(base)})`);
  return buildSync({
    entryPoints: [path.join(root, 'packages', 'session-view', 'src', 'release.js')],
    bundle: true, format: 'esm', target: 'es2022', minify, legalComments: 'none', logLevel: 'error', write: false,
    charset: 'utf8', // the words of seven languages as they are, not as \u escapes
    define: { __VIEW_BASE__: JSON.stringify(base) },
  }).outputFiles[0].text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!staging) { console.error('merchant: no TRUNK_STAGING_DIR'); process.exit(1); }
  const release = process.env.TRUNK_PROFILE === 'release' || !!process.argv[2];
  const base = process.env.SESSION_VIEW_BASE || '';
  try {
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(staging, 'session-view.js'), merchantModule({ base, minify: release }));
  } catch (e) {
    console.error(`merchant: ${e.message}`);
    process.exit(1);
  }
  console.log(`merchant: session-view.js written (frame from ${base || 'where the module is served'})`);
}
