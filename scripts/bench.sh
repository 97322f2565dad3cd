#!/usr/bin/env bash
# The benchmark of DESIGN.md §6, whole: builds the release app, its .deb and an empty
# Tauri window of the same version, then runs every part of
# `cargo bench -p rollplan-core --bench commands` (screens, exports, maps, the screens on
# the extra-large workspace beside the large one, the weekly status, imports, and the
# window: start-up and idle memory beside the empty window, the .deb's size) under a
# virtual display and a session bus. Prints figures; asserts nothing.
# Arguments go to the benchmark: `scripts/bench.sh window` runs only the window part.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test
cd "$root"
"$root/scripts/build-deb.sh" >/dev/null
cargo build --release --locked -p empty-window
export ROLLPLAN_BENCH_APP="$CARGO_TARGET_DIR/release/rollplan"
export ROLLPLAN_BENCH_EMPTY_WINDOW="$CARGO_TARGET_DIR/release/empty-window"
ROLLPLAN_BENCH_DEB=$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb | head -n 1)
export ROLLPLAN_BENCH_DEB
xvfb-run --auto-servernum --server-args="-screen 0 1440x900x24" \
  dbus-run-session -- cargo bench --locked -p rollplan-core --bench commands -- "$@"
# The extra-large workspace is what the README says (counts per table; the same seed
# builds the same content). The test builds it twice — minutes even in a release build —
# so it is ignored in the ordinary test run and runs here, with the scale part.
if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx scale; then
  cargo test --release --locked -p rollplan-core --lib -- --ignored extra_large
fi
