// The release served the way pretty-URL hosts serve it (Netlify, Cloudflare Pages: `/frame.html`
// redirects to `/frame`, headers match the path asked for, an unknown path gets 404.html): no
// URL runs without its policy or can be framed by an unlisted origin, and the deployment check
// names a deployment that drops a block.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMock } from '../../tools/mock-api.mjs';
import { verifyDeploy } from '../../tools/verify-deploy.mjs';
import { start, openPage, DIST } from './harness.mjs';

const dist = fileURLToPath(DIST);
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
const URLS = ['/', '/index', '/frame', '/frame.html', '/captcha', '/captcha.html', '/pay?session=cs_prettyA1'];
let env, pretty, origin;
const servers = [];

/** A page on `host` that frames every URL of the pretty deployment. */
async function framer(host) {
  const html = `<!doctype html><html><body>${URLS.map(u => `<iframe src="${origin}${u}"></iframe>`).join('')}</body></html>`;
  const server = http.createServer((req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }); res.end(html); });
  await new Promise(resolve => server.listen(0, host, resolve));
  servers.push(server);
  return `http://${host}:${server.address().port}`;
}

/** The mock serving `dir` as a pretty-URL host; its origin. */
async function host(dir) {
  const m = createMock({ distDir: dir, prettyUrls: true });
  const o = await m.listen();
  servers.push({ close: () => m.close() });
  return [m, o];
}

before(async () => {
  env = await start();
  [pretty, origin] = await host(dist);
});
after(async () => { await env.stop(); for (const s of servers) await s.close(); });

test('every URL of the release keeps its policy under pretty URLs; an unknown path gets the not-found page', async () => {
  const got = {};
  for (const u of URLS) {
    const r = await fetch(origin + u);
    const body = await r.text();
    got[u] = [r.status, r.url.slice(origin.length), body.includes('name="session-view-page"'), /frame-ancestors ([^;]*)/.exec(r.headers.get('Content-Security-Policy') || '')?.[1] ?? null, r.headers.get('X-Frame-Options')];
  }
  assert.deepEqual(got, {
    '/': [200, '/', true, "'none'", 'DENY'],
    '/index': [200, '/index', true, "'none'", 'DENY'],
    '/frame': [200, '/frame', true, "'self'", 'DENY'],
    '/frame.html': [200, '/frame', true, "'self'", 'DENY'], // redirected to /frame
    '/captcha': [200, '/captcha', false, "'self'", 'DENY'], // the captcha page, framed by the view's pages only
    '/captcha.html': [200, '/captcha', false, "'self'", 'DENY'],
    '/pay?session=cs_prettyA1': [404, '/pay?session=cs_prettyA1', false, null, 'DENY'],
  });
});

test('an unlisted origin framing /, /index, /frame, /frame.html or /pay?session= sees nothing render; a listed one sees the frame', async () => {
  const listed = await framer('127.0.0.2');
  const unlisted = await framer('127.0.0.3');
  pretty.allowFraming(listed);
  const rendered = {};
  for (const page of [listed, unlisted]) {
    const { page: p, context } = await openPage(env.browser, origin, { allow: [listed, unlisted] });
    await p.goto(`${page}/`);
    await p.waitForTimeout(1500);
    const frames = p.frames().filter(f => f !== p.mainFrame());
    rendered[page === listed ? 'listed' : 'unlisted'] = (await Promise.all(frames.map(async f => (await f.evaluate(() => !!document.querySelector('meta[name=session-view-page]')).catch(() => false)) ? f.url().slice(origin.length) : null))).filter(Boolean);
    await context.close();
  }
  assert.deepEqual(rendered, { listed: ['/frame', '/frame'], unlisted: [] }, 'control: the listed merchant gets the frame (both names), nobody else anything');
});

test('the deployment check passes on a pretty-URL host, and names one that drops the alias block, the framing default or the not-found page', async () => {
  const [, fresh] = await host(dist); // as shipped: no merchant listed yet
  assert.deepEqual(await verifyDeploy(fresh, manifest), []);
  assert.deepEqual(await verifyDeploy(fresh, { ...manifest, viewBase: `${fresh}/` }), [], 'a merchant module built for this deployment');
  assert.match((await verifyDeploy(fresh, { ...manifest, viewBase: 'https://pay.example/' })).join('|'), /session-view\.js frames https:\/\/pay\.example\/, not this deployment/);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-deploy-'));
  fs.cpSync(dist, copy, { recursive: true });
  const headers = fs.readFileSync(path.join(copy, '_headers'), 'utf8');
  const withoutBlock = (text, name) => text.replace(new RegExp(`\\n${name}\\n(  [^\\n]*\\n)+`), '\n');
  const cases = [
    ['the /frame block', () => fs.writeFileSync(path.join(copy, '_headers'), withoutBlock(headers, '/frame')), /^frame header Content-Security-Policy: missing/],
    ['the /captcha block', () => fs.writeFileSync(path.join(copy, '_headers'), withoutBlock(headers, '/captcha')), /^captcha header Content-Security-Policy: missing/],
    ['X-Frame-Options on /*', () => fs.writeFileSync(path.join(copy, '_headers'), headers.replace('  X-Frame-Options: DENY\n', '')), /can be framed/],
    ['404.html', () => { fs.writeFileSync(path.join(copy, '_headers'), headers); fs.rmSync(path.join(copy, '404.html')); }, /serves the view's page/],
  ];
  for (const [dropped, drop, said] of cases) {
    drop();
    const [, o] = await host(copy);
    const problems = await verifyDeploy(o, manifest);
    assert.ok(problems.some(p => said.test(p)), `without ${dropped}: ${problems.join(' | ')}`);
  }
  fs.rmSync(copy, { recursive: true, force: true });
});
