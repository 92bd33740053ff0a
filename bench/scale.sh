#!/usr/bin/env bash
# How do time and memory grow with the length of a history? The corpus's histories are short (40-85
# migrations); real ones reach thousands. Generates synthetic Flyway histories of N migrations (each
# creates a 22-column table with an index, widens the previous table and updates it) and runs
# `migsafe analyze` on each, printing wall time, CPU time and peak RSS. Linear growth is the goal:
# doubling N should about double CPU and leave the peak RSS well under the 512 MB target.
#
# Usage: bench/scale.sh [N...]   (default: 100 200 400)
# Env:   MIGSAFE_JAVA_OPTS as for bench/run.sh
#        SHAPE=flyway (default) | flyway-undo (each migration with a U undo file, so every migration's
#        down is replayed and compared) | liquibase (one XML changelog of N changeSets) |
#        includeall (a master changelog whose includeAll reads N files)
set -euo pipefail
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench_dir/.." && pwd)
jar="$repo/target/migsafe.jar"
[ -f "$jar" ] || "$repo/migsafe" --version >/dev/null
[ -x /usr/bin/time ] || { echo "scale: GNU time (/usr/bin/time) is required: apt-get install time" >&2; exit 2; }
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100 200 400)
work=$(mktemp -d "${TMPDIR:-/tmp}/migsafe-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

printf '%-12s %-12s %-10s %-10s %-12s %s\n' migrations statements "wall s" "CPU s" "peak RSS MB" exit
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "scale: '$n' is not a migration count" >&2; exit 2; }
  dir="$work/h$n"; mkdir -p "$dir"
  python3 - "$dir" "$n" "${SHAPE:-flyway}" <<'EOF'
import sys
from pathlib import Path
out, n, shape = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
columns = ", ".join(f"c{j} varchar(100) NOT NULL DEFAULT ''" for j in range(20))
def change_set(i):
    return (f'  <changeSet id="{i}" author="bench">\n    <createTable tableName="t{i}">\n'
            f'      <column name="id" type="bigint"><constraints primaryKey="true"/></column>\n'
            f'      <column name="c1" type="varchar(100)"/>\n    </createTable>\n'
            + (f'    <addColumn tableName="t{i - 1}"><column name="extra" type="int"/></addColumn>\n' if i > 1 else '')
            + '  </changeSet>\n')
head = ('<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog'
        ' http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">\n')
if shape in ("liquibase", "includeall"):
    log = out / "db" / "changelog"
    log.mkdir(parents=True)
    if shape == "liquibase":
        (log / "db.changelog-master.xml").write_text(head + "".join(change_set(i) for i in range(1, n + 1)) + "</databaseChangeLog>\n")
    else:
        (log / "changes").mkdir()
        (log / "db.changelog-master.xml").write_text(head + '  <includeAll path="changes/" relativeToChangelogFile="true"/>\n</databaseChangeLog>\n')
        for i in range(1, n + 1):
            (log / "changes" / f"{i:06d}.xml").write_text(head + change_set(i) + "</databaseChangeLog>\n")
    sys.exit(0)
for i in range(1, n + 1):
    sql = f"CREATE TABLE t{i} (id bigint PRIMARY KEY, {columns});\nCREATE INDEX t{i}_c1 ON t{i} (c1);\n"
    undo = f"DROP TABLE t{i};\n"
    if i > 1:
        sql += f"ALTER TABLE t{i - 1} ADD COLUMN extra int;\nUPDATE t{i - 1} SET extra = 1 WHERE id > 0;\n"
        undo += f"ALTER TABLE t{i - 1} DROP COLUMN extra;\n"
    (out / f"V{i}__step.sql").write_text(sql)
    if shape == "flyway-undo":
        (out / f"U{i}__step.sql").write_text(undo)
EOF
  rc=0
  # shellcheck disable=SC2086  # MIGSAFE_JAVA_OPTS is a list of flags
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" java ${MIGSAFE_JAVA_OPTS:-} -jar "$jar" analyze "$dir" \
    --dialect postgresql --format json --fail-on never >"$work/report.json" 2>"$work/stderr" || rc=$?
  statements=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["statements"])' "$work/report.json" 2>/dev/null || echo "?")
  read -r wall user sys rss < <(tail -n1 "$work/time")
  printf '%-12s %-12s %-10s %-10s %-12s %s\n' "$n" "$statements" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')" "$((rss / 1024))" "$rc"
  [ "$rc" -le 1 ] || sed 's/^/    /' "$work/stderr" | head -n 3 >&2
done
