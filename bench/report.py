#!/usr/bin/env python3
"""Turns bench/run.sh's measurements into the comparison table (stdout) and bench/results/latest.md.

Reads, per history, the median wall time / peak RSS / CPU time of both tools, migsafe's JSON report
(statements, unparsed, findings) and squawk's outputs (violations, syntax errors, its own statement
count from `squawk --debug ast`). Adds the all-histories row and checks the issue's targets.
"""
import argparse
import json
from pathlib import Path

WALL_RATIO_TARGET = 2.0
RSS_TARGET_MB = 512


def timing(text):
    wall, rss_kb, cpu = text.split()
    return {"wall": float(wall), "rss": int(rss_kb) / 1024, "cpu": float(cpu)}


def migsafe_counts(path):
    report = json.loads(Path(path).read_text())
    summary = report.get("summary", {})
    return {"statements": summary.get("statements", 0), "unparsed": summary.get("unparsed", 0),
            "findings": len(report.get("findings", []))}


def squawk_counts(violations_path, ast_path):
    violations = json.loads(Path(violations_path).read_text() or "[]")
    # `squawk --debug ast` prints one JSON document per file, back to back
    text, decoder, pos, statements = Path(ast_path).read_text(), json.JSONDecoder(), 0, 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        doc, pos = decoder.raw_decode(text, pos)
        statements += len(doc.get("stmts", []))
    return {"violations": len(violations), "statements": statements,
            "syntax_errors": sum(1 for v in violations if v.get("rule_name") == "syntax-error")}


def read_rows(path):
    rows = []
    for line in Path(path).read_text().splitlines():
        name, files, m, s, m_report, s_report, s_ast = line.split("\t")
        rows.append({"name": name, "files": int(files), "jvm_starts": 1, "migsafe": timing(m), "squawk": timing(s),
                     "m": migsafe_counts(m_report), "s": squawk_counts(s_report, s_ast)})
    return rows


def total(rows):
    """migsafe analyses one history per process: the total is the sum of the runs (peak RSS: the largest)."""
    def add(key):
        return {"wall": sum(r[key]["wall"] for r in rows), "cpu": sum(r[key]["cpu"] for r in rows),
                "rss": max(r[key]["rss"] for r in rows)}
    def add_counts(key):
        return {k: sum(r[key][k] for r in rows) for k in rows[0][key]}
    return {"name": "all (sum)", "files": sum(r["files"] for r in rows), "jvm_starts": len(rows),
            "migsafe": add("migsafe"), "squawk": add("squawk"), "m": add_counts("m"), "s": add_counts("s")}


def markdown_table(head, body):
    return "\n".join(["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
                     + ["| " + " | ".join(str(c) for c in row) + " |" for row in body])


def rate(statements, seconds):
    return f"{statements / seconds:,.0f}" if seconds > 0 else "-"


def main():
    ap = argparse.ArgumentParser()
    for option in ("--measurements", "--floor", "--squawk-one", "--environment", "--runs", "--markdown",
                   "--squawk-version"):
        ap.add_argument(option, required=True)
    ap.add_argument("--java-opts", default="")
    args = ap.parse_args()

    rows = read_rows(args.measurements)
    rows.append(total(rows))
    floor, one = timing(args.floor), timing(args.squawk_one)

    figures = markdown_table(
        ["history", "files", "statements", "migsafe wall s", "migsafe CPU s", "migsafe peak RSS MB", "migsafe stmt/s",
         "squawk wall s", "squawk CPU s", "squawk peak RSS MB", "squawk stmt/s", "wall ratio migsafe/squawk",
         "migsafe wall minus JVM floor s"],
        [[r["name"], r["files"], r["m"]["statements"],
          f"{r['migsafe']['wall']:.2f}", f"{r['migsafe']['cpu']:.2f}", f"{r['migsafe']['rss']:.0f}",
          rate(r["m"]["statements"], r["migsafe"]["wall"]),
          f"{r['squawk']['wall']:.3f}", f"{r['squawk']['cpu']:.2f}", f"{r['squawk']['rss']:.0f}",
          rate(r["m"]["statements"], r["squawk"]["wall"]),
          f"{r['migsafe']['wall'] / r['squawk']['wall']:.1f}x" if r["squawk"]["wall"] > 0 else "-",
          f"{max(0.0, r['migsafe']['wall'] - r['jvm_starts'] * floor['wall']):.2f}"] for r in rows])
    coverage = markdown_table(
        ["history", "migsafe statements", "migsafe unparsed", "migsafe findings",
         "squawk statements", "squawk syntax errors", "squawk violations"],
        [[r["name"], r["m"]["statements"], r["m"]["unparsed"], r["m"]["findings"],
          r["s"]["statements"], r["s"]["syntax_errors"], r["s"]["violations"]] for r in rows])

    per_history, total_row = rows[:-1], rows[-1]
    worst = max(per_history, key=lambda r: r["migsafe"]["wall"] / r["squawk"]["wall"])
    peak = max(r["migsafe"]["rss"] for r in per_history)
    worst_ratio = worst["migsafe"]["wall"] / worst["squawk"]["wall"]
    targets = (f"**Targets**: migsafe wall ≤ {WALL_RATIO_TARGET:g}× squawk: "
               f"{'met' if worst_ratio <= WALL_RATIO_TARGET else 'NOT met'} (worst {worst_ratio:.1f}× on {worst['name']}); "
               f"peak RSS < {RSS_TARGET_MB} MB: {'met' if peak < RSS_TARGET_MB else 'NOT met'} ({peak:.0f} MB). "
               f"CPU time ratio over all histories: {total_row['migsafe']['cpu'] / max(total_row['squawk']['cpu'], 0.01):.0f}×.")
    notes = (f"JVM floor (`java -jar target/migsafe.jar --version`): {floor['wall']:.2f} s wall, {floor['cpu']:.2f} s CPU, "
             f"{floor['rss']:.0f} MB. squawk over all {rows[-1]['files']} files in one process: {one['wall']:.3f} s, "
             f"{one['rss']:.0f} MB.")
    java = f"java {args.java_opts} -jar" if args.java_opts else "java -jar"
    method = (f"Each figure is the median of {args.runs} run(s). migsafe: `{java} target/migsafe.jar analyze DIR "
              "--dialect postgresql --format json --fail-on never`, one JVM per history: it reads every migration of "
              "the folder (up and down files), parses every statement, replays the whole history and runs every rule. "
              f"{args.squawk_version}: `squawk --reporter json FILE...` on every `.sql` file of the same folder, up and "
              "down files alike since migsafe parses both (non-SQL files such as Marquez's `V57__readme.md` are left "
              "out for both). stmt/s divides migsafe's `summary.statements` by each tool's wall time. Wall: bash's "
              "microsecond clock around `/usr/bin/time`; peak RSS: GNU time's %M; CPU: user + system time, all threads.")

    print(figures)
    print()
    print(notes)
    print()
    print("Coverage on the same files:")
    print(coverage)
    print()
    print(targets.replace("**", ""))
    print()
    print(method)

    environment = Path(args.environment).read_text().strip()
    Path(args.markdown).write_text("\n\n".join([
        "# migsafe vs squawk on the corpus's PostgreSQL histories", environment, figures, notes,
        "Coverage on the same files (speed only counts for statements a tool understood):", coverage,
        targets, method]) + "\n")


if __name__ == "__main__":
    main()
