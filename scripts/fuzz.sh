#!/usr/bin/env bash
# Runs one libFuzzer target for a while from its committed corpus; fails, keeping the input, if it finds anything.
#
# Usage: scripts/fuzz.sh FUZZ_BINARY CORPUS_DIR FOUND_DIR SECONDS
# New inputs go to FOUND_DIR (kept between runs, never into the committed corpus); a crash, leak,
# sanitizer report or time-out leaves its input in FOUND_DIR/../artifacts/ and ends with a failure.
set -euo pipefail

[ $# -eq 4 ] || { echo "usage: $0 FUZZ_BINARY CORPUS_DIR FOUND_DIR SECONDS" >&2; exit 2; }
binary=$1 corpus=$2 found=$3 seconds=$4
artifacts=$(dirname "$found")/artifacts
mkdir -p "$found" "$artifacts"

# -timeout: one input that takes 10 s is a finding (quadratic parsing), not a slow machine.
# -rss_limit_mb: the parsers bound what they hold; using more is a finding too.
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$artifacts/$(basename "$binary")-" "$found" "$corpus"
