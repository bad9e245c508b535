// Loads the sanitiser module (session-view-sanitizer.js and its wasm, built from
// crates/sanitizer) the first time a view has a page_message to show; every view on the
// page shares it. It is not on the payer's critical path: the amount, the items and the
// methods render without it. The release build (tools/manifest.mjs) pins the module's
// JS through the hosted page's import map and its wasm through the hash below (fetch with
// integrity), as boot.js does for the main module.
//
// This file is a wasm-bindgen snippet, served from <dist>/snippets/<crate>-<hash>/src/pages/:
// the release files are four directories up.
const DIST = new URL('../../../../', import.meta.url);
const WASM_SHA384 = '__SANITIZER_WASM_SHA384__';

const WARM_UP = [
  'a',
  '<p>b <strong>c</strong> <a href="https://x.test/">e</a></p>',
  '<h3>a</h3><p>b <em>d</em> <a href="https://x.test/?q=1&amp;r=2" onclick="x()">e</a><br><b>f</b><i>g</i><u>h</u>'
    + '<s>i</s><small>j</small><code>k</code></p><ul><li>l</li></ul><ol><li>m</li></ol><blockquote>n &lt; o</blockquote>'
    + '<script>p</script><img src=q onerror=r><div style="s">t</div><!-- u -->',
];

let loading;

function load() {
  loading ??= (async () => {
    const module = await import(new URL('session-view-sanitizer.js', DIST).href);
    const wasm = fetch(new URL('session-view-sanitizer_bg.wasm', DIST), WASM_SHA384.startsWith('sha384-') ? { integrity: WASM_SHA384 } : {});
    await module.default({ module_or_path: wasm });
    // The engine compiles the module's functions on their first call: a first call with a
    // long message did that and the message's work in one task (~300 ms at 4x CPU, issue
    // #14). Short messages touching the same paths take the compiling into tasks of their
    // own, a little at a time, and the payer's message runs after them.
    for (const html of WARM_UP) {
      module.sanitizeMessage(html);
      await new Promise(resolve => setTimeout(resolve, 0));
    }
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
