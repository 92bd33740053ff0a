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
  (cd "$bench_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
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
# measure OUT CMD... : runs CMD once, stdout to OUT, and prints "wall_seconds peak_rss_kb exit".
# Wall time comes from bash's microsecond clock (GNU time's %e has only 10 ms resolution, too coarse
# for squawk); peak RSS is GNU time's %M (max resident set of the measured process).
measure() {
  local out=$1; shift
  local t0 t1 rc=0
  t0=$EPOCHREALTIME
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$out" 2>"$work/stderr" || rc=$?
  t1=$EPOCHREALTIME
  local rss; rss=$(tail -n1 "$work/time" | awk '{print $2}')
  awk -v a="$t0" -v b="$t1" -v m="$rss" -v rc="$rc" 'BEGIN { printf "%.4f %s %s\n", b - a, m, rc }'
}

# median_of RUNS CMD... : measures CMD RUNS times, prints "median_wall median_rss_kb"; fails on an
# exit code other than 0 or 1 (squawk exits 1 when it has something to report).
median_of() {
  local n=$1 out=$2; shift 2
  local walls=() rsss=() i line
  for ((i = 0; i < n; i++)); do
    line=$(measure "$out" "$@")
    read -r w m rc <<<"$line"
    if [ "$rc" -gt 1 ]; then
      echo "bench: '$*' failed (exit $rc):" >&2; sed 's/^/    /' "$work/stderr" | head -n 20 >&2
      return 1
    fi
    walls+=("$w"); rsss+=("$m")
  done
  printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
                   "$(printf '%s\n' "${rsss[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

# JSON helpers (python3: the report is nested and squawk's debug output is a stream of documents).
migsafe_summary() { # FILE -> "statements unparsed findings"
  python3 - "$1" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
s = r.get("summary", {})
print(s.get("statements", 0), s.get("unparsed", 0), len(r.get("findings", [])))
EOF
}
squawk_summary() { # VIOLATIONS_JSON AST_STREAM -> "violations syntax_errors statements"
  python3 - "$1" "$2" <<'EOF'
import json, sys
v = json.load(open(sys.argv[1]))
text, dec, pos, stmts = open(sys.argv[2]).read(), json.JSONDecoder(), 0, 0
while True:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        break
    doc, pos = dec.raw_decode(text, pos)
    stmts += len(doc.get("stmts", []))
print(len(v), sum(1 for x in v if x.get("rule_name") == "syntax-error"), stmts)
EOF
}

# shellcheck disable=SC2206  # MIGSAFE_JAVA_OPTS is a list of flags, split on spaces like the launcher does
java_cmd=(java $java_opts -jar "$jar")
analyze_opts=(--dialect postgresql --format json --fail-on never)

sql_files() { find "$@" -maxdepth 1 -type f -name '*.sql' | LC_ALL=C sort; }

# ---------------------------------------------------------------- environment
jvm_flags=$(java $java_opts -XX:+PrintCommandLineFlags -version 2>&1 | head -n1)
java_version=$(java -version 2>&1 | head -n1)
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || echo unknown)
mem_mb=$(awk '/MemTotal/ {printf "%d", $2 / 1024}' /proc/meminfo 2>/dev/null || echo "?")
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)

echo "migsafe benchmark: $runs run(s) per figure, median reported; corpus $corpus"
echo "  migsafe $commit ($jar), $java_version"
echo "  JVM flags: ${java_opts:-(none given)}; ergonomic: $jvm_flags"
echo "  $squawk_version (native binary $squawk)"
echo "  $(nproc) CPU ($cpu), ${mem_mb} MB RAM"
echo

# JVM floor: what any `java -jar` costs before migsafe does any work.
line=$(median_of "$runs" "$work/version.out" "${java_cmd[@]}" --version) || exit 1
read -r floor_wall floor_rss <<<"$line"

# ---------------------------------------------------------------- one history at a time
rows=()       # "name files statements m_wall m_rss s_wall s_rss unparsed findings s_viol s_syntax s_stmts"
sum_files=0
all_sql=()
for i in "${!names[@]}"; do
  name=${names[$i]} dir=${dirs[$i]}
  mapfile -t files < <(sql_files "$dir")
  all_sql+=("${files[@]}")
  echo "bench: $name (${#files[@]} .sql files) ..." >&2
  line=$(median_of "$runs" "$work/$name.json" "${java_cmd[@]}" analyze "$dir" "${analyze_opts[@]}") \
    || { echo "bench: migsafe failed on $name" >&2; exit 1; }
  read -r m_wall m_rss <<<"$line"
  [ -s "$work/$name.json" ] || { echo "bench: migsafe printed no report for $name" >&2; sed 's/^/    /' "$work/stderr" >&2; exit 1; }
  read -r stmts unparsed findings < <(migsafe_summary "$work/$name.json")
  line=$(median_of "$runs" "$work/$name.squawk.json" "$squawk" --reporter json "${files[@]}") || exit 1
  read -r s_wall s_rss <<<"$line"
  "$squawk" --debug ast "${files[@]}" >"$work/$name.ast" 2>/dev/null || true
  read -r s_viol s_syntax s_stmts < <(squawk_summary "$work/$name.squawk.json" "$work/$name.ast")
  rows+=("$name ${#files[@]} $stmts $m_wall $m_rss $s_wall $s_rss $unparsed $findings $s_viol $s_syntax $s_stmts")
  sum_files=$((sum_files + ${#files[@]}))
done

# ---------------------------------------------------------------- all histories together
# migsafe analyses one history per invocation; "all" is the sum of the three runs (three JVM
# starts, peak RSS = the largest), and squawk is given the same treatment so the row compares like
# with like. squawk over all files in one process is shown separately.
python3 - "${rows[@]}" >"$work/all.row" <<'EOF'
import sys
rows = [r.split() for r in sys.argv[1:]]
col = lambda i: [float(r[i]) for r in rows]
print("all(sum)", int(sum(col(1))), int(sum(col(2))), round(sum(col(3)), 4), int(max(col(4))),
      round(sum(col(5)), 4), int(max(col(6))), int(sum(col(7))), int(sum(col(8))), int(sum(col(9))),
      int(sum(col(10))), int(sum(col(11))))
EOF
rows+=("$(cat "$work/all.row")")
line=$(median_of "$runs" "$work/all.squawk.json" "$squawk" --reporter json "${all_sql[@]}") || exit 1
read -r one_wall one_rss <<<"$line"

# ---------------------------------------------------------------- report
python3 - "$runs" "$floor_wall" "$floor_rss" "$one_wall" "$one_rss" "${rows[@]}" >"$work/table" <<'EOF'
import sys
runs, floor_wall, floor_rss, one_wall, one_rss = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
rows = [r.split() for r in sys.argv[6:]]
mb = lambda kb: f"{int(kb) / 1024:.0f}"
rate = lambda n, s: f"{int(n) / float(s):,.0f}" if float(s) > 0 else "-"
head = ["history", "files", "statements", "migsafe wall s", "migsafe peak RSS MB", "migsafe stmt/s",
        "squawk wall s", "squawk peak RSS MB", "squawk stmt/s", "wall ratio migsafe/squawk",
        "migsafe wall minus JVM floor s"]
out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
for r in rows:
    name, files, st, mw, mr, sw, sr = r[:7]
    jvm_runs = 3 if name.startswith("all") else 1
    out.append("| " + " | ".join([name, files, st, f"{float(mw):.2f}", mb(mr), rate(st, mw),
        f"{float(sw):.3f}", mb(sr), rate(st, sw), f"{float(mw) / float(sw):.1f}x" if float(sw) > 0 else "-",
        f"{max(0.0, float(mw) - jvm_runs * floor_wall):.2f}"]) + " |")
out.append("")
out.append(f"JVM floor (`java -jar migsafe.jar --version`): {floor_wall:.2f} s, {mb(floor_rss)} MB peak RSS. "
           f"squawk over all {rows[-1][1]} files in one process: {one_wall:.3f} s, {mb(one_rss)} MB.")
out.append("")
out.append("Coverage on the same files (speed only counts for statements a tool actually understood):")
out.append("")
out.append("| history | migsafe statements | migsafe unparsed | migsafe findings | squawk statements | squawk syntax errors | squawk violations |")
out.append("|---|---|---|---|---|---|---|")
for r in rows:
    out.append("| " + " | ".join([r[0], r[2], r[7], r[8], r[11], r[10], r[9]]) + " |")
print("\n".join(out))
EOF

targets=$(python3 - "${rows[@]}" <<'EOF'
import sys
rows = [r.split() for r in sys.argv[1:]]
worst = max(float(r[3]) / float(r[5]) for r in rows if float(r[5]) > 0)
peak = max(int(r[4]) for r in rows) / 1024
print(f"Targets: migsafe wall <= 2x squawk: {'met' if worst <= 2 else 'NOT met'} (worst ratio {worst:.1f}x); "
      f"peak RSS < 512 MB: {'met' if peak < 512 else 'NOT met'} ({peak:.0f} MB).")
EOF
)

method="Each figure is the median of $runs runs. migsafe: \`java ${java_opts:+$java_opts }-jar target/migsafe.jar analyze DIR --dialect postgresql --format json --fail-on never\` (one JVM per history: it reads every migration of the folder, up and down files, and replays the whole history). $squawk_version: \`squawk --reporter json FILE...\` on every \`.sql\` file of the same folder, up and down files alike, since migsafe parses both (non-SQL files such as Marquez's \`V57__readme.md\` are left out for both). Statements/s for both tools divide migsafe's \`summary.statements\` by the tool's wall time; squawk's own statement count is in the coverage table. Wall time: bash's microsecond clock around \`/usr/bin/time\`; peak RSS: GNU time's %M."

{
  echo "# migsafe vs squawk — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- migsafe \`$commit\`, $java_version; JVM flags: ${java_opts:-(none given)}; ergonomic: \`$jvm_flags\`"
  echo "- $squawk_version (native binary, npm squawk-cli)"
  echo "- $(nproc) CPU ($cpu), ${mem_mb} MB RAM; corpus: \`$corpus\`"
  echo
  cat "$work/table"
  echo
  echo "$targets"
  echo
  echo "$method"
} >"$work/latest.md"
mkdir -p "$bench_dir/results"
cp "$work/latest.md" "$bench_dir/results/latest.md"

cat "$work/table"
echo
echo "$targets"
echo
echo "$method" | fold -s -w 100
echo
echo "(written to bench/results/latest.md)"
