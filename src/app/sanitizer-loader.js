// Loads the sanitiser module (session-view-sanitizer.js and its wasm, built from
// crates/sanitizer) the first time a view has a page_message to show; every view on the
// page shares it. It is not on the payer's critical path: the amount, the items and the
// methods render without it. The release build (tools/manifest.mjs) pins the module's
// JS through the hosted page's import map and its wasm through the hash below (fetch with
// integrity), as boot.js does for the main module.
//
// This file is a wasm-bindgen snippet, served from <dist>/snippets/<crate>-<hash>/src/app/:
// the release files are four directories up.
const DIST = new URL('../../../../', import.meta.url);
const WASM_SHA384 = '__SANITIZER_WASM_SHA384__';

let loading;

function load() {
  loading ??= (async () => {
    const module = await import(new URL('session-view-sanitizer.js', DIST).href);
    const wasm = fetch(new URL('session-view-sanitizer_bg.wasm', DIST), WASM_SHA384.startsWith('sha384-') ? { integrity: WASM_SHA384 } : {});
    await module.default({ module_or_path: wasm });
    return module;
  })();
  // A failed load (offline, blocked) is forgotten, so the next message tries again.
  loading.catch(() => { loading = undefined; });
  return loading;
}

/** `page_message` sanitised by the module; rejects if the module cannot be loaded. */
export async function sanitizeMessage(html) {
  return (await load()).sanitizeMessage(html);
}
