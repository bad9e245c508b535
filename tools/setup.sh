#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine of this kind and skips what is
# present: the wasm32 target, trunk, wasm-bindgen-cli, wasm-split-cli and geckodriver (pinned),
# Chromium + ChromeDriver, Firefox ESR, WebKitGTK's WebKitWebDriver and Xvfb,
# and the npm packages of package-lock.json (wasm-opt from binaryen 132, playwright-core, axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"
say() { echo "setup: $*"; }

TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
GECKODRIVER_VERSION=0.37.1
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

command -v cargo >/dev/null || { say "cargo is missing: this machine kind ships rustup's toolchain"; exit 1; }
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# clippy and rustfmt are checked in `npm test`, not hoped for: install them if missing.
for component in clippy rustfmt; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# The browsers, from Debian's packages: Chromium runs every test; Firefox ESR and WebKitGTK
# (under a virtual display) run the payer-critical flows (tests/engines/, issue #17).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
# The other engines' captcha stand-ins are served through a local TLS proxy whose throwaway
# certificate openssl makes (tests/engines/captcha-proxy.mjs).
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes ~10 min on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  # `--locked` fails for wasm-bindgen-cli on these machines (a locked dependency is missing
  # from the registry), so it is pinned by its own exact version only.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~5 min)"
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi
# The post-build hook (tools/split.mjs) cuts the wasm into lazily loaded chunks with it.
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (takes ~1 min)"
  cargo install --locked "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi
# Firefox's WebDriver, from crates.io (Debian does not package it).
if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
  say "installing geckodriver $GECKODRIVER_VERSION (takes ~5 min)"
  cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
fi
grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml || {
  say "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($WASM_BINDGEN_VERSION)"; exit 1; }

stamp=node_modules/.installed-from-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
wasm-opt --version | grep -q "version 132" || { say "wasm-opt on PATH is not binaryen 132"; exit 1; }
