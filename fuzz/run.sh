#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, one at a time in a single process, and prints the
# figures: time, executions, new corpus inputs, crashes. Installs cargo-fuzz when missing.
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain use them.
#
#   fuzz/run.sh [SECONDS] [TARGET...]     (default: 600 s; speech export decode)
#
# New inputs go to fuzz/corpus/<target>/ (`fuzz/run.sh --cmin` minimises it); a crash stops
# the run with the input in fuzz/artifacts/<target>/ and a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/../target}/fuzz"
TARGETS=(speech export decode)
FLAGS=(--sanitizer none --debug-assertions --target-dir "$TARGET_DIR")

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Minimise: keep inputs under 1.2 KB (the corpus stays small in the repository), then the
# fewest that cover the same features; `regression-*` inputs are always kept as they are.
if [ "${1:-}" = "--cmin" ]; then
  kept=$(mktemp -d)
  trap 'rm -rf "$kept"' EXIT
  for target in "${TARGETS[@]}"; do
    mkdir -p "$kept/$target"
    find "corpus/$target" -name 'regression-*' -exec mv {} "$kept/$target/" \;
    find "corpus/$target" -type f -size +1200c -delete
    cargo fuzz cmin "${FLAGS[@]}" "$target" -- -timeout=10 >/dev/null 2>&1
    mv "$kept/$target"/* "corpus/$target/" 2>/dev/null || true
    printf 'cmin %-7s %5d inputs, %s\n' "$target" "$(ls "corpus/$target" | wc -l)" \
      "$(du -sh --apparent-size "corpus/$target" | cut -f1)"
  done
  exit 0
fi

seconds="${1:-600}"
shift || true
[ "$#" -gt 0 ] && TARGETS=("$@")
cargo fuzz build "${FLAGS[@]}" >/dev/null 2>&1 || cargo fuzz build "${FLAGS[@]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
for target in "${TARGETS[@]}"; do
  if cargo fuzz run "${FLAGS[@]}" "$target" -- -dict=speech.dict -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 >"$log" 2>&1; then
    crashes=0
  else
    crashes=1
    status=1
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5 >&2 || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  new=$(sed -n 's/^stat::new_units_added: *//p' "$log")
  took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log")
  printf 'fuzz %-7s %5s s  %9s execs  %5s new inputs  %d crashes\n' \
    "$target" "${took:-?}" "${runs:-?}" "${new:-?}" "$crashes"
done
exit "$status"
