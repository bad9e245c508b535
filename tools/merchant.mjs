// Trunk post-build hook, before minify.mjs and manifest.mjs (Trunk.toml): writes the merchant's
// module, `session-view.js`, from the npm package's source (packages/session-view/src/
// release.js) as one ES module with esbuild from the lock file. Plain JavaScript: a merchant
// page runs no wasm and its CSP needs no 'wasm-unsafe-eval'.
import path from 'node:path';
import { buildSync } from 'esbuild';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) { console.error('merchant: no TRUNK_STAGING_DIR'); process.exit(1); }
const root = path.resolve(import.meta.dirname, '..');
const release = process.env.TRUNK_PROFILE === 'release' || !!process.argv[2];
try {
  buildSync({
    entryPoints: [path.join(root, 'packages', 'session-view', 'src', 'release.js')],
    outfile: path.join(staging, 'session-view.js'),
    bundle: true, format: 'esm', target: 'es2022', minify: release, legalComments: 'none', logLevel: 'error',
    charset: 'utf8', // the words of seven languages as they are, not as \u escapes
  });
} catch (e) {
  console.error(`merchant: esbuild failed: ${e.message}`);
  process.exit(1);
}
console.log('merchant: session-view.js written');
