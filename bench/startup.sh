#!/usr/bin/env bash
# Start-up benchmark of the ./migsafe launcher: wall time of a full-history `analyze` of the three
# PostgreSQL histories of the corpus (marquez, harbor, authelia; one launcher run each, as in CI),
# for each Java installation and launcher, interleaved round by round so that a busy machine weighs
# on all alike; the median of N rounds is reported, wall time and CPU time (user + system, which a
# busy machine disturbs less). Not part of the test suite. Needs GNU time (/usr/bin/time) and bc.
#
# Usage: bench/startup.sh [-n RUNS] JAVA_HOME...   e.g. bench/startup.sh /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64
# Env:   MIGSAFE_CORPUS  corpus directory (default: ../shared/corpus next to the repository root)
#        LAUNCHERS       launchers to compare, space-separated (default: ./migsafe of this checkout);
#                        each must keep its start-up archive per Java version
set -euo pipefail
runs=5
[ "${1:-}" = "-n" ] && { runs=$2; shift 2; }
[ $# -gt 0 ] || { sed -n '7,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=${MIGSAFE_CORPUS:-$repo/../shared/corpus}
read -r -a launchers <<< "${LAUNCHERS:-$repo/migsafe}"
dirs=()
for spec in "marquez migration" "harbor postgresql" "authelia postgres"; do
  read -r name folder <<< "$spec"
  d=$(find "$corpus/$name" -type d -name "$folder" -print -quit)
  [ -n "$d" ] || { echo "startup: no $folder folder in $corpus/$name" >&2; exit 2; }
  dirs+=("$d")
done
homes=("$@")
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }
declare -A times cpus
cpu_log=$(mktemp)
trap 'rm -f "$cpu_log"' EXIT
for home in "${homes[@]}"; do
  for l in "${launchers[@]}"; do
    PATH="$home/bin:$PATH" "$l" --version >/dev/null   # builds the jar and this JDK's start-up archive once
  done
done
for ((i = 0; i < runs; i++)); do
  for home in "${homes[@]}"; do
    for l in "${launchers[@]}"; do
      : > "$cpu_log"
      start=$(date +%s.%N)
      for d in "${dirs[@]}"; do
        PATH="$home/bin:$PATH" /usr/bin/time -a -o "$cpu_log" -f '%U + %S' \
            "$l" analyze "$d" --dialect postgresql --format json --fail-on never >/dev/null
      done
      times["$home $l"]+="$(echo "$(date +%s.%N) - $start" | bc) "
      cpus["$home $l"]+="$( (paste -sd+ "$cpu_log") | bc) "
    done
  done
done
for home in "${homes[@]}"; do
  for l in "${launchers[@]}"; do
    read -r -a t <<< "${times["$home $l"]}"
    read -r -a c <<< "${cpus["$home $l"]}"
    printf '%s  %-16s wall median %.2f s  CPU median %.2f s  (wall runs: %s)\n' \
        "$("$home/bin/java" -version 2>&1 | head -n 1)" "$(basename "$l")" "$(median "${t[@]}")" "$(median "${c[@]}")" "${t[*]}"
  done
done
