// The merchant's side of an embedded view: an `<iframe>` of the view's own origin
// (`frame.html`) in the host element's shadow root, and the one channel to it. Card, bank and
// one-time-code fields, and every request that carries them or the credential, run in that
// frame, out of reach of the merchant page's scripts. This side only checks the options,
// posts one init (with a fresh MessagePort) to the frame's exact origin after each load,
// listens on that port alone, fits the iframe to the height it reports and dispatches the
// documented events on the host element.
import { DEFAULT_POLL_MS, TIMEOUT_MS, INIT_TYPE, sessionIdOk, apiBase, acceptedTimeout, acceptedSettleTimeout, SETTLE_TIMEOUT_MS, themeVariable, exactOrigin, wanted, words, initText, updateText, REFRESH_TEXT, readFromFrame, errorDetail, OUTCOMES, settleText, EVENT_PREFIX, PROTOCOL, SUBMIT_TEXT, optionsText } from './protocol.js';

/** A mistake in how `mount()` was called: `code` names it for code, `message` for people. */
export class SessionViewError extends Error {
  constructor(code, message) {
    super(`session view: ${message}`);
    this.name = 'SessionViewError';
    this.code = code;
  }
}
const fail = (code, message) => { throw new SessionViewError(code, message); };
const refuse = (code, message) => Promise.reject(new SessionViewError(code, message));
const OPTIONS = ['sessionId', 'credential', 'apiBase', 'config', 'locale', 'appearance', 'pollInterval', 'timeoutMs', 'handleConfirm', 'settleTimeoutMs', 'showPayButton', 'parentOrigin'];
const warn = message => console.warn(`session view: ${message}`);

const CSS = ':host{display:block}.sv-host{all:initial;display:block}.sv-frame{display:block;width:100%;height:0;border:0;margin:0;padding:0;color-scheme:normal}'
  + '.sv-frame-problem{display:block;padding:1rem;border:1px solid;border-radius:8px;font:16px/1.5 system-ui,sans-serif}.sv-frame-problem p{margin:.25rem 0 .75rem}'
  + '.sv-frame-problem button{font:inherit;min-height:44px;padding:.5rem 1rem;cursor:pointer}.sv-frame-problem button:focus-visible{outline:3px solid;outline-offset:2px}';
let sheet;

/** The options, checked as the frame checks them again (it trusts no sender). */
function readOptions(options) {
  if (!options || typeof options !== 'object') fail('invalid-options', 'mount(element, options) needs an options object');
  const string = key => {
    const v = options[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') fail('invalid-options', `option \`${key}\` must be a string`);
    return v;
  };
  const sessionId = string('sessionId');
  const credential = string('credential');
  const base = string('apiBase');
  if (sessionId !== undefined) {
    if (!sessionIdOk(sessionId)) fail('invalid-options', '`sessionId` must match ^cs_[A-Za-z0-9]+$');
    if (!apiBase(base ?? location.origin)) fail('invalid-options', '`apiBase` must be an absolute http(s) URL');
  }
  let config = options.config ?? undefined;
  if (config !== undefined) config = configText(config);
  if (config === undefined && sessionId === undefined) fail('invalid-options', 'give `sessionId` (and `credential`) or `config`');
  let pollMs = DEFAULT_POLL_MS;
  if (options.pollInterval !== undefined && options.pollInterval !== null) {
    const ms = options.pollInterval;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) fail('invalid-options', '`pollInterval` must be a number of ms ≥ 0');
    pollMs = Math.min(Math.trunc(ms), 4294967295);
  }
  let timeoutMs = TIMEOUT_MS;
  if (options.timeoutMs !== undefined && options.timeoutMs !== null) {
    timeoutMs = acceptedTimeout(options.timeoutMs) ?? fail('invalid-options', '`timeoutMs` must be between 100 and 120000');
  }
  let settleTimeoutMs = SETTLE_TIMEOUT_MS;
  if (options.settleTimeoutMs !== undefined && options.settleTimeoutMs !== null) {
    settleTimeoutMs = acceptedSettleTimeout(options.settleTimeoutMs) ?? fail('invalid-options', '`settleTimeoutMs` must be between 1000 and 600000');
  }
  const parent = string('parentOrigin');
  const parentOrigin = parent === undefined ? undefined : exactOrigin(parent) ?? fail('invalid-options', '`parentOrigin` must be an origin like https://shop.example');
  for (const key of Object.keys(options)) if (!OPTIONS.includes(key)) warn(`unknown option \`${key.slice(0, 40)}\` ignored`);
  return {
    init: { sessionId, credential, apiBase: base, config, locale: string('locale'), pollMs, timeoutMs, handleConfirm: !!options.handleConfirm, ...look(options.appearance), settleTimeoutMs, showPayButton: options.showPayButton !== false },
    parentOrigin,
  };
}

