#!/usr/bin/env bash
# What does reading the older release's code add to a run? Makes a git repository whose v1 has N Java
# source files (a SHARE of them JPA entities and JdbcTemplate DAOs, the rest controllers with DTOs) and
# one migration, and v2 a migration dropping a column; runs `migsafe can-rollback v2 v1 --verify none`
# RUNS times with the code read and RUNS times with `--app none`, and prints the medians and their
# difference (wall time of the whole CLI, JVM start included).
#
# Usage: bench/app-code.sh [N] [SHARE]   (default: 1000 0.25)
# Env:   RUNS (default 5)
set -euo pipefail
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench_dir/.." && pwd)
"$repo/migsafe" --version >/dev/null
n=${1:-1000}; share=${2:-0.25}; runs=${RUNS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/migsafe-app-code.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

python3 - "$work" "$n" "$share" <<'PY'
import sys
from pathlib import Path
out, n, share = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
src = out / "src/main/java/bench"; src.mkdir(parents=True)
mig = out / "src/main/resources/db/migration"; mig.mkdir(parents=True)
db = round(n * share)
tables = []
for i in range(n):
    if i >= db:
        src.joinpath(f"S{i}.java").write_text(
            f"package bench;\nimport org.springframework.web.bind.annotation.*;\n@RestController\nclass S{i} {{\n"
            f"  private final Service{i} service;\n  S{i}(Service{i} s) {{ this.service = s; }}\n"
            f"  @GetMapping(\"/things/{{id}}\") Dto{i} get(@PathVariable long id) {{ return service.find(id).map(Dto{i}::of).orElseThrow(); }}\n"
            f"  record Dto{i}(long id, String label) {{ static Dto{i} of(Object o) {{ return new Dto{i}(0, String.valueOf(o)); }} }}\n}}\n")
    elif i % 2 == 0:
        tables.append(f"t{i}")
        src.joinpath(f"E{i}.java").write_text(
            f"package bench;\nimport jakarta.persistence.*;\n@Entity @Table(name = \"t{i}\")\npublic class E{i} {{\n"
            f"  @Id Long id;\n  @Column(name = \"name\") String name;\n  String createdBy;\n  int counter;\n}}\n")
    else:
        src.joinpath(f"D{i}.java").write_text(
            f"package bench;\nimport org.springframework.jdbc.core.JdbcTemplate;\nclass D{i} {{\n"
            f"  static final String COLS = \"id, name\";\n  JdbcTemplate jdbc;\n"
            f"  Object find(long id) {{ return jdbc.queryForObject(\"SELECT \" + COLS + \" FROM t{i - 1} WHERE id = ?\", Object.class, id); }}\n}}\n")
tables = tables or ["t0"]
mig.joinpath("V1__init.sql").write_text("".join(
    f"CREATE TABLE {t} (id bigint PRIMARY KEY, name text, created_by text, counter int, legacy text);\n" for t in tables))
PY
(
  cd "$work"
  export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@example.com \
    GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@example.com
  git init -q && git add -A && git commit -qm v1 && git tag v1
  printf 'ALTER TABLE t0 DROP COLUMN legacy;\n' > src/main/resources/db/migration/V2__drop.sql
  git add -A && git commit -qm v2 && git tag v2
)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$repo/migsafe" can-rollback v2 v1 --project "$work" --verify none --format json --output "$work/out" "$@" \
        >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}
with_code=$(time_runs)
without=$(time_runs --app none)
printf 'files %d (%s entities and DAOs): with the code %d ms, --app none %d ms, reading the code adds %d ms (median of %d)\n' \
  "$n" "$share" "$with_code" "$without" $((with_code - without)) "$runs"
