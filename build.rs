// The app's final link keeps its relocations (`--emit-relocs`) when it targets wasm: the
// post-build hook (tools/split.mjs) needs them to cut the module into the main module
// and its lazily loaded chunks (issue #14). Only that one link changes; every dependency is
// built as before (setting it through RUSTFLAGS would rebuild them all).
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=session-view-app=--emit-relocs");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