/** Checked `--sv-*` variables of one palette (`{ bg: "#fff", "--sv-radius": "4px" }`). */
const palette = v => {
  const out = [];
  for (const [key, value] of Object.entries(v && typeof v === 'object' ? v : {})) {
    const name = `--sv-${key.replace(/^--sv-/, '')}`;
    if (themeVariable(name, value)) out.push([name, value]);
    else warn(`appearance \`${name.slice(5, 45)}\` ignored (unknown variable or unsafe value)`);
  }
  return out;
};
/** `appearance`: one palette for both schemes, or `{ light, dark }`, one each. */
const look = a => (a && typeof a === 'object' && ('light' in a || 'dark' in a) ? { appearance: palette(a.light), appearanceDark: palette(a.dark) } : { appearance: palette(a), appearanceDark: undefined });

/** A config object as the JSON text the API would have sent; the frame reads it as it reads
 *  the API's answer. Anything JSON cannot hold, or that is not an object, throws. */
function configText(config) {
  let text;
  try {
    text = JSON.stringify(config);
  } catch {
    text = undefined;
  }
  if (typeof text !== 'string') fail('invalid-config', 'config is not a JSON-like object');
  if (!text.startsWith('{')) fail('invalid-config', 'the config is not a JSON object');
  return text;
}

/** Fires `sv-<name>` on `host`: bubbling, composed (it leaves the shadow root), with `detail`. */
export const dispatch = (host, name, detail) => host.dispatchEvent(new CustomEvent(EVENT_PREFIX + name, { bubbles: true, composed: true, detail }));

/** The message shown in place of a frame that never answered, in the view's language. */
function problemPanel(lang, retry) {
  const w = words(lang);
  const el = (tag, text) => { const e = document.createElement(tag); if (text) e.textContent = text; return e; };
  const panel = el('section');
  panel.className = 'sv-frame-problem';
  panel.setAttribute('role', 'alert');
  panel.setAttribute('lang', lang);
  panel.setAttribute('dir', w.dir);
  panel.setAttribute('data-testid', 'frame-problem');
  const button = el('button', w.tryAgain);
  button.type = 'button';
  button.addEventListener('click', retry);
  panel.append(el('strong', w.unreachableTitle), el('p', w.unreachableBody), button);
  return panel;
}

/** The frame and its channel, in `container`; talks to `frameUrl`'s exact origin only. */
function openFrame(host, container, init, lang, frameUrl) {
  const origin = new URL(frameUrl).origin;
  const iframe = document.createElement('iframe');
  iframe.src = frameUrl;
  iframe.title = words(lang).checkout;
  iframe.setAttribute('allow', 'otp-credentials'); // Web OTP inside a cross-origin frame
  iframe.className = 'sv-frame';
  let port = null;
  let heard = false;
  let timer = 0;
  let panel = null;
  let awaiting = false; // a handed-off confirm (handleConfirm) waits for settle()
  let waiting = 0;
  let ready = false;
  let submitted = null; // submit()'s promise, its resolve and reject, until the outcome comes
  const end = (outcome, error) => { if (submitted) { const s = submitted; submitted = null; error ? s[2](error) : s[1](outcome); } };
  const close = () => { if (port) { port.onmessage = null; port.close(); port = null; } };
  const arm = () => { clearTimeout(timer); timer = setTimeout(timedOut, init.timeoutMs); };
  const onMessage = e => {
    const m = typeof e.data === 'string' ? readFromFrame(e.data) : null;
    if (!m) return;
    heard = true;
    clearTimeout(timer);
    if (panel) { panel.remove(); panel = null; iframe.style.removeProperty('display'); } // a slow frame answered after all
    if (m.height) return iframe.style.setProperty('height', `${m.height.height}px`);
    if (m.blocked) return end({ outcome: 'blocked', missing: m.blocked.missing });
    const { name, detail } = m.event;
    if (name === 'ready') ready = true;
    if (name === 'completed') end({ outcome: 'completed' });
    if (name === 'payment-failed') end({ outcome: 'failed', reason: detail.reason, retryable: detail.retryable, ...(detail.message ? { message: detail.message } : {}) });
    if (name === 'expired') end({ outcome: 'failed', reason: 'expired', retryable: false });
    if (name === 'error' && detail.code === 'incompatible') warn(`this page's module speaks protocol ${PROTOCOL}, which the view's frame at ${origin} does not: load the module of the same release as the frame`);
    // A handed-off confirm waits for settle() until the frame gives the payer Pay back.
    if (name === 'confirm' && init.handleConfirm) { awaiting = true; clearTimeout(waiting); waiting = setTimeout(() => { awaiting = false; end({ outcome: 'failed', reason: 'unknown', retryable: true }); }, init.settleTimeoutMs); }
    else if (name !== 'change') awaiting = false;
    dispatch(host, name, detail);
  };
  const onLoad = () => {
    const win = iframe.contentWindow;
    if (!win) return;
    close();
    const channel = new MessageChannel();
    channel.port1.onmessage = onMessage;
    // To the frame's exact origin: if it is showing anything else, nothing is sent.
    win.postMessage({ type: INIT_TYPE, init: initText(init) }, origin, [channel.port2]);
    port = channel.port1;
  };
  const retry = () => {
    if (panel) { panel.remove(); panel = null; }
    iframe.style.removeProperty('display');
    iframe.src = iframe.src; // loads the frame again; its load posts a fresh init
    arm();
  };
  function timedOut() {
    if (heard || panel) return;
    warn('the view\'s frame did not answer in time; is this page\'s origin in frame.html\'s frame-ancestors, and the view\'s origin in this page\'s frame-src?');
    panel = problemPanel(lang, retry);
    iframe.style.setProperty('display', 'none');
    container.append(panel);
    dispatch(host, 'error', errorDetail('unreachable'));
  }
  iframe.addEventListener('load', onLoad);
  container.append(iframe);
  arm();
  return {
    update(config) { if (port) port.postMessage(updateText(config)); init.config = config; },
    options(o) { if (port) port.postMessage(optionsText(o)); Object.assign(init, o); },
    submit() {
      if (!port || !ready) return refuse('not-ready', 'submit() before the view is ready (the `sv-ready` event)');
      if (!submitted) {
        let resolve, reject;
        submitted = [new Promise((y, n) => { resolve = y; reject = n; })];
        submitted.push(resolve, reject);
        port.postMessage(SUBMIT_TEXT);
      }
      return submitted[0];
    },
    refresh() { if (port) port.postMessage(REFRESH_TEXT); },
    settle(outcome, message) {
      if (!awaiting || !port) return false;
      awaiting = false;
      port.postMessage(settleText(outcome, message));
      end({ outcome: 'failed', reason: outcome === 'declined' ? 'declined' : 'refused', retryable: true, ...(message ? { message } : {}) });
      return true;
    },
    remove() { end(null, new SessionViewError('unmounted', 'the view was unmounted before the payment ended')); clearTimeout(timer); clearTimeout(waiting); iframe.removeEventListener('load', onLoad); close(); iframe.remove(); },
  };
}

