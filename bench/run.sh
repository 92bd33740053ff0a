#!/usr/bin/env bash
# Side-by-side benchmark: migsafe's full-history analysis vs squawk's lint, on the PostgreSQL
# histories of the shared corpus. Prints wall time, peak RSS and statements per second for both,
# and writes the same table to bench/results/latest.md. Not part of the test suite.
#
# Usage: bench/run.sh [-n RUNS]          (RUNS per measurement, default 3; the median is reported)
# Env:   MIGSAFE_CORPUS     corpus directory (default: ../shared/corpus next to the repository root)
#        MIGSAFE_JAVA_OPTS  extra JVM flags for migsafe (same variable as the ./migsafe launcher)
#        BENCH_RUNS         same as -n
set -euo pipefail

# ---------------------------------------------------------------- arguments and locations
runs=${BENCH_RUNS:-3}
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--runs) runs=${2:?"-n needs a number"}; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench: -n takes a positive number, not '$runs'" >&2; exit 2; }

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench_dir/.." && pwd)
corpus=${MIGSAFE_CORPUS:-$repo/../shared/corpus}
if [ ! -d "$corpus" ]; then
  echo "bench: corpus not found at $corpus" >&2
  echo "       put the shared corpus there or set MIGSAFE_CORPUS=/path/to/corpus" >&2
  exit 2
fi
corpus=$(cd "$corpus" && pwd)
jar="$repo/target/migsafe.jar"
java_opts=${MIGSAFE_JAVA_OPTS:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/migsafe-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is required ($2)" >&2; exit 2; }; }
need java "Java 17"; need npm "Node.js and npm, to install squawk"; need python3 "parses the JSON reports"
if [ ! -x /usr/bin/time ]; then
  echo "bench: GNU time (/usr/bin/time) is required for peak memory: apt-get install time" >&2
  exit 2
fi

# ---------------------------------------------------------------- the two tools
if [ ! -x "$bench_dir/node_modules/.bin/squawk" ]; then
  echo "bench: installing squawk-cli into bench/node_modules ..." >&2
  (cd "$bench_dir" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
# The npm package is a Node wrapper that spawns a native binary; timing the binary itself keeps
# Node's own start-up (~40 ms, ~45 MB) out of squawk's figures.
squawk=$(cd "$bench_dir" && node -e 'process.stdout.write(require("squawk-cli/js/index.js").getBinaryPath())')
squawk_version=$("$squawk" --version)

if [ ! -f "$jar" ]; then
  echo "bench: building migsafe ..." >&2
  "$repo/migsafe" --version >/dev/null
fi
[ -f "$jar" ] || { echo "bench: $jar is missing after the build" >&2; exit 2; }

# ---------------------------------------------------------------- the histories
find_dir() { # the first directory under $1 named $2 (the corpus keeps upstream paths)
  find "$1" -type d -name "$2" -print -quit 2>/dev/null
}
marquez=$(find_dir "$corpus/marquez" migration)
harbor=$(find_dir "$corpus/harbor" postgresql)
authelia=$(find_dir "$corpus/authelia" 'postgres*')
names=(marquez harbor authelia-postgres)
dirs=("$marquez" "$harbor" "$authelia")
for i in "${!names[@]}"; do
  [ -n "${dirs[$i]}" ] && [ -d "${dirs[$i]}" ] || { echo "bench: ${names[$i]} history not found under $corpus" >&2; exit 2; }
done

# ---------------------------------------------------------------- measuring
# measure OUT CMD... : runs CMD once, stdout to OUT; prints "wall_s peak_rss_kb cpu_s exit".
# Wall time comes from bash's microsecond clock (GNU time's %e has only 10 ms resolution, too coarse
# for squawk); peak RSS is GNU time's %M (max resident set of the measured process); CPU is user +
# system time of the process and its threads (steadier than wall time on a busy machine).
measure() {
  local out=$1; shift
  local t0 t1 rc=0
  t0=$EPOCHREALTIME
  /usr/bin/time -f "%M %U %S" -o "$work/time" "$@" >"$out" 2>"$work/stderr" || rc=$?
  t1=$EPOCHREALTIME
  tail -n1 "$work/time" | awk -v a="$t0" -v b="$t1" -v rc="$rc" '{ printf "%.4f %s %.2f %s\n", b - a, $1, $2 + $3, rc }'
}

# median_of RUNS OUT CMD... : measures CMD RUNS times; prints "wall_s peak_rss_kb cpu_s", each the
# median. Fails on an exit code other than 0 or 1 (squawk exits 1 when it has something to report).
median_of() {
  local n=$1 out=$2; shift 2
  local i w m c rc
  : >"$work/samples"
  for ((i = 0; i < n; i++)); do
    read -r w m c rc < <(measure "$out" "$@")
    if [ "$rc" -gt 1 ]; then
      echo "bench: '$*' failed (exit $rc):" >&2; sed 's/^/    /' "$work/stderr" | head -n 20 >&2
      return 1
    fi
    echo "$w $m $c" >>"$work/samples"
  done
  local col
  for col in 1 2 3; do
    sort -g -k"$col,$col" "$work/samples" | awk -v c="$col" '{a[NR]=$c} END {printf "%s ", a[int((NR+1)/2)]}'
  done
  echo
}

# shellcheck disable=SC2206  # MIGSAFE_JAVA_OPTS is a list of flags, split on spaces like the launcher does
java_cmd=(java $java_opts -jar "$jar")
analyze_opts=(--dialect postgresql --format json --fail-on never)

sql_files() { find "$@" -maxdepth 1 -type f -name '*.sql' | LC_ALL=C sort; }

# ---------------------------------------------------------------- environment
# shellcheck disable=SC2086
jvm_flags=$(java $java_opts -XX:+PrintCommandLineFlags -version 2>&1 | head -n1 | sed 's/ *-XX:+PrintCommandLineFlags//; s/ *$//')
java_version=$(java -version 2>&1 | head -n1)
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown)
mem_mb=$(awk '/MemTotal/ {printf "%d", $2 / 1024}' /proc/meminfo 2>/dev/null || echo "?")
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "- migsafe \`$commit\` ($java_version); JVM flags given: \`${java_opts:-none}\`"
  echo "- JVM ergonomics: \`$jvm_flags\`"
  echo "- $squawk_version (the native binary of npm squawk-cli)"
  echo "- $(nproc) CPU ($cpu), ${mem_mb} MB RAM; load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (wall times stretch when it exceeds the CPU count; CPU times much less)"
  echo "- corpus: \`$corpus\`"
} >"$work/environment.md"
sed 's/`//g' "$work/environment.md"
echo

