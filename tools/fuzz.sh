#!/usr/bin/env bash
# Fuzzes the config edge (parser + validation + money + sanitiser) for a bounded time:
#   bash tools/fuzz.sh [seconds]      (npm run fuzz: 300 s; npm test: a 20 s smoke)
# libFuzzer through cargo-fuzz, on the host, with the nightly toolchain when it is installed
# and otherwise the stable one with RUSTC_BOOTSTRAP=1 (cargo-fuzz passes -Z flags). No
# sanitizer build (-s none): the crate has no unsafe code; panics and the allocation limit
# are what is looked for. Seeds: tests/fuzz/seeds (read only); the growing corpus and any
# crash go to target/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
secs="${1:-300}"
CARGO_FUZZ_VERSION=0.13.2
if ! cargo fuzz --version 2> /dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  echo "installing cargo-fuzz $CARGO_FUZZ_VERSION (crates.io)"
  cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
fi
toolchain=()
if rustup toolchain list 2> /dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi
mkdir -p target/fuzz/corpus target/fuzz/artifacts
# Release with overflow checks, without debug assertions: the shipped build has none, and
# idna_adapter 1.0 (the stub chosen for the sanitiser's size) debug-asserts what idna's own
# callers do not uphold (uppercase ASCII reaches it), which no release build ever checks.
export RUSTFLAGS="${RUSTFLAGS:-} -Coverflow-checks=on"
cargo "${toolchain[@]}" fuzz run -O --fuzz-dir tests/fuzz -s none --target-dir target/fuzz/build config_edge \
  target/fuzz/corpus tests/fuzz/seeds -- \
  -max_total_time="$secs" -rss_limit_mb=1024 -malloc_limit_mb=256 -max_len=65536 -timeout=10 \
  -artifact_prefix=target/fuzz/artifacts/ -print_final_stats=1
