// Checks a deployed copy of the session view against the release's manifest.json (PCI DSS
// 11.6.1: detect unauthorised changes to the page's scripts and headers):
//   node tools/verify-deploy.mjs https://pay.example.com/checkout/ [dist/manifest.json]
// Every file listed must be served byte for byte (SHA-384), and the page must be served with
// exactly the listed headers, under every name a host serves it by (`/frame` as well as
// `/frame.html`, `/index`); and a path the release does not have must neither serve the
// hosted page nor be framable. Exit code 0 = unchanged; 1 = a difference (each one printed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export async function verifyDeploy(base, manifest) {
  const problems = [];
  const root = base.endsWith('/') ? base : base + '/';
  // The merchant's module frames the deployment it was built for, whoever serves the file.
  if (manifest.viewBase && manifest.viewBase !== root) problems.push(`session-view.js frames ${manifest.viewBase}, not this deployment: build with SESSION_VIEW_BASE=${root}`);
  for (const [file, expected] of Object.entries(manifest.files)) {
    if (file === '_headers') continue; // a server config file, not served
    const r = await fetch(new URL(file, root));
    if (!r.ok) { problems.push(`${file}: HTTP ${r.status}`); continue; }
    const got = 'sha384-' + crypto.createHash('sha384').update(Buffer.from(await r.arrayBuffer())).digest('base64');
    if (got !== expected) problems.push(`${file}: content differs from the release (${got})`);
  }
  const isView = html => html.includes('name="session-view-page"') || html.includes('sessionViewCaptcha');
  // The pages by their names, and by the names pretty-URL hosts give them (redirects followed);
  // an alias that does not serve the page (a 404) is fine.
  for (const [file, listed, alias] of [['', manifest.headers, false], ['index', manifest.headers, true], ['frame.html', manifest.frameHeaders, false], ['frame', manifest.frameHeaders, true], ['captcha.html', manifest.captchaHeaders, false], ['captcha', manifest.captchaHeaders, true]]) {
    const page = await fetch(new URL(file, root));
    if (alias && !(page.ok && isView(await page.clone().text()))) continue;
    for (const [name, value] of Object.entries(listed || {})) {
      const got = page.headers.get(name);
      if (got !== value) problems.push(`${file || 'page'} header ${name}: ${got === null ? 'missing' : `"${got}"`} instead of the release's value`);
    }
  }
  // A path the release does not have: not the hosted page, and not framable.
  const stray = `pay-${crypto.randomBytes(6).toString('hex')}?session=cs_verify1`;
  const r = await fetch(new URL(stray, root));
  if (isView(await r.text())) problems.push(`an unknown path (/${stray}) serves the view's page: add 404.html`);
  const csp = r.headers.get('Content-Security-Policy') || '';
  if (r.headers.get('X-Frame-Options') !== 'DENY' && !/frame-ancestors 'none'/.test(csp)) problems.push(`an unknown path (/${stray}) can be framed: X-Frame-Options DENY on /* is missing`);
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [base, manifestPath = path.join(import.meta.dirname, '..', 'dist', 'manifest.json')] = process.argv.slice(2);
  if (!base) { console.error('usage: node tools/verify-deploy.mjs <deployed base URL> [manifest.json]'); process.exit(2); }
  const problems = await verifyDeploy(base, JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  for (const p of problems) console.log(`CHANGED  ${p}`);
  if (!JSON.parse(fs.readFileSync(manifestPath, 'utf8')).viewBase) console.log('NOTE     session-view.js was built without SESSION_VIEW_BASE: a copy served from another origin frames that origin');
  console.log(problems.length ? `${problems.length} difference(s) from the release` : 'deployment matches the release');
  process.exit(problems.length ? 1 : 0);
}
