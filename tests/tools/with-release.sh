#!/usr/bin/env bash
# Sets up what is missing, builds the release into dist/, then runs the given command:
#   npm run size        → node tests/tools/size.mjs         (transfer sizes)
#   npm run bench       → node tests/tools/bench.mjs        (sizes and timings with targets)
#   npm run screenshots → node tests/tools/screenshots.mjs  (every demo state as PNG)
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/setup.sh
source tests/tools/env.sh
mkdir -p target
trunk build --release --locked > target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
"$@"
