// Layers point down (issue #15). The core is a crate of its own (crates/core: no web-sys, no
// Leptos in its Cargo.toml, so the compiler keeps it pure), as is the sanitiser
// (crates/sanitizer, on top of the core); the browser primitives without Leptos (crates/dom)
// may not link Leptos or the view: its manifest is checked here. (The merchant's module is
// plain JavaScript, packages/session-view.) Within the view's crate (src/), each top-level
// module belongs to one layer and may use modules of its own layer or below, never above, and
// no two modules use each other, directly or around a circle. This checks the view's crate,
// and that the core crate's manifest stays free of the browser and Leptos. Run by `npm test`
// (step 0); `node tools/layers.mjs --print` prints the graph.
//   core      the core crate, re-exported under its module names (model, i18n, …), and the
//             demo sessions (data)
//   platform  the browser, the network and the wasm split (web-sys, gloo-net)
//   view      Leptos components (src/view/), with the backend they are given
//   session   the live controller that feeds a view (src/live.rs)
//   pages     what starts a view: the hosted page and gallery (src/pages/), the embedding
//             (src/embed/), the crash message over all of them
import fs from 'node:fs';
import path from 'node:path';

const LAYERS = {
  core: ['money', 'time', 'validate', 'model', 'digits', 'card', 'bank', 'country', 'payment', 'gate', 'problem', 'retry', 'countdown', 'challenge', 'contrast', 'sanitize', 'i18n', 'embedding', 'demo'],
  platform: ['platform', 'first_paint'],
  view: ['view'],
  session: ['session'],
  pages: ['pages'],
};
const ORDER = Object.keys(LAYERS);
const layerOf = new Map(Object.entries(LAYERS).flatMap(([layer, mods]) => mods.map(m => [m, layer])));
const IGNORED = new Set(['lib', 'main']); // the crate root (re-exports) and the binary

const src = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'src');
const files = dir => fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.rs') ? [path.join(dir, e.name)] : []));

