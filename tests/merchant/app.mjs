// The scratch merchant app the package tests share: `npm pack` of packages/session-view,
// installed from its tarball into target/merchant/app, its pages bundled with esbuild from the
// lock file and served from another loopback origin (127.0.0.2) under a strict CSP with no
// 'wasm-unsafe-eval' and Trusted Types enforced.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..', '..');
const here = import.meta.dirname;

/** The merchant's CSP: its own scripts, the view's frame; nothing else, no wasm, Trusted Types. */
export const merchantCsp = view => `default-src 'none'; script-src 'self'; frame-src ${view}; base-uri 'none'; object-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'`;
const page = (body, script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>${body}<script type="module" src="/${script}"></script></body></html>`;

/** Packs, installs and bundles the app in `target/merchant/<name>`, and serves it. Resolves
 *  `{ origin, app, files, close }`; `files` maps each served path to its text. */
export async function merchantApp({ name = 'app', view, sessionId, credential }) {
  const work = path.join(root, 'target', 'merchant', name);
  const app = path.join(work, 'app');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(app, 'src'), { recursive: true });
  const packed = execFileSync('npm', ['pack', path.join(root, 'packages', 'session-view'), '--pack-destination', work, '--silent'], { encoding: 'utf8' }).trim().split('\n').at(-1);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module', dependencies: { '@session-view/js': `file:../${packed}` } }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: app, stdio: 'pipe' });
  for (const f of fs.readdirSync(here)) if (f !== 'app.mjs') fs.copyFileSync(path.join(here, f), path.join(app, f.endsWith('.json') ? f : `src/${f}`));
  const out = await build({
    entryPoints: [path.join(app, 'src', 'shop.js'), path.join(app, 'src', 'react-shop.jsx')], absWorkingDir: app, outdir: path.join(app, 'dist'),
    bundle: true, format: 'esm', minify: true, jsx: 'automatic', logLevel: 'error', write: false,
    define: { __VIEW_ORIGIN__: JSON.stringify(view), __SESSION_ID__: JSON.stringify(sessionId), __CREDENTIAL__: JSON.stringify(credential), 'process.env.NODE_ENV': '"development"' }, // StrictMode double-mounts in development only
  });
  const files = {};
  for (const f of out.outputFiles) files[`/${path.basename(f.path)}`] = f.text;
  files['/shop.html'] = page('<h1>Shop</h1><div id="checkout"></div>', 'shop.js');
  files['/react.html'] = page('<div id="root"></div>', 'react-shop.js');
  // The control: the same policy refuses an inline script, and the page hears it.
  files['/control.html'] = '<!doctype html><html><head><title>control</title></head><body><script>window.inline = true;</script><script type="module" src="/control.js"></script></body></html>';
  files['/control.js'] = 'document.body.append(Object.assign(document.createElement("p"), { id: "ran" }));';
  const server = http.createServer((req, res) => {
    const body = files[new URL(req.url, 'http://x').pathname];
    if (body === undefined) { res.writeHead(404); return res.end(); }
    const html = req.url.endsWith('.html');
    res.writeHead(200, { 'Content-Type': html ? 'text/html; charset=utf-8' : 'text/javascript', 'Cache-Control': 'no-store', ...(html ? { 'Content-Security-Policy': merchantCsp(view) } : {}) });
    res.end(body);
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.2', resolve); });
  return { origin: `http://127.0.0.2:${server.address().port}`, app, files, close: () => server.close() };
}
