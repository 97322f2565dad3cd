#!/usr/bin/env bash
# Runs every test Rollplan has: UI checks and unit tests, formatting and lints, the core
# and CLI tests, then the real app end to end under a virtual display.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test

section() { printf '\n==> %s\n' "$*"; }

cd "$root/ui"
section "UI: type check"
npm run --silent check
section "UI: unit tests"
npm run --silent test
section "UI: build"
npm run --silent build

cd "$root"
section "Rust: formatting"
cargo fmt --all --check
section "Rust: clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
section "Rust: tests (core, CLI, bindings)"
cargo test --workspace --locked
section "Rust: app and CLI binaries"
cargo build --workspace --locked

section "End to end: the real app under Xvfb"
export ROLLPLAN_APP="$CARGO_TARGET_DIR/debug/rollplan"
export ROLLPLAN_CLI="$CARGO_TARGET_DIR/debug/rollplan-cli"
xvfb-run --auto-servernum --server-args="-screen 0 2560x1440x24" \
  dbus-run-session -- node --test --test-concurrency=1 tests/e2e/*.test.mjs
