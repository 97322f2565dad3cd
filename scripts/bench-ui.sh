#!/usr/bin/env bash
# Benchmarks the real window on the large and the extra-large workspace (see
# tests/bench/window.mjs): what a person waits for, from the click or key to the frame
# painted. Prints figures; asserts nothing. Uses the release build, as users get it.
# The workspaces are built with `rollplan-cli demo` into a temporary folder, or once into
# ROLLPLAN_BENCH_DB / ROLLPLAN_BENCH_XL_DB (the same variables as scripts/bench.sh) and
# reused afterwards. `scripts/bench-ui.sh large` times only the large one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test
(cd "$root/ui" && npm run --silent build)
cd "$root"
cargo build --release --locked -p rollplan -p rollplan-cli
export ROLLPLAN_APP="$CARGO_TARGET_DIR/release/rollplan"
export ROLLPLAN_CLI="$CARGO_TARGET_DIR/release/rollplan-cli"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The workspace of a size: the one named by its variable if it exists, else built there.
workspace() {
  local size=$1 path=$2
  if [ ! -s "$path" ]; then
    echo "building the $size workspace in $path (the extra-large one takes a few minutes)" >&2
    "$ROLLPLAN_CLI" --db "$path" demo --size "$size" >&2
  fi
  echo "$path"
}
sizes=("${@:-large xl}")
read -r -a sizes <<<"${sizes[*]}"
args=()
for size in "${sizes[@]}"; do
  case $size in
    large) args+=("large=$(workspace large "${ROLLPLAN_BENCH_DB:-$scratch/large.db}")") ;;
    xl) args+=("xl=$(workspace xl "${ROLLPLAN_BENCH_XL_DB:-$scratch/xl.db}")") ;;
    *) echo "unknown size: $size (large or xl)" >&2; exit 2 ;;
  esac
done
xvfb-run --auto-servernum --server-args="-screen 0 1440x900x24" \
  dbus-run-session -- node tests/bench/window.mjs "${args[@]}"
