#!/usr/bin/env bash
# Compares the coding throughput of two builds (say, before and after a
# change of the model format, which one binary cannot load both of):
# alternates `bench/text_throughput --code --threads 1` between them for
# ROUNDS rounds and prints each round's sentences/s ("repeated" pass), the
# ratio B/A per round and the medians. Separate runs of one binary vary by
# up to 30% on a shared machine, mostly from minute to minute; rounds run
# back to back share those conditions, so the per-round ratios and their
# median say more than any one run.
#
# Usage: bench/ab_builds.sh BUILD_A BUILD_B [ROUNDS (default 8)] [MB (default 5)]
set -euo pipefail
a=${1:?usage: ab_builds.sh BUILD_A BUILD_B [ROUNDS] [MB]}
b=${2:?usage: ab_builds.sh BUILD_A BUILD_B [ROUNDS] [MB]}
rounds=${3:-8}
mb=${4:-5}

run() {
  local out rc=0
  out=$("$1/bench/text_throughput" --code --mb "$mb" --threads 1 2>&1) || rc=$?
  if [ "$rc" -eq 77 ]; then
    echo "ab_builds: skipped: $out" >&2
    exit 77
  fi
  awk '/^repeated x1/ { for (i = 1; i < NF; ++i) if ($(i + 1) == "sentences/s") print $i }' <<<"$out"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

as=() bs=() ratios=()
for ((r = 1; r <= rounds; ++r)); do
  x=$(run "$a") || exit $?
  y=$(run "$b") || exit $?
  if [ -z "$x" ] || [ -z "$y" ]; then
    echo "ab_builds: a run printed no figure; run $a/bench/text_throughput --code by hand" >&2
    exit 1
  fi
  ratio=$(awk -v x="$x" -v y="$y" 'BEGIN { printf "%.3f", y / x }')
  echo "round $r: A $x  B $y sentences/s  B/A $ratio"
  as+=("$x") bs+=("$y") ratios+=("$ratio")
done
echo "median: A $(printf '%s\n' "${as[@]}" | median)  B $(printf '%s\n' "${bs[@]}" | median)" \
  "sentences/s  B/A $(printf '%s\n' "${ratios[@]}" | median)"
