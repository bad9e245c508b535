#!/usr/bin/env bash
# npm run bench: release build, then sizes and timings in headless Chromium (tests/tools/bench.mjs).
# Not part of npm test: timings depend on the machine. BENCH_RUNS=15 by default.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/setup.sh
source tests/tools/env.sh
mkdir -p target
trunk build --release --locked > target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
node tests/tools/bench.mjs
