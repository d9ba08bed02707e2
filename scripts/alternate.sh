#!/usr/bin/env bash
# Alternated CPU timings of `crosscheck analyze`, for comparing binaries on a shared machine.
#
#   scripts/alternate.sh ROUNDS INPUT "EXTRA ANALYZE ARGS" BIN...
#
# Runs `BIN analyze INPUT --no-store --format jsonl -j1 --quiet EXTRA` ROUNDS times for each
# binary, alternating the binaries within each round (so a change in the machine's state hits
# them alike), and prints each binary's user + sys CPU seconds, sorted, and their median.
# Example: scripts/alternate.sh 9 /tmp/perf-sub.jsonl "--skip signals,links" old/crosscheck new/crosscheck
set -euo pipefail
rounds=$1; input=$2; extra=$3; shift 3
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for _ in $(seq "$rounds"); do
  for bin in "$@"; do
    # shellcheck disable=SC2086 # EXTRA is a list of arguments
    /usr/bin/time -f "%U %S" -o "$tmp" "$bin" analyze "$input" --no-store --format jsonl -j1 --quiet $extra > /dev/null
    echo "$bin $(awk '{print $1 + $2}' "$tmp")"
  done
done | awk '{ t[$1] = t[$1] " " $2 } END { for (b in t) print b, t[b] }' | while read -r bin times; do
  sorted=$(tr ' ' '\n' <<< "$times" | sort -n | tr '\n' ' ')
  median=$(tr ' ' '\n' <<< "$times" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  echo "$bin median $median CPU s: $sorted"
done
