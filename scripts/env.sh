# Shared by the scripts: one Cargo target directory outside the clone, so a fresh clone
# (as CI makes) reuses earlier builds, and tests, clippy and the app share one profile.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/rollplan/target}"
export PATH="$HOME/.cargo/bin:$PATH"
