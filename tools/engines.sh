#!/usr/bin/env bash
# The payer-critical flows (tests/engines/payer.test.mjs) in Firefox ESR and WebKitGTK, against
# the release dist/ (issue #17). Chromium runs the whole suite (tests/e2e/).
#   bash tools/engines.sh [firefox|webkit]...     (npm run engines -- webkit)
set -euo pipefail
source "$(dirname "$0")/env.sh"
engines=("$@")
[ ${#engines[@]} -gt 0 ] || engines=(firefox webkit)
for engine in "${engines[@]}"; do
  case "$engine" in
    firefox) ENGINE=firefox node --test --test-concurrency=1 tests/engines/ ;;
    # WebKitGTK's browser needs a display: a virtual one.
    webkit) xvfb-run -a env ENGINE=webkit node --test --test-concurrency=1 tests/engines/ ;;
    *) echo "engines: unknown engine $engine (firefox or webkit)"; exit 2 ;;
  esac
done
