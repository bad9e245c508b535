#!/usr/bin/env bash
# `npm run size`: builds the release and prints the transfer size of every file in dist/.
set -euo pipefail
bash "$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"
trunk build --release --locked 2>&1 | tail -n 1
node tests/tools/size.mjs
