// Starts the hosted page. A file, not an inline script, so the page's Content-Security-Policy
// needs no 'unsafe-inline', hash or nonce. The build (tools/manifest.mjs) pins the wasm
// module's SHA-384 below, so the browser refuses a module that is not the released one (SRI
// on fetch; index.html pins this file and the JS module the same way). If the module cannot
// start (blocked, tampered, old browser, a failed download), the payer gets a calm message
// instead of a blank page.
const WASM_SHA384 = '__WASM_SHA384__';
const wasm = new URL('./session-view-app_bg.wasm', import.meta.url);
const pinned = WASM_SHA384.startsWith('sha384-');

// The hosted page's config request starts now, beside the wasm download, not after the
// module has started: one round trip less before the payer sees what they pay (issue #6).
// The view (src/platform/api.rs, `take_early_request`) uses it for its first attempt only if it is
// for exactly the URL and credential it would use itself; otherwise it aborts it and asks
// on its own. The rules are the view's (src/pages/hosted.rs, api.rs): only on our own page;
// the API base from the deployer's <meta>, never from the URL; a session id
// cs_[A-Za-z0-9]+; the credential from the fragment, sent only as a Bearer header to that
// base and kept nowhere (the view wipes the fragment when it starts).
const meta = name => document.querySelector(`meta[name="${name}"]`);
function startConfigRequest() {
  if (!meta('session-view-page') || meta('session-view-page').content === 'frame') return;
  const id = new URLSearchParams(location.search).get('session') ?? '';
  if (id.length > 255 || !/^cs_[A-Za-z0-9]+$/.test(id)) return;
  const base = (meta('session-view-api-base')?.content.trim() || location.origin).replace(/\/+$/, '');
  if (!/^https?:\/\/[!-~]+$/i.test(base) || /[?#@\\]/.test(base)) return;
  const credential = location.hash.replace(/^#/, '');
  const withCredential = /^[!-~]{1,4096}$/.test(credential);
  const url = `${base}/v1/hosted-sessions/${id}`;
  const abort = new AbortController();
  const headers = { Accept: 'application/json' };
  if (withCredential) headers.Authorization = `Bearer ${credential}`;
  const response = fetch(url, { headers, signal: abort.signal });
  response.catch(() => {}); // the view reports a failure, as for any attempt
  window[Symbol.for('session-view.early-request')] = { url, withCredential, response, abort };
  return true;
}
const hostedSession = startConfigRequest();

// The embedded view's frame, whose config comes later with the parent's init, needs the whole
// Leptos view (a chunk, with the chunks it shares: src/pages/mod.rs): its files are fetched
// here once the main module has arrived (beside it, they would share the payer's bandwidth
// with it), a little before the module itself asks. On the hosted page the main module draws
// the first paint itself and asks for the view once that paint is on screen
// (src/pages/hosted.rs): measured with Lighthouse (issue #14), fetched before the first paint
// they cost a saved-card session 0.9 s of LCP. The build (tools/manifest.mjs) writes their
// names and SHA-384 here, and the chunk loader takes these responses instead of asking again
// (once: a retry fetches afresh).
const EARLY_CHUNKS = '__EARLY_CHUNKS__';
// Shared with the chunk loader: the responses fetched here, and the files it has asked for
// (once the loader has fetched a file itself, an early copy would only be stale).
const earlyChunks = { responses: new Map(), asked: new Set() };
window[Symbol.for('session-view.early-chunks')] = earlyChunks;
function startChunks(chunks = EARLY_CHUNKS, signal = undefined) {
  if (!Array.isArray(chunks)) return;
  for (const [file, integrity] of chunks) {
    if (earlyChunks.asked.has(file) || earlyChunks.responses.has(file)) continue;
    const response = fetch(new URL(`./${file}`, import.meta.url), { integrity, signal });
    response.catch(() => {}); // a failure is the loader's to report, when it takes it
    earlyChunks.responses.set(file, response);
  }
}

// The embedded view's frame (frame.html, src/pages/frame/mod.rs): the merchant-side mount() posts
// one init message with a MessagePort as soon as this page has loaded, which may be before
// the wasm has started. It is kept here until the view takes it. Only from our parent
// window (and, where the browser tells, from its origin), only from a merchant origin the
// deployment lists (session-view-merchant-origins; none listed: this origin), only once, only
// in our shape. A stranger's init gets no answer at all.
function awaitFrameInit() {
  if (meta('session-view-page')?.content !== 'frame' || window.parent === window) return;
  const parentOrigin = location.ancestorOrigins?.[0];
  const merchants = (meta('session-view-merchant-origins')?.content || '').split(/\s+/).filter(Boolean);
  const listed = origin => origin === location.origin || merchants.includes(origin);
  window[Symbol.for('session-view.frame-init')] = new Promise(resolve => {
    addEventListener('message', function take(e) {
      if (e.source !== window.parent || (parentOrigin && e.origin !== parentOrigin)) return;
      if (!listed(e.origin)) { console.warn(`session view: an init from ${e.origin} was ignored: it is not in session-view-merchant-origins`); return; }
      const d = e.data;
      if (!d || d.type !== 'hosted-session-view:init' || typeof d.init !== 'string' || e.ports.length !== 1) return;
      removeEventListener('message', take);
      resolve({ init: d.init, origin: e.origin, port: e.ports[0] });
    });
  });
}
awaitFrameInit();

// The first `Intl.NumberFormat` a page makes loads its locale's data: about 70 ms at 4× CPU
// (measured, issue #14), the largest single cost inside the first render's task. Made here
// once, while the wasm downloads and the main thread waits, the view's own formatters (same
// locale) find the data loaded. Nothing is shown from it; a tag Intl refuses costs nothing.
setTimeout(() => {
  const asked = new URLSearchParams(location.search).get('locale');
  const locales = [asked, ...navigator.languages].filter(t => typeof t === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(t));
  try { new Intl.NumberFormat(locales, { style: 'currency', currency: 'USD' }).format(1); } catch {}
}, 0);

const download = () => fetch(wasm, pinned ? { integrity: WASM_SHA384 } : {});

// The wasm is compiled while the JS module and its snippets load (index.html preloads them
// all), not after: the compile is the longest step before the first render (issue #6). A
// server that sends the wasm with another MIME type gets the plain download instead.
const mainModule = download();
const compiled = WebAssembly.compileStreaming(mainModule).catch(() => download());

// The hosted page's view (its split point and the shared chunks it waits for), on a slow
// link. The main module asks for the view once its first paint is on screen
// (src/pages/hosted.rs). On a slow link the view's files are fetched here instead, as soon as
// the main module has arrived: the paint needs no more bytes, and the link would otherwise sit
// idle while the main thread paints. On a fast link they would land in the middle of the
// paint and hold it up, so they wait for it. Measured at 4× CPU (issue #14): on a phone
// network (150 ms, 1.6 Mbit/s) Pay came 100 to 200 ms sooner and the first paint did not
// move; on loopback, asked for before the paint, they delayed it by 50 to 100 ms. Slow: the
// main module took more than 400 ms from its request to its last byte (on that phone network
// about 700; on loopback at 4× CPU under 150). A session that needs no view (paid, expired,
// not found) is known only once the main module has read its config: it then calls
// `viewNotNeeded()`, which stops these downloads.
const VIEW_CHUNKS = '__VIEW_CHUNKS__';
const SLOW_LINK_MS = 400;
const viewNotNeeded = new AbortController();
earlyChunks.viewNotNeeded = () => viewNotNeeded.abort();
if (hostedSession) {
  mainModule.then(() => {
    const main = performance.getEntriesByName(wasm.href).find(e => e.responseEnd > 0);
    if (main && main.responseEnd - main.requestStart > SLOW_LINK_MS && !viewNotNeeded.signal.aborted) startChunks(VIEW_CHUNKS, viewNotNeeded.signal);
  }).catch(() => {});
}
compiled.catch(() => {}); // a failure is reported once, below
if (meta('session-view-page')?.content === 'frame') compiled.finally(startChunks).catch(() => {});

// A dynamic import, so a module the browser refuses (SRI, network) still ends in the message.
import('./session-view-app.js')
  .then(async m => m.default({ module_or_path: await compiled }))
  .catch(() => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.className = 'sv-boot-failed';
    p.textContent = 'This checkout could not start. Please check your connection and reload the page. Nothing has been charged.';
    document.body.append(p);
  });
