#!/usr/bin/env bash
# Benchmarks the real window with a 2,000-task plan (see tests/bench/plan-ui.mjs).
# Prints figures; asserts nothing. Uses the release build, as users get it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test
(cd "$root/ui" && npm run --silent build)
cd "$root"
cargo build --release --locked -p rollplan -p rollplan-cli
export ROLLPLAN_APP="$CARGO_TARGET_DIR/release/rollplan"
export ROLLPLAN_CLI="$CARGO_TARGET_DIR/release/rollplan-cli"
xvfb-run --auto-servernum --server-args="-screen 0 1440x900x24" \
  dbus-run-session -- node tests/bench/plan-ui.mjs
