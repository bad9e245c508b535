// Trunk post-build hook (Trunk.toml): pins every script of the release with SRI and writes
// manifest.json, the list of every file the build ships with its SHA-384, and the headers
// the page must be served with. SECURITY.md explains how a deployer checks a live site
// against it (tools/verify-deploy.mjs).
//  0. boot.js and the snippets lose their whole-line comments;
//  1. boot.js gets the wasm module's hash, and the sanitiser loader snippet the sanitiser
//     module's (fetch(…, { integrity }) in the browser);
//  2. index.html gets an integrity attribute on boot.js and an import map whose `integrity`
//     pins the JS module and its snippets; the CSP in _headers gets the import map's hash;
//  3. frame.html, the embedded view's frame (src/pages/frame/mod.rs), is index.html with the
//     page marker saying `frame`: the same pinned scripts, its own headers in _headers;
//  4. manifest.json lists every file with its hash, and the _headers values of the pages.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readHeadersFile } from './mock-api.mjs';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) { console.error('manifest: no TRUNK_STAGING_DIR'); process.exit(1); }
const sri = file => 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, file))).digest('base64');
const files = d => fs.readdirSync(path.join(dir, d), { withFileTypes: true }).flatMap(e => e.isDirectory() ? files(path.join(d, e.name)) : [path.join(d, e.name)]);

