#!/usr/bin/env bash
# Builds and launches Rollplan. Extra arguments go to cargo (e.g. --release).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh"

(cd "$root/ui" && npm run --silent build)
cd "$root"
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "No display found: run this from a desktop session (or under xvfb-run)." >&2
  exit 1
fi
exec cargo run --locked -p rollplan "$@"
