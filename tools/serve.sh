#!/usr/bin/env bash
# `npm start`: sets up what is missing, starts the mock API on 127.0.0.1:8787 (trunk proxies
# /v1/ to it) and serves the demo gallery on http://127.0.0.1:8080/ with live reload.
set -euo pipefail
bash "$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"
node tools/mock-api.mjs 8787 &
mock=$!
trap 'kill $mock 2>/dev/null' EXIT
trunk serve