# ---------------------------------------------------------------- runs
# measurements.tsv: one line per history, read by report.py:
# name files migsafe(wall rss cpu) squawk(wall rss cpu) migsafe-report squawk-report squawk-ast
echo "bench: JVM floor (java -jar migsafe.jar --version) ..." >&2
floor=$(median_of "$runs" "$work/version.out" "${java_cmd[@]}" --version) || exit 1
all_sql=()
: >"$work/measurements.tsv"
for i in "${!names[@]}"; do
  name=${names[$i]} dir=${dirs[$i]}
  mapfile -t files < <(sql_files "$dir")
  all_sql+=("${files[@]}")
  echo "bench: $name (${#files[@]} .sql files) ..." >&2
  m=$(median_of "$runs" "$work/$name.json" "${java_cmd[@]}" analyze "$dir" "${analyze_opts[@]}") \
    || { echo "bench: migsafe failed on $name" >&2; exit 1; }
  [ -s "$work/$name.json" ] || { echo "bench: migsafe printed no report for $name" >&2; sed 's/^/    /' "$work/stderr" >&2; exit 1; }
  s=$(median_of "$runs" "$work/$name.squawk.json" "$squawk" --reporter json "${files[@]}") || exit 1
  "$squawk" --debug ast "${files[@]}" >"$work/$name.ast" 2>/dev/null || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "${#files[@]}" "$m" "$s" \
    "$work/$name.json" "$work/$name.squawk.json" "$work/$name.ast" >>"$work/measurements.tsv"
done
echo "bench: squawk over all files in one process ..." >&2
one=$(median_of "$runs" "$work/all.squawk.json" "$squawk" --reporter json "${all_sql[@]}") || exit 1

# ---------------------------------------------------------------- report
mkdir -p "$bench_dir/results"
python3 "$bench_dir/report.py" --measurements "$work/measurements.tsv" --floor "$floor" --squawk-one "$one" \
  --environment "$work/environment.md" --runs "$runs" --java-opts "$java_opts" --squawk-version "$squawk_version" \
  --markdown "$bench_dir/results/latest.md"
echo
echo "(written to bench/results/latest.md)"
