#!/usr/bin/env bash
# Whole-process throughput of `crosscheck analyze`, as reported in BENCHMARKS.md.
#
#   scripts/bench.sh [CORPUS_DIR]
#
# Builds the release binary, (re)generates the benchmark corpus with
# scripts/make_bench_corpus.py when CORPUS_DIR does not exist (needs ../shared/data),
# and prints one Markdown row per configuration: wall-clock seconds, CPU seconds
# (user+sys), MB/s of decoded article text by the wall clock and per CPU-second,
# articles/s, and peak resident memory. The text size is the one crosscheck reports
# in its summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-bench-corpus}
[ -d "$corpus" ] || python3 scripts/make_bench_corpus.py --out "$corpus"
cargo build --release -q -p crosscheck-cli
bin=target/release/crosscheck
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

row() {
    local label=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$bin" "$@" >/dev/null 2>"$tmp/err" || true
    read -r wall user sys rss <"$tmp/time"
    local summary mb articles
    summary=$(grep '^crosscheck: [0-9]* articles' "$tmp/err" | tail -1)
    articles=$(echo "$summary" | sed -E 's/^crosscheck: ([0-9]+) articles.*/\1/')
    mb=$(echo "$summary" | sed -E 's/.*\(([0-9.]+) MB\).*/\1/')
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v mb="$mb" -v n="$articles" 'BEGIN {
        cpu = u + s
        printf "| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |\n", l, w, cpu, mb / w, mb / cpu, n / w, r / 1024
    }'
}

echo "| configuration | wall s | CPU s | MB/s | MB/s per CPU-s | articles/s | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
row "read + clean + segment, 1 thread" analyze "$corpus" --no-store --format jsonl --skip claims,signals,links -j1
row "read + clean + segment, all threads" analyze "$corpus" --no-store --format jsonl --skip claims,signals,links
row "read + clean + segment + claims, 1 thread" analyze "$corpus" --no-store --format jsonl --skip signals,links -j1
row "full analysis, no store, 1 thread" analyze "$corpus" --no-store --format jsonl -j1
row "full analysis, no store, all threads" analyze "$corpus" --no-store --format jsonl
rm -f "$tmp"/store.db*
row "full analysis into a new store, all threads" analyze "$corpus" --db "$tmp/store.db" --format jsonl
row "re-run into the same store (nothing new)" analyze "$corpus" --db "$tmp/store.db" --format jsonl
