#!/usr/bin/env bash
# Where does migsafe's analysis spend its time? Records a Java Flight Recording of one
# `migsafe analyze` run and prints the hottest methods (self time), the hottest migsafe methods
# (first dev.migsafe frame of each sample, i.e. which of our code paths leads to the work) and the
# top allocations. Run bench/run.sh first for the figures; this is for the why.
#
# Usage: bench/profile.sh [DIR]   (default: the harbor history of the corpus)
# Env:   MIGSAFE_CORPUS, MIGSAFE_JAVA_OPTS as for bench/run.sh; BENCH_TOP (rows per list, default 15)
set -euo pipefail
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench_dir/.." && pwd)
corpus=${MIGSAFE_CORPUS:-$repo/../shared/corpus}
jar="$repo/target/migsafe.jar"
dir=${1:-$(find "$corpus/harbor" -type d -name postgresql -print -quit 2>/dev/null || true)}
[ -n "$dir" ] && [ -d "$dir" ] || { echo "profile: no migration directory (give one, or set MIGSAFE_CORPUS)" >&2; exit 2; }
command -v jfr >/dev/null || { echo "profile: the JDK's 'jfr' tool is required" >&2; exit 2; }
[ -f "$jar" ] || "$repo/migsafe" --version >/dev/null

mkdir -p "$bench_dir/results"
rec="$bench_dir/results/profile.jfr"
# The profile settings sample every 10-20 ms: too few samples for a run of a few seconds, so sample
# every millisecond, and keep deep stacks so the first migsafe frame is still in them.
jfc="$bench_dir/results/profile.jfc"
jfr configure --input profile --output "$jfc" "jdk.ExecutionSample#period=1 ms" >/dev/null
# shellcheck disable=SC2086  # MIGSAFE_JAVA_OPTS is a list of flags
java ${MIGSAFE_JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename="$rec",settings="$jfc" \
  -jar "$jar" analyze "$dir" --dialect postgresql --format json --fail-on never >/dev/null 2>"$bench_dir/results/profile.log" \
  || { echo "profile: migsafe failed:" >&2; cat "$bench_dir/results/profile.log" >&2; exit 1; }

jfr print --json --stack-depth 256 --events jdk.ExecutionSample,jdk.ObjectAllocationSample,jdk.GCHeapSummary "$rec" \
  | python3 -c '
import collections, json, sys
top = int(sys.argv[1])
events = json.load(sys.stdin)["recording"]["events"]
name = lambda f: f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
ours_frame = lambda f: f["method"]["type"]["name"].startswith("dev/migsafe/")
samples = [e["values"]["stackTrace"]["frames"] for e in events if e["type"] == "jdk.ExecutionSample" and e["values"]["stackTrace"]]
self_time, ours, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
for frames in samples:
    self_time[name(frames[0])] += 1
    first = next((f for f in frames if ours_frame(f)), None)
    if first:
        ours[name(first)] += 1
    elif any(f["method"]["type"]["name"].startswith("net/sf/jsqlparser/") for f in frames):
        ours["(JSqlParser, on its executor thread)"] += 1
    else:
        ours["(outside migsafe: JVM start, class loading, picocli, JIT)"] += 1
    for n in {name(f) for f in frames if ours_frame(f)}:
        inclusive[n] += 1
def show(title, counter):
    print(f"\n{title} ({len(samples)} samples)")
    for n, c in counter.most_common(top):
        print(f"  {100 * c / max(1, len(samples)):5.1f}%  {n}")
show("Hottest methods, self time", self_time)
show("First migsafe frame of each sample", ours)
show("migsafe methods, inclusive time", inclusive)
alloc = collections.Counter()
for e in events:
    if e["type"] == "jdk.ObjectAllocationSample":
        alloc[e["values"]["objectClass"]["name"].replace("/", ".")] += e["values"]["weight"]
print("\nAllocation (sampled weight, MB)")
for n, w in alloc.most_common(top):
    print(f"  {w / 2**20:8.1f}  {n}")
heap = [e["values"]["heapUsed"] for e in events if e["type"] == "jdk.GCHeapSummary"]
if heap:
    print(f"\nHeap used at GC: max {max(heap) / 2**20:.0f} MB over {len(heap) // 2} GC(s)")
' "${BENCH_TOP:-15}"
echo
echo "(recording: $rec — open it in JDK Mission Control for flame graphs)"
