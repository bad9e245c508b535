#!/usr/bin/env bash
# `npm run size`: builds the release and prints the transfer size of every file in dist/.
set -euo pipefail
bash "$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"
mkdir -p target
trunk build --release --locked > target/trunk-build.log 2>&1 || { cat target/trunk-build.log; exit 1; }
node tests/tools/size.mjs