// Our own small scripts (boot.js, the snippets) ship without their whole-line comments: they
// are on the payer's critical path, and the sources keep the explanations.
for (const f of ['boot.js', ...files('.').filter(f => f.startsWith('snippets' + path.sep) && f.endsWith('.js'))]) {
  const p = path.join(dir, f);
  fs.writeFileSync(p, fs.readFileSync(p, 'utf8').split('\n').filter(l => !/^\s*\/\//.test(l)).join('\n'));
}

const bootPath = path.join(dir, 'boot.js');
const boot = fs.readFileSync(bootPath, 'utf8');
if (!boot.includes("'__WASM_SHA384__'")) { console.error('manifest: boot.js has no wasm hash placeholder'); process.exit(1); }
fs.writeFileSync(bootPath, boot.replace("'__WASM_SHA384__'", `'${sri('session-view-app_bg.wasm')}'`));
const loaders = files('.').filter(f => f.startsWith('snippets' + path.sep) && f.endsWith('sanitizer-loader.js'));
if (loaders.length !== 1) { console.error(`manifest: expected one sanitizer-loader.js snippet, found ${loaders.length}`); process.exit(1); }
for (const f of loaders) {
  const text = fs.readFileSync(path.join(dir, f), 'utf8');
  if (!text.includes("'__SANITIZER_WASM_SHA384__'")) { console.error('manifest: the sanitiser loader has no wasm hash placeholder'); process.exit(1); }
  fs.writeFileSync(path.join(dir, f), text.replace("'__SANITIZER_WASM_SHA384__'", `'${sri('session-view-sanitizer_bg.wasm')}'`));
}

// The chunk loader written by split.mjs fetches each lazily loaded chunk; every fetch carries
// that chunk's SHA-384, so a tampered or substituted chunk is refused like the main module
// (the view then shows that part's calm message, src/view/lazy.rs).
const splitLoader = path.join(dir, '__wasm_split.js');
if (fs.existsSync(splitLoader)) {
  let pinned = 0;
  const text = fs.readFileSync(splitLoader, 'utf8').replace(/fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
    pinned++;
    return `fetch(new URL("./${file}", import.meta.url), { integrity: "${sri(file)}" })`;
  });
  const chunks = files('.').filter(f => /^(split|chunk)_.*\.wasm$/.test(f)).length;
  if (pinned !== chunks) { console.error(`manifest: ${chunks} chunks but ${pinned} pinned fetches in __wasm_split.js`); process.exit(1); }
  // The frame's chunks (its split point and the shared chunks it waits for: the whole Leptos
  // view) are fetched by boot.js at start-up, once the main module is here, in the embedded
  // view's frame: the loader takes those responses instead of asking again (once; a retry
  // fetches afresh).
  const shared = Object.fromEntries([...text.matchAll(/const (__chunk_\d+) = makeLoad\([^]*?"\.\/(chunk_\d+\.wasm)"/g)].map(m => [m[1], m[2]]));
  // A split point's own file and the shared chunks it waits for, each with its SHA-384.
  const filesOf = point => {
    const m = new RegExp(`export const __wasm_split_load_${point} = [^]*?"\\./(split_${point}\\.wasm)"[^]*?\\n, \\[([^\\]]*)\\]\\)\\);`).exec(text);
    if (!m) { console.error(`manifest: no ${point} split point in __wasm_split.js`); process.exit(1); }
    return [m[1], ...m[2].split(',').map(x => x.trim()).filter(Boolean).map(c => shared[c])].map(f => [f, sri(f)]);
  };
  const early = filesOf('frame');
  // The hosted page's view likewise, on a slow link: boot.js fetches it as soon as the main
  // module has arrived, before the first paint (src/pages/boot.js says why).
  const viewEarly = filesOf('view');
  const taking = text
    .replace(/^(import \{ initSync \} from [^\n]*\n)/, `$1const takeEarly = f => { const e = globalThis[Symbol.for('session-view.early-chunks')]; if (!e) return undefined; e.asked.add(f); const r = e.responses.get(f); e.responses.delete(f); return r; };\n`)
    .replace(/fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\), \{ integrity: "[^"]+" \}\)/g, m => `(takeEarly(${JSON.stringify(m.match(/"\.\/([\w.-]+\.wasm)"/)[1])}) ?? ${m})`);
  if (!taking.includes('const takeEarly')) { console.error('manifest: __wasm_split.js does not start with its initSync import'); process.exit(1); }
  fs.writeFileSync(splitLoader, taking);
  const bootText = fs.readFileSync(path.join(dir, 'boot.js'), 'utf8');
  if (!bootText.includes("'__EARLY_CHUNKS__'") || !bootText.includes("'__VIEW_CHUNKS__'")) { console.error('manifest: boot.js has no early chunk placeholders'); process.exit(1); }
  fs.writeFileSync(path.join(dir, 'boot.js'), bootText.replace("'__EARLY_CHUNKS__'", JSON.stringify(early)).replace("'__VIEW_CHUNKS__'", JSON.stringify(viewEarly)));
}

const indexPath = path.join(dir, 'index.html');
// Trunk leaves its own `<link data-trunk rel="rust" …>` tag behind when it injects no loader.
let html = fs.readFileSync(indexPath, 'utf8').replace(/\s*<link data-trunk rel="rust"[^>]*>/g, '');
const pin = (pattern, file) => {
  if (!pattern.test(html)) { console.error(`manifest: index.html lacks ${pattern}`); process.exit(1); }
  html = html.replace(pattern, m => m.replace(/\s*>$/, ` integrity="${sri(file)}">`));
};
pin(/<script type="module" src="\.\/boot\.js">/, 'boot.js');
// Every import of the JS module and its wasm-bindgen snippets is checked through the import
// map's `integrity` (a failed modulepreload or module script would not stop a later import
// from fetching the file again). The import map is inline, so the CSP gets its hash.
// Only our pages' modules: the merchant's module (session-view.js) runs on merchant pages.
const modules = ['session-view-app.js', 'session-view-sanitizer.js', ...(fs.existsSync(splitLoader) ? ['__wasm_split.js'] : []), ...files('.').filter(f => f.startsWith('snippets' + path.sep) && f.endsWith('.js'))];
const importMap = JSON.stringify({ imports: {}, integrity: Object.fromEntries(modules.map(f => ['./' + f.split(path.sep).join('/'), sri(f)])) });
html = html.replace('<script type="module" src="./boot.js"', `<script type="importmap">${importMap}</script>\n  <script type="module" src="./boot.js"`);
// The JS module and the snippets it imports are preloaded, all at once: otherwise the browser
// finds each only after parsing the one before (index.html → boot.js → the module → its
// snippets), one round trip each, while boot.js compiles the wasm.
const preloads = modules.filter(f => f !== 'session-view-sanitizer.js')
  .map(f => `<link rel="modulepreload" href="./${f.split(path.sep).join('/')}" integrity="${sri(f)}">`).join('\n  ');
html = html.replace('<script type="module" src="./boot.js"', `${preloads}\n  <script type="module" src="./boot.js"`);
const mapHash = `'sha256-${crypto.createHash('sha256').update(importMap).digest('base64')}'`;
const headersPath = path.join(dir, '_headers');
if (fs.existsSync(headersPath)) {
  const headers = fs.readFileSync(headersPath, 'utf8');
  if (!headers.includes("script-src 'self' 'wasm-unsafe-eval'")) { console.error('manifest: _headers has no script-src to extend'); process.exit(1); }
  fs.writeFileSync(headersPath, headers.replaceAll("script-src 'self' 'wasm-unsafe-eval'", `script-src 'self' 'wasm-unsafe-eval' ${mapHash}`));
}
fs.writeFileSync(indexPath, html);
const marker = '<meta name="session-view-page" content="">';
if (!html.includes(marker)) { console.error('manifest: index.html has no session-view-page marker'); process.exit(1); }
fs.writeFileSync(path.join(dir, 'frame.html'), html.replace(marker, '<meta name="session-view-page" content="frame">').replace('<html lang="en">', '<html lang="en" class="sv-frame">'));

const manifest = {
  note: 'Every file of this release with its SHA-384 (SRI form), and the headers its pages must be served with. See SECURITY.md.',
  files: Object.fromEntries(files('.').filter(f => f !== 'manifest.json').sort().map(f => [f.split(path.sep).join('/'), sri(f)])),
  headers: fs.existsSync(headersPath) ? readHeadersFile(headersPath, '/') : {},
  frameHeaders: fs.existsSync(headersPath) ? readHeadersFile(headersPath, '/frame.html') : {},
  captchaHeaders: fs.existsSync(headersPath) ? readHeadersFile(headersPath, '/captcha.html') : {},
  // The deployment the merchant's module frames (tools/merchant.mjs); null: where it is served.
  viewBase: process.env.SESSION_VIEW_BASE || null,
};
fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`manifest: ${Object.keys(manifest.files).length} files pinned`);
