// Trunk post-build hook, before manifest.mjs (Trunk.toml): writes the captcha frame's page
// (captcha.html) with its script (captcha-contract.js + captcha.js) and stylesheet inline, and
// gives their hashes to its policy in _headers in place of 'self'. The page may run sandboxed
// into an opaque origin, which 'self' does not name in every engine (WebKit refuses the
// page's own files then); a hash names the exact text in all of them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) { console.error('captcha-page: no TRUNK_STAGING_DIR'); process.exit(1); }
const src = path.join(import.meta.dirname, '..', 'src', 'pages');
const read = f => fs.readFileSync(path.join(src, f), 'utf8');
const fail = m => { console.error(`captcha-page: ${m}`); process.exit(1); };
const uncommented = text => text.split('\n').filter(l => !/^\s*\/\//.test(l)).join('\n');

const script = `\n${uncommented(read('captcha-contract.js'))}\n${uncommented(read('captcha.js'))}\n`;
const style = `\n${read('captcha.css')}`;
if (/<\/(script|style)/i.test(script + style)) fail('an inlined file closes its own element');
const hash = text => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

const pagePath = path.join(staging, 'captcha.html');
let page = fs.readFileSync(pagePath, 'utf8');
const links = [
  ['<link rel="stylesheet" href="./captcha.css">', `<style>${style}</style>`],
  ['<script src="./captcha-contract.js"></script>\n  <script src="./captcha.js"></script>', `<script>${script}</script>`],
];
for (const [from, to] of links) {
  if (!page.includes(from)) fail(`captcha.html lacks ${from}`);
  page = page.replace(from, to);
}
fs.writeFileSync(pagePath, page);

const headersPath = path.join(staging, '_headers');
if (fs.existsSync(headersPath)) {
  let headers = fs.readFileSync(headersPath, 'utf8');
  const swaps = [["script-src 'self' https://hcaptcha.com", `script-src ${hash(script)} https://hcaptcha.com`], ["style-src 'self' https://hcaptcha.com", `style-src ${hash(style)} https://hcaptcha.com`]];
  for (const [from, to] of swaps) {
    if (headers.split(from).length !== 3) fail(`_headers should have "${from}" in the two captcha blocks`);
    headers = headers.replaceAll(from, to);
  }
  fs.writeFileSync(headersPath, headers);
}
console.log('captcha-page: captcha.html written with its script and style inline, pinned by hash');
