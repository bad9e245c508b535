// Starts the hosted page. A file, not an inline script, so the page's Content-Security-Policy
// needs no 'unsafe-inline', hash or nonce. The build (tests/tools/manifest.mjs) pins the wasm
// module's SHA-384 below, so the browser refuses a module that is not the released one (SRI
// on fetch; index.html pins this file and the JS module the same way). If the module cannot
// start (blocked, tampered, old browser, a failed download), the payer gets a calm message
// instead of a blank page.
const WASM_SHA384 = '__WASM_SHA384__';
const wasm = new URL('./session-view-app_bg.wasm', import.meta.url);
const pinned = WASM_SHA384.startsWith('sha384-');

const download = () => fetch(wasm, pinned ? { integrity: WASM_SHA384 } : {});

// The wasm is compiled while the JS module and its snippets load (index.html preloads them
// all), not after: the compile is the longest step before the first render (issue #6). A
// server that sends the wasm with another MIME type gets the plain download instead.
const compiled = WebAssembly.compileStreaming(download()).catch(() => download());
compiled.catch(() => {}); // a failure is reported once, below

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
