#!/usr/bin/env bash
# Sums `crosscheck eval events` over several gold sets, as EVALUATION.md reports them.
#
#   scripts/sum_events.sh BIN SETS [extra eval args]
#
# SETS is `dev33` (events.jsonl, events-fresh.jsonl, events-fresh2 ... -fresh32: the 33
# FA-KES/PTC/sample sets), `fnc` (events-fresh33 ... -fresh43: the eleven FNC-1 sets), or a
# quoted list of file names under eval/gold. For every field it adds the per-set true
# positives, false positives and false negatives of `BIN eval events --gold FILE --split all
# -q [extra args]` and prints tp, fp, fn and the F1 of the sums.
set -euo pipefail
bin=$(realpath "$1")
sets=$2
shift 2
cd "$(dirname "$0")/../eval/gold"
case "$sets" in
  dev33) files="events.jsonl events-fresh.jsonl $(for i in $(seq 2 32); do echo events-fresh$i.jsonl; done)" ;;
  fnc) files="$(for i in $(seq 33 43); do echo events-fresh$i.jsonl; done)" ;;
  *) files=$sets ;;
esac
for f in $files; do
  "$bin" eval events --gold "$f" --split all -q "$@"
done | awk '/^(checkworthy|event|type|actor|target|place|date|killed|injured|update|denied|attribution|own voice|hedged|quoted)/ {
  n = NF; name = $1; for (i = 2; i <= n - 6; i++) name = name " " $i
  tp[name] += $(n - 5); fp[name] += $(n - 4); fn[name] += $(n - 3)
  if (!(name in seen)) { seen[name] = 1; order[++k] = name }
} END {
  printf "%-20s %6s %6s %6s  %s\n", "field", "tp", "fp", "fn", "F1"
  for (i = 1; i <= k; i++) {
    m = order[i]; p = tp[m] / (tp[m] + fp[m] + 1e-9); r = tp[m] / (tp[m] + fn[m] + 1e-9)
    printf "%-20s %6d %6d %6d  %.4f\n", m, tp[m], fp[m], fn[m], 2 * p * r / (p + r + 1e-9)
  }
}'
