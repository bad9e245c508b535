#!/usr/bin/env bash
# The one test command (`npm test`): sets up what is missing, then runs every layer.
set -euo pipefail
bash "$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"

echo "== 0/5 format, lints and layers: rustfmt (rustfmt.toml), clippy -D warnings with the [lints] table and clippy.toml, tools/layers.mjs"
node tools/layers.mjs
cargo fmt --all --check
cargo clippy --locked --workspace --lib --bins --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked --workspace --lib --bins --target wasm32-unknown-unknown --features split -- -D warnings  # the build's split points
cargo clippy --locked --workspace --all-targets -- -D warnings  # the host build, tests included

echo "== 1/5 host unit tests: the core crate (model, rules, catalogue, reader), the sanitiser crate, the view's;"
echo "   the merchant's package against the core's protocol (packages/session-view/test)"
cargo test --workspace --lib --locked
node --test packages/session-view/test/

echo "== 2/5 component tests in headless Chromium, then Firefox ESR (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test components
(unset CHROMEDRIVER; GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver-firefox.json" \
  cargo test --locked --target wasm32-unknown-unknown --test components)

echo "== 3/5 release build (trunk, wasm-opt 132, offline)"
mkdir -p target
trunk build --release --locked > target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
tail -n 1 target/trunk-build.log
node tools/size.mjs --budget-kb 90  # the first paint; a size regression fails the build (tools/size.mjs)

echo "== 4/5 end-to-end tests: dist/ + mock API + headless Chromium"
node --test --test-concurrency=1 tests/e2e/

echo "== 5/5 the payer-critical flows in Firefox ESR and WebKitGTK (tests/engines/)"
bash tools/engines.sh

echo "== fuzz smoke: the config edge for ${FUZZ_SECONDS:-20} s (npm run fuzz runs longer)"
bash tools/fuzz.sh "${FUZZ_SECONDS:-20}"

