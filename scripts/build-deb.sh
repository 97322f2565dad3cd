#!/usr/bin/env bash
# Builds the Debian installer (works offline). Prints where the .deb landed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh"
cd "$root"
# Run from the repository root so the Tauri CLI finds src-tauri/tauri.conf.json.
ui/node_modules/.bin/tauri build --bundles deb
ls "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb
