// A local mock of the hosted-sessions API plus a static server for dist/, loopback only.
// Used by the e2e tests (imported) and by developers (`node tools/mock-api.mjs`).
//
//   GET   /v1/hosted-sessions/{id}   Authorization: Bearer <credential>  -> the session config
//   PATCH /v1/hosted-sessions/{id}   X-Payment-Account-Uid: <tenant>     -> merges {amount, line_items, ...}
//   POST  …/confirm, …/saved-methods…, …/challenge/send, …/challenge/verify (the view's
//         documented assumptions; see src/platform/api.rs). A confirm of a session with a challenge
//         needs a challenge_response, as a real server would insist.
// Tests inject failures with mock.fail(id, {status, delayMs, body}) and read mock.requests.
import http from 'node:http';
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };
const ID = /^cs_[A-Za-z0-9]+$/;

/** The headers a `_headers` file (the deployers' file, shipped in dist/) gives `pathname`:
 *  those of every block whose pattern matches it (`/*` matches every path, others exactly). */
export function readHeadersFile(file, pathname = '/') {
  const headers = {};
  let inBlock = false;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (!/^\s/.test(line)) { const pattern = line.trim(); inBlock = pattern === '/*' || pattern === pathname; continue; }
    const m = inBlock && line.trim().match(/^([A-Za-z-]+):\s*(.+)$/);
    if (m) headers[m[1]] = m[2];
  }
  return headers;
}

/** The CSP a merchant page embedding the view needs (docs/merchant.md, SECURITY.md), with a nonce for
 *  its own inline module: the view's module (plain JavaScript: no 'wasm-unsafe-eval') and its
 *  frame; nothing else. The module uses no HTML sink on the merchant's page, so Trusted Types
 *  can be enforced with no policy. */
export function merchantCsp(nonce, viewOrigin = "'self'") {
  return [
    "default-src 'none'",
    `script-src ${viewOrigin} 'nonce-${nonce}'`,
    `frame-src ${viewOrigin}`,
    "base-uri 'none'", "form-action 'none'", "object-src 'none'",
    "require-trusted-types-for 'script'", "trusted-types 'none'",
  ].join('; ');
}

