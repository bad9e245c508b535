// The captcha providers' official script URLs, answered in an engine that WebDriver classic
// cannot intercept requests in (issue #17). The browser is given this proxy for HTTPS only
// (the `proxy` capability's sslProxy) and told to accept its certificate
// (`acceptInsecureCerts`, a throwaway self-signed one made by openssl for this run). A CONNECT
// to js.hcaptcha.com or challenges.cloudflare.com is terminated here and the exact official
// URL answered with the local stand-in (tests/stand-ins/captcha.js), as the Chromium suite's
// request routing does; every other host is refused, so nothing leaves the machine.
import http from 'node:http';
import tls from 'node:tls';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { HCAPTCHA, TURNSTILE } from '../e2e/harness.mjs';

const STAND_IN = fs.readFileSync(new URL('../stand-ins/captcha.js', import.meta.url), 'utf8');
const HOSTS = new Set(['js.hcaptcha.com', 'challenges.cloudflare.com']);

/** A certificate for the two providers' hosts, valid for a day, made fresh for this run. */
function throwawayCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'captcha-proxy-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=captcha stand-in (tests only)',
    '-addext', `subjectAltName=${[...HOSTS].map(h => `DNS:${h}`).join(',')}`], { stdio: 'ignore' });
  const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

/** Starts the proxy. `seen` lists each official script requested; `set(how)` answers
 *  'stand-in' (the default) or 'fail' (503: the script does not load). */
export async function captchaProxy() {
  const seen = [];
  const mode = { how: 'stand-in' };
  const secure = tls.createSecureContext(throwawayCertificate());
  const provider = http.createServer((req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    if (url !== HCAPTCHA && url !== TURNSTILE) { res.writeHead(404); return res.end(); }
    seen.push(url);
    // An error status, not a dropped connection: a browser retries a GET whose connection
    // drops (Firefox does, three times), and the view's own retries are what is counted.
    if (mode.how === 'fail') { res.writeHead(503, { 'Cache-Control': 'no-store' }); return res.end(); }
    res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    res.end(STAND_IN);
  });
  const proxy = http.createServer((_req, res) => { res.writeHead(403); res.end(); });
  const sockets = new Set();
  proxy.on('connect', (req, socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const [host, port] = req.url.split(':');
    if (!HOSTS.has(host) || port !== '443') return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    const inner = new tls.TLSSocket(socket, { isServer: true, secureContext: secure, ALPNProtocols: ['http/1.1'] });
    inner.on('error', () => socket.destroy());
    provider.emit('connection', inner);
  });
  await new Promise((resolve, reject) => { proxy.once('error', reject); proxy.listen(0, '127.0.0.1', resolve); });
  return {
    address: `127.0.0.1:${proxy.address().port}`,
    seen,
    set(how) { mode.how = how; },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise(r => proxy.close(r));
    },
  };
}
