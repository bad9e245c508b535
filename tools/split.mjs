// Trunk post-build hook, before manifest.mjs (Trunk.toml): cuts the app's wasm into the main
// module and its lazily loaded chunks (issue #14; src/platform/chunk.rs declares the split points).
// Trunk 0.21 runs wasm-bindgen without --keep-lld-exports, which drops the function table the
// chunks share, so this redoes the app's last steps from cargo's own output (linked with
// --emit-relocs by build.rs):
//   wasm-split-cli → wasm-bindgen --keep-lld-exports (main module) → wasm-opt -Oz on each file
//   (release) → over trunk's output in the staging dir.
// Nothing here downloads: the three tools are on PATH (tools/setup.sh installs them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) { console.error('split: no TRUNK_STAGING_DIR'); process.exit(1); }
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const name = 'session-view-app';
const raw = path.join(root, 'target', 'wasm32-unknown-unknown', profile, `${name}.wasm`);
// Outside the watched tree (`trunk serve` would rebuild forever otherwise).
const work = path.join(root, 'target', 'split', profile);
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'bindgen'), { recursive: true });
const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    console.error(`split: ${cmd} failed:\n${e.stderr || e.message}`);
    process.exit(1);
  }
};

run('wasm-split-cli', ['--target', 'web', '--out-name', name, raw, work]);
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  '--out-dir', path.join(work, 'bindgen'), '--out-name', name, path.join(work, `${name}.wasm`)]);
const chunks = fs.readdirSync(work).filter(f => /^(split|chunk)_.*\.wasm$/.test(f));
const outputs = [[path.join(work, 'bindgen', `${name}_bg.wasm`), `${name}_bg.wasm`], ...chunks.map(f => [path.join(work, f), f])];
for (const [from, to] of outputs) {
  if (profile === 'release') run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', from, '-o', path.join(staging, to)]);
  else fs.copyFileSync(from, path.join(staging, to));
}
fs.copyFileSync(path.join(work, 'bindgen', `${name}.js`), path.join(staging, `${name}.js`));
fs.copyFileSync(path.join(work, '__wasm_split.js'), path.join(staging, '__wasm_split.js'));
// The app's snippets replace whatever trunk's own bindgen run left for this crate: its output
// directory keeps snippets of files since removed, and of earlier versions of the crate (a
// directory per crate version's hash, `session-view-<16 hex>`).
const ours = d => fs.existsSync(path.join(work, 'bindgen', 'snippets', d)) || new RegExp(`^${name.replace(/-app$/, '')}-[0-9a-f]{16}$`).test(d);
for (const d of fs.existsSync(path.join(staging, 'snippets')) ? fs.readdirSync(path.join(staging, 'snippets')) : []) {
  if (ours(d)) fs.rmSync(path.join(staging, 'snippets', d), { recursive: true, force: true });
}
fs.cpSync(path.join(work, 'bindgen', 'snippets'), path.join(staging, 'snippets'), { recursive: true });
console.log(`split: ${name} → main module + ${chunks.length} chunks (${profile})`);
