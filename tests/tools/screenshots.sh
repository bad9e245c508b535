#!/usr/bin/env bash
# npm run screenshots: release build, then every demo state as PNG in target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/setup.sh
source tests/tools/env.sh
mkdir -p target
trunk build --release --locked > target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
node tests/tools/screenshots.mjs