const uses = new Map(); // module -> Map(used module -> first file that uses it)
const impure = [];
for (const file of files(src)) {
  const rel = path.relative(src, file);
  const mod = rel.split(path.sep)[0].replace(/\.rs$/, '');
  if (IGNORED.has(mod)) continue;
  // Code only: comments out, and the unit tests (which may use anything) cut off.
  const code = fs.readFileSync(file, 'utf8').replace(/\/\/[^\n]*/g, '').split(/#\[cfg\(test\)\]\s*mod tests/)[0];
  if (!uses.has(mod)) uses.set(mod, new Map());
  for (const [, used] of code.matchAll(/crate::([a-z_0-9]+)/g)) {
    if (used !== mod && !uses.get(mod).has(used)) uses.get(mod).set(used, rel);
  }
  if (layerOf.get(mod) === 'core' && /\b(web_sys|js_sys|wasm_bindgen|leptos|gloo_net)::/.test(code)) impure.push(`${rel}: a core module uses the browser or Leptos`);
}

// The core crate: nothing of the browser or Leptos among its dependencies.
const coreManifest = fs.readFileSync(path.join(src, '..', 'crates', 'core', 'Cargo.toml'), 'utf8');
for (const dep of ['web-sys', 'js-sys', 'wasm-bindgen', 'leptos', 'gloo-net', 'gloo']) {
  if (new RegExp(`^\\s*${dep}\\s*=`, 'm').test(coreManifest)) impure.push(`crates/core/Cargo.toml: the core depends on ${dep}`);
}
// The merchant's module and the browser primitives: no Leptos, no view, no network client (the
// merchant's module only makes a frame and talks to it; a merchant page must stay light).
for (const crate of ['dom']) {
  const manifest = fs.readFileSync(path.join(src, '..', 'crates', crate, 'Cargo.toml'), 'utf8');
  for (const dep of ['leptos', 'reactive_[a-z_]+', 'tachys', 'session-view', 'gloo-net', 'gloo', 'wasm_split_helpers', 'ammonia']) {
    if (new RegExp(`^\\s*${dep}\\s*=`, 'm').test(manifest)) impure.push(`crates/${crate}/Cargo.toml: depends on ${dep}`);
  }
}
// Leptos' store only as an optional dependency (the `store` feature the view turns on), and in
// the core's code only inside `cfg_attr(feature = "store", …)`: the core's own code never uses
// it, and `cargo test -p session-view-core` builds without it.
for (const m of coreManifest.matchAll(/^\s*(reactive_[a-z_]+)\s*=(.*)$/gm)) {
  if (!/optional\s*=\s*true/.test(m[2])) impure.push(`crates/core/Cargo.toml: ${m[1]} is not optional`);
}
const coreSrc = path.join(src, '..', 'crates', 'core', 'src');
for (const file of fs.readdirSync(coreSrc, { recursive: true }).filter(f => f.endsWith('.rs'))) {
  const code = fs.readFileSync(path.join(coreSrc, file), 'utf8');
  for (const line of code.split('\n')) {
    if (/\b(reactive_[a-z_]+|leptos)\b/.test(line) && !/^\s*(\/\/|#\[cfg_attr\(feature = "store",)/.test(line)) {
      impure.push(`crates/core/src/${file}: Leptos outside cfg_attr(feature = "store"): ${line.trim()}`);
    }
  }
}
const problems = [...impure];
for (const [mod, used] of uses) {
  if (!layerOf.has(mod)) { problems.push(`src/${mod}: in no layer (add it to tools/layers.mjs)`); continue; }
  for (const [dep, file] of used) {
    if (!layerOf.has(dep)) continue; // reported as its own module
    if (ORDER.indexOf(layerOf.get(dep)) > ORDER.indexOf(layerOf.get(mod))) {
      problems.push(`${file}: ${mod} (${layerOf.get(mod)}) uses ${dep} (${layerOf.get(dep)}), a layer above it`);
    }
  }
}
// Circles between modules, even within one layer.
const seen = new Set();
const visit = (mod, trail) => {
  if (trail.includes(mod)) { problems.push(`a circle: ${[...trail.slice(trail.indexOf(mod)), mod].join(' → ')}`); return; }
  if (seen.has(mod)) return;
  for (const dep of uses.get(mod)?.keys() ?? []) visit(dep, [...trail, mod]);
  seen.add(mod);
};
for (const mod of uses.keys()) visit(mod, []);

// Circles between files, too (a module's files can knot where its top-level module cannot be
// seen to): each `crate::a::b…` and `super::…` path (a `{…}` group read item by item) names
// the file of its longest module prefix, and a module's `mod x;` lines name its children.
// A table of contents (a crate or module root that only declares and re-exports its
// children) is not counted as using them: a child's `super::X` then names the root's
// re-export, not a circle.
const TABLE_OF_CONTENTS = new Set(['view/mod.rs', 'lib.rs', 'platform/mod.rs']);
const fileOf = segs => {
  for (let n = segs.length; n > 0; n--) {
    for (const f of [`${segs.slice(0, n).join('/')}.rs`, `${segs.slice(0, n).join('/')}/mod.rs`]) if (fs.existsSync(path.join(src, f))) return f;
  }
  return null;
};
const modulePath = rel => rel.replace(/(\/mod)?\.rs$/, '').split('/');
const fileUses = new Map();
for (const file of files(src)) {
  const rel = path.relative(src, file).split(path.sep).join('/');
  if (IGNORED.has(rel.replace(/\.rs$/, ''))) continue;
  const code = fs.readFileSync(file, 'utf8').replace(/\/\/[^\n]*/g, '').split(/#\[cfg\(test\)\]\s*mod tests/)[0];
  const here = modulePath(rel);
  const targets = new Set();
  for (const [, kind, rest, group, last] of code.matchAll(/\b(crate|super)::((?:[a-z_0-9]+::)*)(?:\{([^}]*)\}|([A-Za-z_0-9]+))/g)) {
    const base = kind === 'crate' ? [] : here.slice(0, -1);
    const prefix = [...base, ...rest.split('::').filter(Boolean), ...(last ? [last] : [])];
    const items = group ? group.split(',').map(i => i.trim().split('::')[0]).filter(i => /^[a-z_0-9]+$/.test(i)) : [];
    for (const segs of items.length ? items.map(i => [...prefix, i]) : [prefix]) {
      const target = fileOf(segs.length ? segs : ['lib']);
      if (!target || target === rel || IGNORED.has(target.replace(/\.rs$/, ''))) continue;
      targets.add(target);
    }
  }
  // A module includes its children (`mod x;`): a use of it may be a use of them.
  for (const [, child] of code.matchAll(/^\s*(?:pub(?:\([a-z]+\))?\s+)?mod ([a-z_0-9]+);/gm)) {
    const target = fileOf([...here, child]);
    if (target && !TABLE_OF_CONTENTS.has(rel)) targets.add(target);
  }
  fileUses.set(rel, targets);
}
const seenFile = new Set();
const visitFile = (f, trail) => {
  if (trail.includes(f)) { problems.push(`a circle of files: ${[...trail.slice(trail.indexOf(f)), f].join(' → ')}`); return; }
  if (seenFile.has(f)) return;
  for (const dep of fileUses.get(f) ?? []) visitFile(dep, [...trail, f]);
  seenFile.add(f);
};
for (const f of fileUses.keys()) visitFile(f, []);

if (process.argv.includes('--print')) {
  for (const layer of [...ORDER].reverse()) {
    console.log(`${layer}:`);
    for (const mod of LAYERS[layer]) console.log(`  ${mod.padEnd(10)} → ${[...(uses.get(mod)?.keys() ?? [])].sort().join(' ')}`);
  }
}
if (problems.length) {
  console.error(`layers: ${problems.length} problem(s):\n  ${[...new Set(problems)].join('\n  ')}`);
  process.exit(1);
}
console.log(`layers: ${uses.size} modules in ${ORDER.length} layers (${ORDER.join(' < ')}), every use points down, no circle (of modules, or of their ${fileUses.size} files)`);
