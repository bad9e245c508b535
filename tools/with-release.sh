#!/usr/bin/env bash
# Sets up what is missing, builds the release into dist/, then runs the given command:
#   npm run size        → node tools/size.mjs         (transfer sizes)
#   npm run bench       → node tools/bench.mjs        (sizes and timings with targets)
#   npm run screenshots → node tools/screenshots.mjs  (every demo state as PNG)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
source tools/env.sh
mkdir -p target
trunk build --release --locked > target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
"$@"
