#!/usr/bin/env bash
# Team mode's figures (README, "Team workspaces"): a release build of the team crate's
# benchmark, which starts a throwaway PostgreSQL 15 cluster of its own, prints the
# first join of the large workspace beside a raw COPY, one edit's trip between two
# copies, push and pull throughput beside a raw INSERT, and how they grow with 1, 5 and
# 20 copies, then stops the cluster. Prints figures; asserts nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/env.sh"
"$root/scripts/setup.sh" --test
cd "$root"
cargo bench --locked -p rollplan-team --bench team
