// Checks a deployed copy of the session view against the release's manifest.json (PCI DSS
// 11.6.1: detect unauthorised changes to the page's scripts and headers):
//   node tools/verify-deploy.mjs https://pay.example.com/checkout/ [dist/manifest.json]
// Every file listed must be served byte for byte (SHA-384), and the page must be served with
// exactly the listed headers. Exit code 0 = unchanged; 1 = a difference (each one printed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export async function verifyDeploy(base, manifest) {
  const problems = [];
  const root = base.endsWith('/') ? base : base + '/';
  for (const [file, expected] of Object.entries(manifest.files)) {
    if (file === '_headers') continue; // a server config file, not served
    const r = await fetch(new URL(file, root));
    if (!r.ok) { problems.push(`${file}: HTTP ${r.status}`); continue; }
    const got = 'sha384-' + crypto.createHash('sha384').update(Buffer.from(await r.arrayBuffer())).digest('base64');
    if (got !== expected) problems.push(`${file}: content differs from the release (${got})`);
  }
  for (const [file, listed] of [['', manifest.headers], ['frame.html', manifest.frameHeaders]]) {
    const page = await fetch(new URL(file, root));
    for (const [name, value] of Object.entries(listed || {})) {
      const got = page.headers.get(name);
      if (got !== value) problems.push(`${file || 'page'} header ${name}: ${got === null ? 'missing' : `"${got}"`} instead of the release's value`);
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [base, manifestPath = path.join(import.meta.dirname, '..', 'dist', 'manifest.json')] = process.argv.slice(2);
  if (!base) { console.error('usage: node tools/verify-deploy.mjs <deployed base URL> [manifest.json]'); process.exit(2); }
  const problems = await verifyDeploy(base, JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  for (const p of problems) console.log(`CHANGED  ${p}`);
  console.log(problems.length ? `${problems.length} difference(s) from the release` : 'deployment matches the release');
  process.exit(problems.length ? 1 : 0);
}
