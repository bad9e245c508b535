// A small W3C WebDriver (classic) client, enough to drive a payer's flows in the engines that
// Playwright cannot drive from Debian's packages (issue #17): Firefox ESR through geckodriver
// (crates.io, pinned) and WebKitGTK through WebKitWebDriver (Debian's webkit2gtk-driver).
// Everything is plain HTTP to a driver on loopback; nothing is downloaded.
import { spawn } from 'node:child_process';
import net from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecc';
// WebKitGTK 2.50's driver names the element reference with a last letter of its own (…cecf).
const elementId = el => el?.[ELEMENT] ?? el?.['element-6066-11e4-a52e-4f735466cecf'];
export const KEY = { Tab: '\uE004', Enter: '\uE007', Space: '\uE00D', Shift: '\uE008' };

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** What each engine needs: its driver, how to start it, and the capabilities of a session. */
export const ENGINES = {
  firefox: {
    name: 'Firefox ESR',
    driver: port => ['geckodriver', ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
        args: ['-headless'],
        // No calls to a network that is closed here (updates, telemetry, safe browsing).
        prefs: {
          'app.update.enabled': false, 'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false, 'network.captive-portal-service.enabled': false,
          'browser.shell.checkDefaultBrowser': false, 'extensions.update.enabled': false, 'network.connectivity-service.enabled': false,
          'intl.accept_languages': 'en-US, en',
        },
      },
    }),
  },
  webkit: {
    name: 'WebKitGTK',
    driver: port => ['WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1']],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    }),
  },
};

/** Starts `engine`'s driver and one browser session; `close()` ends both. `sslProxy`
 *  ("host:port") sends the browser's HTTPS (only) through a local proxy whose certificate it
 *  accepts: the captcha stand-ins' (captcha-proxy.mjs). */
export async function launch(engine, { sslProxy } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}: one of ${Object.keys(ENGINES).join(', ')}`);
  const port = await freePort();
  const [cmd, args] = spec.driver(port);
  // WebKitGTK: the proxy capability sends nothing to the proxy (2.50.6, tried); its browser
  // takes the proxy from the environment instead (GLib's libproxy resolver reads https_proxy).
  const env = sslProxy && engine === 'webkit' ? { ...process.env, https_proxy: `http://${sslProxy}` } : process.env;
  const proc = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  proc.stderr.on('data', d => { stderr = (stderr + d).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { const r = await fetch(`${base}/status`); if (r.ok) break; } catch { /* not up yet */ }
    if (i > 100 || proc.exitCode !== null) throw new Error(`${cmd} did not start: ${stderr}`);
    await new Promise(r => setTimeout(r, 100));
  }
  const capabilities = spec.capabilities();
  if (sslProxy) Object.assign(capabilities, { acceptInsecureCerts: true }, engine === 'webkit' ? {} : { proxy: { proxyType: 'manual', sslProxy } });
  const created = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const session = new Session(`${base}/session/${created.sessionId}`, created.capabilities);
  session.close = async () => {
    await call(session.url, 'DELETE', '').catch(() => {});
    proc.kill();
  };
  return session;
}

async function call(base, method, path, body) {
  const r = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const e = new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`.slice(0, 600));
    e.code = json.value?.error;
    throw e;
  }
  return json.value;
}

export class Session {
  constructor(url, capabilities) { this.url = url; this.capabilities = capabilities; }
  cmd(method, path, body) { return call(this.url, method, path, body); }
  browserVersion() { return this.capabilities?.browserVersion ?? '?'; }
  goto(url) { this.inFrame = null; return this.cmd('POST', '/url', { url }); }
  /** Runs `fn` (a function, serialised) in the page with `args`; elements come back as refs. */
  run(fn, ...args) { return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args }); }
  /** Runs `body` (a function body's source) in the page; it calls its last argument with the result. */
  runAsync(body, ...args) { return this.cmd('POST', '/execute/async', { script: body, args }); }
  /** Waits until `fn(...args)` returns something truthy in the page (polled), and returns it. */
  // A poll that meets a page being replaced is retried: the drivers then say stale, detached,
  // or (WebKit, once in a clean-clone run) that they could not parse the script's result.
  async waitFor(fn, args = [], { timeout = 15000, what = String(fn).slice(0, 120) } = {}) {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      try { last = await this.run(fn, ...args); if (last) return last; } catch (e) { if (!/stale|no such|detached|unexpected alert|javascript error|could not parse script result/i.test(e.message)) throw e; last = e.message; }
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)?.slice(0, 200)})`);
      await new Promise(r => setTimeout(r, 50));
    }
  }
  /** The element `selector` matches (waiting for it), as a ref for click/type. */
  async find(selector, timeout = 15000) {
    return this.waitFor(s => document.querySelector(s), [selector], { timeout, what: selector });
  }
  /** The element whose accessible-ish name is `name`: a label's control, or a button's text. */
  async byLabel(name) {
    return this.waitFor(n => {
      for (const l of document.querySelectorAll('label')) if (l.textContent.replace(/\s+/g, ' ').trim() === n) return l.control;
      for (const e of document.querySelectorAll('[aria-label]')) if (e.getAttribute('aria-label') === n) return e;
      return null;
    }, [name], { what: `the field labelled ${name}` });
  }
  async button(name) {
    return this.waitFor(n => [...document.querySelectorAll('button')].find(b => b.textContent.replace(/\s+/g, ' ').trim() === n && !b.disabled), [name], { what: `the button ${name}` });
  }
  /** Real pointer and key input through the driver. */
  // Scrolled to the middle first: a driver scrolls the frame's own document, not always the
  // page around an auto-sized frame (Firefox then clicks where the button is not).
  // Then two frames, so a part that has just rendered has its final layout: a driver aims at
  // where the element is when it computes the click, and a button moved by a late line above
  // it would be missed.
  // In a frame (one level down), the top page is scrolled too, so that the element is in the
  // window's middle: an auto-sized frame does not scroll itself.
  async click(el) {
    await this.runAsync('const [e, done] = arguments; e.scrollIntoView({ block: "center" }); requestAnimationFrame(() => requestAnimationFrame(() => done()));', el);
    if (this.inFrame) {
      const top = await this.run(e => e.getBoundingClientRect().top, el);
      await this.cmd('POST', '/frame', { id: null });
      await this.run((f, t) => window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + t - window.innerHeight / 2), this.inFrame, top);
      await this.cmd('POST', '/frame', { id: this.inFrame });
    }
    return this.cmd('POST', `/element/${elementId(el)}/click`, {});
  }
  type(el, text) { return this.cmd('POST', `/element/${elementId(el)}/value`, { text }); }
  async keys(...keys) {
    const actions = keys.flatMap(k => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]);
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'kb', actions }] });
    await this.cmd('DELETE', '/actions');
  }
  text(selector) { return this.run(s => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(), selector); }
  /** Into the frame element `el` (a ref), or back to the top page with `null`. */
  frame(el) { this.inFrame = el; return this.cmd('POST', '/frame', { id: el }); }
}
