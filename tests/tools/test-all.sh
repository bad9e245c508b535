#!/usr/bin/env bash
# The one test command (`npm test`): sets up what is missing, then runs every layer.
set -euo pipefail
bash "$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"

echo "== 0/4 format and lints: rustfmt (rustfmt.toml), clippy -D warnings with the [lints] table and clippy.toml"
cargo fmt --check
cargo clippy --locked --lib --bins --target wasm32-unknown-unknown -- -D warnings
cargo clippy --locked --lib --bins --target wasm32-unknown-unknown --features split -- -D warnings  # the build's split points

echo "== 1/4 host unit tests (model, validation, money, time, contrast, sanitiser)"
cargo test --lib --locked

echo "== 2/4 component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --test components

echo "== 3/4 release build (trunk, wasm-opt 132, offline)"
mkdir -p target
trunk build --release --locked > target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
tail -n 1 target/trunk-build.log
node tests/tools/size.mjs --budget-kb 180  # the first paint; a size regression fails the build (tests/tools/size.mjs)

echo "== 4/4 end-to-end tests: dist/ + mock API + headless Chromium"
node --test --test-concurrency=1 tests/e2e/

echo "== fuzz smoke: the config edge for ${FUZZ_SECONDS:-20} s (npm run fuzz runs longer)"
bash tests/tools/fuzz.sh "${FUZZ_SECONDS:-20}"