/** Posts this page's height to the one parent origin named, when this page is itself framed. */
function reportHeight(target, parentOrigin) {
  if (!parentOrigin || window.parent === window) return null;
  let last = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(target.getBoundingClientRect().height);
    if (height !== last) { last = height; window.parent.postMessage({ type: 'hosted-session-view:height', height }, parentOrigin); }
  });
  observer.observe(target);
  return observer;
}

const mounted = new Map(); // host element -> its view

/** Mounts the view, served from `frameUrl`, into `element`. Returns its handle. */
export function mountWith(frameUrl, element, options) {
  if (!(element instanceof Element)) fail('invalid-element', 'mount(element, options) needs an element of this page');
  const { init, parentOrigin } = readOptions(options);
  mounted.get(element)?.unmount(); // a second mount on the same element replaces the first
  for (const [name, value] of init.appearance) element.style.setProperty(name, value);
  const shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
  if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  container.className = 'sv-host';
  shadow.append(container);
  const lang = wanted(init.locale, navigator.languages || []);
  const frame = openFrame(element, container, init, lang, frameUrl);
  const observer = reportHeight(container, parentOrigin);
  let gone = false;
  const handle = {
    /** Shows `config` in place, or with `{ appearance, locale }` a new look or language,
     *  keeping what the payer typed. Throws if it is not an object. */
    update(config) {
      if (gone) fail('unmounted', 'update() after unmount()');
      if (config && typeof config === 'object' && ('appearance' in config || 'locale' in config)) {
        const o = config.appearance === undefined ? {} : look(config.appearance);
        if (config.locale !== undefined) o.locale = typeof config.locale === 'string' ? config.locale : fail('invalid-options', 'option `locale` must be a string');
        frame.options(o);
        if (config.config !== undefined) frame.update(configText(config.config));
      } else frame.update(configText(config));
    },
    /** Presses Pay for your own button: resolves `{ outcome: "completed" }`, `{ outcome:
     *  "failed", reason, retryable }` or `{ outcome: "blocked", missing }` (the payer is shown
     *  what to fix). Calls while one is under way share its promise. */
    submit() { return gone ? refuse('unmounted', 'submit() after unmount()') : frame.submit(); },
    /** Reads the session from the API again now. */
    refresh() { if (!gone) frame.refresh(); },
    /** With `handleConfirm`: your confirm did not pay. The payer gets Pay back, with what they
     *  typed and your `message`. `false` (and a console warning) when no confirm waits. */
    settle(result) {
      const outcome = result && typeof result === 'object' ? result.outcome : undefined;
      const message = result && typeof result === 'object' ? result.message : undefined;
      if (!OUTCOMES.includes(outcome)) { warn(`settle() needs { outcome: ${OUTCOMES.map(o => `"${o}"`).join(' | ')} }`); return false; }
      if (message != null && typeof message !== 'string') { warn('settle(): `message` must be a string'); return false; }
      if (gone || !frame.settle(outcome, message)) { warn('settle() with no handed-off confirm waiting (handleConfirm, after a `confirm` event)'); return false; }
      return true;
    },
    /** Removes the view, its frame and everything that ran in it. Idempotent. */
    unmount() {
      if (gone) return;
      gone = true;
      frame.remove();
      observer?.disconnect();
      container.remove();
      if (mounted.get(element) === handle) mounted.delete(element);
    },
    /** Kept for the wasm module's handles: nothing to free. */
    free() {},
  };
  mounted.set(element, handle);
  return handle;
}
