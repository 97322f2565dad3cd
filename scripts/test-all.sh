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
# The end-to-end tests answer the app's file dialogs through its test hooks. Every cargo
# step below gets the same features, so the tests, clippy and the end-to-end binary are
# one build of the app, not two.
features=(--features rollplan/test-hooks)
section "Rust: formatting"
cargo fmt --all --check
section "Rust: clippy"
cargo clippy --workspace --all-targets --locked "${features[@]}" -- -D warnings
section "Rust: tests (core, CLI, bindings)"
cargo test --workspace --locked "${features[@]}"
section "Team mode: twenty copies editing at once converge (minutes; left out of cargo test)"
# The workspace and its features, as above: `-p rollplan-team` alone would unify features
# differently and build the core a second time.
cargo test --workspace --locked "${features[@]}" --test convergence -- --ignored
section "Rust: app and CLI binaries"
cargo build --workspace --locked "${features[@]}"

section "Windows: the installer, cross-built and checked under Wine"
"$root/scripts/test-windows.sh"

section "End to end: the real app under Xvfb"
export ROLLPLAN_APP="$CARGO_TARGET_DIR/debug/rollplan"
export ROLLPLAN_CLI="$CARGO_TARGET_DIR/debug/rollplan-cli"
xvfb-run --auto-servernum --server-args="-screen 0 2560x1440x24" \
  dbus-run-session -- node --test --test-concurrency=1 tests/e2e/*.test.mjs