// `cspReports: true` adds `report-uri /csp-report` to every policy served, and collects the
// reports in mock.cspReports: how an engine without Playwright's page hooks counts violations.
// `prettyUrls: true` serves dist/ the way Netlify and Cloudflare Pages do by default: `/x.html`
// redirects (308) to `/x`, `/x` serves x.html, and an unknown path gets 404.html (index.html
// when there is none), each with the headers `_headers` gives the path asked for.
export function createMock({ distDir = path.join(here, '..', 'dist'), tenant = 'acct_test', cacheAssets = false, brotli = false, cspReports = false, prettyUrls = false } = {}) {
  const pages = new Map(); // path -> { html, csp }, extra test pages served beside dist/
  const overrides = new Map(); // path -> Buffer: a tampered copy of a dist/ file (tests)
  const headersFile = path.join(distDir, '_headers');
  const distHeaders = new Map(); // pathname -> the headers _headers gives it, read once dist/ exists
  const framers = []; // origins added to frame.html's frame-ancestors (a deployer lists its merchants)
  const reports = []; // CSP violation reports received (cspReports: true)
  const reporting = csp => (cspReports ? `${csp}; report-uri /csp-report` : csp);
  let blocked = () => false; // pathname -> drop the connection (a blocked or offline file)
  // An engine without Trusted Types (Safari before 26): the policies' TT directives mean
  // nothing to it and `window.trustedTypes` is absent. Simulated: the directives are left out
  // and each HTML page of dist/ first runs a script (of 'self') that hides the API.
  let noTrustedTypes = false;
  let noFrameAncestors = false; // a host that drops frame.html's frame-ancestors (and X-Frame-Options)
  let captchaAt = null; // the origin captcha.html is served from, when not this one (captchaOrigin)
  let selfOrigin = null;
  const withoutTrustedTypes = csp => csp.split(';').filter(d => !/^\s*(require-trusted-types-for|trusted-types)\b/.test(d)).join(';');
  const HIDE_TT = 'Object.defineProperty(window, "trustedTypes", { value: undefined, configurable: false });\n';
  const headersFor = (rel, pathname = '/' + rel) => {
    if (!distHeaders.has(pathname)) {
      const h = fs.existsSync(headersFile) ? readHeadersFile(headersFile, pathname) : {};
      const csp = h['Content-Security-Policy'];
      const page = pathname.replace(/\.html$/, '');
      // The merchants a deployer lists may frame frame.html, and so be ancestors of the captcha frame.
      if (csp && framers.length && (page === '/frame' || page === '/captcha')) h['Content-Security-Policy'] = csp.replace(/frame-ancestors ([^;]*)/, (_, v) => `frame-ancestors ${v} ${framers.join(' ')}`);
      // The captcha page served from an origin of its own: the view's pages frame it from there.
      if (captchaAt && ['/', '/index', '/frame'].includes(page)) h['Content-Security-Policy'] = h['Content-Security-Policy'].replace("frame-src 'self'", `frame-src 'self' ${captchaAt}`);
      if (captchaAt && page === '/captcha') h['Content-Security-Policy'] = h['Content-Security-Policy'].replace(/frame-ancestors ([^;]*)/, (_, v) => `frame-ancestors ${v} ${selfOrigin}`);
      if (h['Content-Security-Policy']) h['Content-Security-Policy'] = reporting(noTrustedTypes ? withoutTrustedTypes(h['Content-Security-Policy']) : h['Content-Security-Policy']);
      distHeaders.set(pathname, h);
    }
    return distHeaders.get(pathname);
  };
  let clockOffsetMs = 0; // the mock server's clock runs this far ahead of the real one
  const sessions = new Map(); // id -> { config, credential }
  const failures = new Map(); // id -> [{status, delayMs, body}]
  const requests = [];
  const confirms = []; // { id, key, body }
  const walletCalls = [];
  const confirmScript = new Map(); // id -> [{ status, body, drop }]
  const confirmAnswers = new Map(); // idempotency key -> the answer first given
  const droppedKeys = new Set(); // idempotency keys whose requests get no answer
  const challengeCalls = []; // { id, kind: 'send'|'verify', body, key, authorization }
  const challengeState = new Map(); // id -> { code, attemptsLeft, resendAfter, sendScript: [] }
  const challengeOf = id => {
    if (!challengeState.has(id)) challengeState.set(id, { code: '123456', attemptsLeft: 3, resendAfter: 30, sendScript: [] });
    return challengeState.get(id);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/csp-report' && req.method === 'POST') {
      try { reports.push(JSON.parse(await readBody(req))['csp-report']); } catch { reports.push({ unreadable: true }); }
      res.writeHead(204);
      return res.end();
    }
    requests.push({ method: req.method, path: url.pathname, search: url.search, headers: { ...req.headers } });
    if (blocked(url.pathname)) return req.socket.destroy();
    const w = url.pathname.match(/^\/v1\/hosted-sessions\/([^/]+)\/saved-methods(?:\/([^/]+)(\/default)?)?$/);
    if (w) return wallet(req, res, decodeURIComponent(w[1]), w[2] && decodeURIComponent(w[2]), !!w[3]);
    const ch = url.pathname.match(/^\/v1\/hosted-sessions\/([^/]+)\/challenge\/(send|verify)$/);
    if (ch && req.method === 'POST') return challenge(req, res, decodeURIComponent(ch[1]), ch[2]);
    const c = url.pathname.match(/^\/v1\/hosted-sessions\/([^/]+)\/confirm$/);
    if (c && req.method === 'POST') return confirm(req, res, decodeURIComponent(c[1]));
    const m = url.pathname.match(/^\/v1\/hosted-sessions\/([^/]+)$/);
    if (m) return api(req, res, decodeURIComponent(m[1]));
    return serveStatic(url.pathname, res, req);
  });

  async function api(req, res, id) {
    const send = (status, body, headers = {}) => {
      const date = new Date(Date.now() + clockOffsetMs).toUTCString();
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Date: date, ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (!ID.test(id)) return send(400, { error: 'invalid session id' });
    if (req.method === 'PATCH') {
      if (req.headers['x-payment-account-uid'] !== tenant) return send(401, { error: 'unknown tenant' });
      const s = sessions.get(id);
      if (!s) return send(404, { error: 'no such session' });
      const patch = JSON.parse(await readBody(req) || '{}');
      s.config = { ...s.config, ...patch };
      return send(200, s.config);
    }
    if (req.method !== 'GET') return send(405, { error: 'method not allowed' });
    const queue = failures.get(id);
    const failure = queue && queue.shift();
    if (failure) {
      if (failure.delayMs) await new Promise(r => setTimeout(r, failure.delayMs));
      if (failure.status) return send(failure.status, failure.body ?? { error: 'injected' }, failure.headers);
      if (failure.drop) return req.socket.destroy(); // a network error
    }
    const s = sessions.get(id);
    if (!s) return send(404, { error: 'no such session' });
    if (s.credential && req.headers.authorization !== `Bearer ${s.credential}`) return send(401, { error: 'bad credential' });
    return send(200, s.raw ?? s.config);
  }

  // POST /v1/hosted-sessions/{id}/confirm: idempotent by Idempotency-Key, as a real API is.
  async function confirm(req, res, id) {
    const key = req.headers['idempotency-key'];
    const body = JSON.parse(await readBody(req) || '{}');
    confirms.push({ id, key, body, authorization: req.headers.authorization });
    const send = (a) => { res.writeHead(a.status, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(a.body ?? {})); };
    if (!key) return send({ status: 400, body: { message: 'Idempotency-Key required' } });
    if (confirmAnswers.has(key)) return send(confirmAnswers.get(key));
    const session = sessions.get(id);
    if (session?.config?.challenge && !body.challenge_response) return send({ status: 403, body: { message: 'The security check is missing.' } });
    // A dropped request stays dropped: the browser may resend a request whose connection was
    // reset (Chromium does, for a reused one), and that resend must not get an answer either.
    if (droppedKeys.has(key)) return req.socket.destroy();
    const step = (confirmScript.get(id) || []).shift();
    // `completes`: the server charged it, but its answer is lost (a drop) or a 5xx.
    if (step && step.completes && sessions.get(id)) sessions.get(id).config = { ...sessions.get(id).config, status: 'completed' };
    if (step && step.drop) { droppedKeys.add(key); return req.socket.destroy(); }
    const answer = step || { status: 200, body: { status: 'completed' } };
    if (answer.status < 500) confirmAnswers.set(key, answer); // a failed attempt may be retried
    const s = sessions.get(id);
    if (answer.status === 200 && s) s.config = { ...s.config, status: 'completed' };
    return send(answer);
  }

  // One-time codes: send records and (optionally scripted) answers; verify checks the code.
  async function challenge(req, res, id, kind) {
    const body = JSON.parse(await readBody(req) || '{}');
    challengeCalls.push({ id, kind, body, key: req.headers['idempotency-key'], authorization: req.headers.authorization });
    const send = (status, b, headers = {}) => { res.writeHead(status, { 'Content-Type': 'application/json', ...headers }); res.end(JSON.stringify(b)); };
    const s = sessions.get(id);
    if (!s) return send(404, { message: 'no such session' });
    if (s.credential && req.headers.authorization !== `Bearer ${s.credential}`) return send(401, { message: 'bad credential' });
    const st = challengeOf(id);
    if (kind === 'send') {
      const step = st.sendScript.shift();
      if (step) return send(step.status, step.body ?? {}, step.headers);
      if (s.config.challenge) s.config.challenge = { ...s.config.challenge, code_sent: true };
      st.attemptsLeft = 3;
      return send(200, { resend_after: st.resendAfter });
    }
    if (st.attemptsLeft <= 0) return send(429, { message: 'Too many wrong codes. Ask the merchant for help.' });
    if (body.code === st.code) return send(200, { challenge_response: `vc_${id}` });
    st.attemptsLeft -= 1;
    if (st.attemptsLeft === 0) return send(429, { message: 'Too many wrong codes. Ask the merchant for help.' });
    return send(422, { message: "That code isn't right.", attempts_left: st.attemptsLeft });
  }

  // Wallet scope: make default, remove, add (the component's documented assumptions).
  async function wallet(req, res, id, methodId, isDefault) {
    const body = JSON.parse(await readBody(req) || 'null');
    walletCalls.push({ id, method: req.method, methodId, isDefault, body, key: req.headers['idempotency-key'] });
    const s = sessions.get(id);
    const send = (status, b) => { res.writeHead(status, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(b)); };
    if (!s) return send(404, { message: 'no such session' });
    const list = s.config.saved_methods || [];
    if (req.method === 'POST' && isDefault) s.config.saved_methods = list.map(m => ({ ...m, is_default: m.id === methodId }));
    else if (req.method === 'DELETE' && methodId) s.config.saved_methods = list.filter(m => m.id !== methodId);
    else if (req.method === 'POST' && !methodId && body?.payment_method?.type === 'card') {
      const card = body.payment_method.card;
      s.config.saved_methods = [...list, { id: `pm_new${list.length}`, type: 'card', brand: 'visa', last4: card.number.slice(-4), exp_month: card.exp_month, exp_year: card.exp_year }];
    } else return send(400, { message: 'unsupported' });
    return send(200, s.config);
  }

  // With `brotli`, dist/'s files go out compressed (quality 11) to a browser that accepts it, as
  // a CDN would send them: the benchmark's figures on a slow network depend on it.
  const compressed = new Map(); // file -> { mtimeMs, body }
  function brotliOf(file) {
    const { mtimeMs } = fs.statSync(file);
    const hit = compressed.get(file);
    if (hit?.mtimeMs === mtimeMs) return hit.body;
    const data = fs.readFileSync(file);
    const body = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
    compressed.set(file, { mtimeMs, body });
    return body;
  }

  function serveStatic(pathname, res, req) {
    if (pages.has(pathname)) {
      const { html, csp } = pages.get(pathname);
      const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
      if (!csp) { res.writeHead(200, headers); return res.end(html); }
      // A merchant page under the strict CSP the README documents; its inline module gets a nonce.
      const nonce = crypto.randomBytes(16).toString('base64');
      res.writeHead(200, { ...headers, 'Content-Security-Policy': reporting(merchantCsp(nonce)) });
      return res.end(html.replaceAll('<script', `<script nonce="${nonce}"`));
    }
    if (pathname === '/__no-trusted-types.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
      return res.end(HIDE_TT);
    }
    let rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    let status = 200;
    if (prettyUrls && pathname.endsWith('.html')) {
      res.writeHead(308, { Location: pathname === '/index.html' ? '/' : pathname.slice(0, -'.html'.length) });
      return res.end();
    }
    if (prettyUrls && pathname !== '/' && !path.extname(rel)) {
      const page = `${rel}.html`;
      if (fs.existsSync(path.join(distDir, page))) rel = page;
      else if (fs.existsSync(path.join(distDir, '404.html'))) [rel, status] = ['404.html', 404];
      else rel = 'index.html'; // a single-page fallback, as these hosts do without a 404.html
    }
    if (overrides.has('/' + rel)) {
      res.writeHead(200, { ...headersFor(rel), 'Content-Type': TYPES[path.extname(rel)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
      return res.end(overrides.get('/' + rel));
    }
    const file = path.resolve(distDir, rel);
    if (!file.startsWith(path.resolve(distDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...headersFor(rel, pathname), 'Content-Type': 'text/plain' }); // a host's /* headers apply to its 404s too
      return res.end('not found');
    }
    // Cacheable within a test's browser, so repeated page loads reuse compiled wasm (the names
    // are stable and nothing changes during a run; a deployment revalidates, SECURITY.md).
    const cache = cacheAssets && rel !== 'index.html' ? 'max-age=3600' : 'no-store';
    // Every file of dist/ goes out with exactly the deployers' security headers.
    const headers = { ...headersFor(rel, prettyUrls ? pathname : undefined), 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': cache };
    // The merchants a deployer lists go in frame.html's <meta> too (the same list as its
    // frame-ancestors); `dropFrameAncestors` plays a host that drops that header.
    if ((framers.length || noFrameAncestors || captchaAt) && (rel === 'frame.html' || (captchaAt && rel === 'index.html'))) {
      let html = fs.readFileSync(file, 'utf8').replace('<meta name="session-view-merchant-origins" content="">', `<meta name="session-view-merchant-origins" content="${rel === 'frame.html' ? framers.join(' ') : ''}">`);
      if (captchaAt) html = html.replace('<meta name="session-view-captcha-origin" content="">', `<meta name="session-view-captcha-origin" content="${captchaAt}">`);
      if (noTrustedTypes) html = html.replace('<head>', '<head><script src="/__no-trusted-types.js"></script>');
      const h = { ...headers, 'Cache-Control': 'no-store' };
      if (noFrameAncestors && rel === 'frame.html' && h['Content-Security-Policy']) h['Content-Security-Policy'] = h['Content-Security-Policy'].replace(/; frame-ancestors [^;]*/, '');
      if (noFrameAncestors && rel === 'frame.html') delete h['X-Frame-Options'];
      res.writeHead(status, h);
      return res.end(html);
    }
    if (brotli && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
      res.writeHead(200, { ...headers, 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
      return res.end(brotliOf(file));
    }
    if (noTrustedTypes && rel.endsWith('.html')) {
      res.writeHead(200, { ...headers, 'Cache-Control': 'no-store' });
      return res.end(fs.readFileSync(file, 'utf8').replace('<head>', '<head><script src="/__no-trusted-types.js"></script>'));
    }
    res.writeHead(status, headers);
    fs.createReadStream(file).pipe(res);
  }

  return {
    requests,
    confirms,
    walletCalls,
    challengeCalls,
    cspReports: reports,
    /** Drops the connection of every request whose pathname `pred` accepts (offline, a blocker). */
    block(pred) { blocked = pred || (() => false); },
    /** `false`: serve dist/ as an engine without Trusted Types sees it (see noTrustedTypes). */
    trustedTypes(on) { noTrustedTypes = !on; distHeaders.clear(); },
    /** Sets the one-time code of `id` ({code, resendAfter}) or scripts its next sends ({send: [{status, body, headers}]}). */
    scriptChallenge(id, { code, resendAfter, send = [] } = {}) {
      const st = challengeOf(id);
      if (code) st.code = code;
      if (resendAfter !== undefined) st.resendAfter = resendAfter;
      st.sendScript = [...send];
    },
    /** The next confirms of `id` answer these in turn ({status, body} or {drop: true}; `completes: true`
     *  completes the session first, as a server that charged but whose answer was lost); then 200. */
    scriptConfirm(id, steps) { confirmScript.set(id, [...steps]); },
    /** Serve `config` (an object) for `id`; `raw` (a string) replaces the body verbatim. */
    setSession(id, config, { credential = null, raw = null } = {}) { sessions.set(id, { config, credential, raw }); },
    /** Serves `html` at `pathname` (a test page beside dist/); `csp: true` = under the merchant CSP, with a nonce. */
    page(pathname, html, { csp = false } = {}) { pages.set(pathname, { html, csp }); },
    /** Serves `body` instead of dist's file at `pathname` (a tampered deployment); `null` restores it. */
    override(pathname, body) { if (body === null) overrides.delete(pathname); else overrides.set(pathname, body); },
    /** Lets pages of `origin` frame frame.html, as a deployer lists its merchants' origins. */
    allowFraming(origin) { framers.push(origin); distHeaders.clear(); },
    /** Serves the captcha page as if from `origin` (another name of this server, e.g.
     *  http://localhost:port), as a deployer sets session-view-captcha-origin; `null`: this one's. */
    captchaOrigin(origin) { captchaAt = origin; distHeaders.clear(); },
    /** Plays a host that drops frame.html's framing headers (`frame-ancestors`, X-Frame-Options). */
    dropFrameAncestors(on = true) { noFrameAncestors = on; },
    /** Makes the server's clock (its `Date` header) run `ms` ahead of the real one. */
    setClockOffset(ms) { clockOffsetMs = ms; },
    /** The next GET of `id` fails (or is delayed) as described; several calls queue. */
    fail(id, failure) { failures.set(id, [...(failures.get(id) || []), failure]); },
    /** Forgets injected failures and the clock offset. */
    reset() { blocked = () => false; noFrameAncestors = false; if (captchaAt) { captchaAt = null; distHeaders.clear(); } reports.length = 0; if (noTrustedTypes) { noTrustedTypes = false; distHeaders.clear(); } failures.clear(); clockOffsetMs = 0; confirms.length = 0; confirmScript.clear(); droppedKeys.clear(); challengeCalls.length = 0; challengeState.clear(); },
    async patch(id, body) {
      const r = await fetch(`${this.origin}/v1/hosted-sessions/${id}`, { method: 'PATCH', headers: { 'X-Payment-Account-Uid': tenant, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return r.json();
    },
    async listen(port = 0) {
      // Compressed before the first request, as a CDN serves them from its cache: compressing
      // on a first request took up to a second for the main module, which Lighthouse's
      // simulation read as the server's own latency (one run in three scored 0.93-0.96).
      if (brotli) for (const f of fs.readdirSync(distDir, { recursive: true })) {
        const file = path.join(distDir, f);
        if (fs.statSync(file).isFile()) brotliOf(file);
      }
      await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', resolve); });
      this.origin = `http://127.0.0.1:${server.address().port}`;
      selfOrigin = this.origin;
      return this.origin;
    },
    close() { return new Promise(r => { server.closeAllConnections?.(); server.close(r); }); },
  };
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', c => { data += c; if (data.length > 1 << 20) req.destroy(); });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

// Standalone: serve dist/ and the demo sessions of src/demo/ on loopback.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || 8787);
  const mock = createMock();
  const demoDir = path.join(here, '..', 'src', 'demo');
  for (const f of fs.readdirSync(demoDir).filter(f => f.endsWith('.json'))) {
    try {
      const config = JSON.parse(fs.readFileSync(path.join(demoDir, f), 'utf8'));
      if (config && typeof config.session_id === 'string' && ID.test(config.session_id)) mock.setSession(config.session_id, config);
    } catch { /* a demo that is not an object is skipped */ }
  }
  try {
    const origin = await mock.listen(port);
    console.log(`mock API on ${origin}; try ${origin}/?session=cs_demoCard001`);
  } catch (e) {
    console.error(e.code === 'EADDRINUSE' ? `mock API: port ${port} is already in use (is another mock running?)` : `mock API: ${e.message}`);
    process.exit(1);
  }
}
