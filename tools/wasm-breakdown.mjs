// A twiggy-style breakdown of a wasm module: code bytes per crate (from the function names
// that cargo's output keeps), largest first, plus data. twiggy 0.7 cannot read modules with
// reference types, so this reads the sections itself.
//   node tools/wasm-breakdown.mjs [file.wasm] [--top N] [--fns]
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const file = args.find(a => a.endsWith('.wasm')) ?? path.join(root, 'target', 'split', 'release', 'bindgen', 'session-view-app_bg.wasm');
const top = Number(args[args.indexOf('--top') + 1]) || 25;

export function breakdown(bytes) {
  let p = 0;
  const u32 = () => { let r = 0, s = 0, b; do { b = bytes[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  const str = () => { const n = u32(); const s = Buffer.from(bytes.subarray(p, p + n)).toString('utf8'); p += n; return s; };
  p = 8;
  let importedFns = 0, bodies = [], names = new Map(), data = 0, total = bytes.length;
  while (p < bytes.length) {
    const id = bytes[p++]; const size = u32(); const end = p + size;
    if (id === 2) {
      const n = u32();
      for (let i = 0; i < n; i++) {
        str(); str(); const kind = bytes[p++];
        if (kind === 0) { u32(); importedFns++; }
        else if (kind === 1) { p++; const f = bytes[p++]; u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = bytes[p++]; u32(); if (f & 1) u32(); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; u32(); }
      }
    } else if (id === 10) {
      const n = u32();
      for (let i = 0; i < n; i++) { const s = u32(); bodies.push(s); p += s; }
    } else if (id === 11) {
      data = size;
    } else if (id === 0) {
      const name = str();
      if (name === 'name') {
        while (p < end) {
          const sub = bytes[p++]; const len = u32(); const subEnd = p + len;
          if (sub === 1) { const n = u32(); for (let i = 0; i < n; i++) { const idx = u32(); names.set(idx, str()); } }
          p = subEnd;
        }
      }
    }
    p = end;
  }
  const crates = new Map();
  const fns = bodies.map((size, i) => ({ name: names.get(importedFns + i) ?? `func[${importedFns + i}]`, size }));
  for (const f of fns) {
    const c = crateOf(f.name);
    crates.set(c, (crates.get(c) ?? 0) + f.size);
  }
  return { total, data, code: bodies.reduce((a, b) => a + b, 0), crates: [...crates].sort((a, b) => b[1] - a[1]), fns: fns.sort((a, b) => b.size - a.size) };
}

// The crate a (mangled or demangled) Rust symbol belongs to: its first path segment, or for
// `<A as B>::f` the crate of A.
function crateOf(name) {
  let n = name;
  const m = /^_ZN(.*)$/.exec(n);
  if (m) {
    const segs = []; let s = m[1];
    while (/^\d/.test(s)) { const len = parseInt(s, 10); const d = String(len).length; segs.push(s.slice(d, d + len)); s = s.slice(d + len); }
    n = segs.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\.\./g, '::').replace(/^_</, '<');
  }
  n = n.replace(/^<+/, '').replace(/^(&|mut |dyn |\[|\(|core::ptr::drop_in_place<)+/g, '');
  const c = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(n)?.[1] ?? '(other)';
  return /^(func|__|dlmalloc)/.test(c) ? c.replace(/\[.*/, '') : c;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = breakdown(fs.readFileSync(file));
  const kb = n => (n / 1024).toFixed(1).padStart(7);
  console.log(`${path.relative(root, file)}: ${kb(r.total)} KB raw, code ${kb(r.code)} KB, data ${kb(r.data)} KB (before wasm-opt)`);
  for (const [c, size] of r.crates.slice(0, top)) console.log(`  ${kb(size)} KB  ${c}`);
  if (args.includes('--fns')) for (const f of r.fns.slice(0, top)) console.log(`  ${kb(f.size)} KB  ${f.name.slice(0, 140)}`);
}
