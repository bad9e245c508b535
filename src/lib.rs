#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing, clippy::unreachable, clippy::todo, clippy::unimplemented, clippy::string_slice))]
//! The payer-facing view of a hosted checkout session.
//!
//! Pure logic (host-tested): [`model`], [`validate`], [`money`], [`time`], [`contrast`],
//! [`sanitize`]. Browser glue: [`browser`]. Leptos components: [`view`]. Entry points:
//! [`app`] (hosted page and demo gallery).
pub mod api;
pub mod bank;
pub mod challenge;
pub mod card;
pub mod contrast;
pub mod country;
pub mod crash;
pub mod live;
pub mod countdown;
pub mod model;
pub mod payment;
pub mod money;
pub mod retry;
pub mod sanitize;
pub mod time;
pub mod validate;
pub mod app;
pub mod browser;
pub mod demo;
pub mod embed;
pub mod gate;
pub mod i18n;
pub mod view;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;

#[cfg(test)]
mod source_tests {
    /// `std::time::Instant::now()` panics on wasm32-unknown-unknown, and the lints that deny
    /// panics cannot see it: no code line in `src/` may call it.
    #[test]
    fn no_wasm_panics_in_source() {
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        let mut checked = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    // Built at run time, so this test does not find itself.
                    let calls = [["Instant", "::now"].concat(), ["SystemTime", "::now"].concat()];
                    for (n, line) in text.lines().enumerate() {
                        let code = line.split("//").next().unwrap_or_default();
                        for call in &calls {
                            assert!(!code.contains(call.as_str()), "{}:{}: {call} panics on wasm32", path.display(), n + 1);
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 40, "the source tree was not found ({checked} files)");
    }
}
