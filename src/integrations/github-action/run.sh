#!/usr/bin/env bash
# The step of action.yml: runs migsafe with the action's inputs (INPUT_* variables), prints the text
# report to the log, writes the Markdown summary to $GITHUB_STEP_SUMMARY and the outputs to
# $GITHUB_OUTPUT, and exits with migsafe's exit code.
#
# Text from the pull request (names, statements) never becomes a workflow command: migsafe escapes it,
# and the report is printed with workflow commands stopped; values are passed as arguments, never
# evaluated.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fail() { echo "migsafe action: $1" >&2; echo "exit-code=2" >> "$GITHUB_OUTPUT"; exit 2; }

out_dir=${INPUT_OUTPUT_DIR:-migsafe-reports}
case "$out_dir" in *$'\n'*|*$'\r'*) fail "output-dir must be one line" ;; esac

read -r -a command <<< "${INPUT_COMMAND:-}"
if [ "${#command[@]}" -eq 0 ]; then
  command=(analyze)
  if [ -n "${GITHUB_BASE_REF:-}" ]; then
    base="origin/$GITHUB_BASE_REF"
    if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
      git fetch --no-tags --quiet origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/$base" \
        || fail "cannot fetch the base branch; check out with fetch-depth: 0"
    fi
    command+=(--base "$base")
  fi
fi
[ "${command[0]}" = analyze ] && command+=(--fail-on "${INPUT_FAIL_ON:-error}")
[ -n "${INPUT_VERIFY:-}" ] && command+=(--verify "$INPUT_VERIFY")

# rule links to the pages of the migsafe version the workflow uses
if [ -z "${MIGSAFE_RULES_URL:-}" ] && [ -n "${GITHUB_ACTION_REPOSITORY:-}" ] && [ -n "${GITHUB_ACTION_REF:-}" ]; then
  export MIGSAFE_RULES_URL="${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_ACTION_REPOSITORY/blob/$GITHUB_ACTION_REF/rules/"
fi
migsafe=${MIGSAFE:-$here/../../../migsafe}

formats=text,json,markdown${INPUT_FORMATS:+,$INPUT_FORMATS}
"$migsafe" "${command[@]}" --format "$formats" --output "$out_dir"
code=$?

# the report, with workflow commands stopped while it is printed
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
if [ -f "$out_dir/migsafe-report.txt" ]; then
  echo "::stop-commands::$token"
  cat "$out_dir/migsafe-report.txt"
  echo "::$token::"
fi

verdict=""
if [ -f "$out_dir/migsafe-report.json" ]; then
  verdict=$(sed -n 's/^  "verdict" : "\([A-Z_]*\)",$/\1/p' "$out_dir/migsafe-report.json" | head -n 1)
fi
if [ -f "$out_dir/migsafe-report.md" ]; then
  cat "$out_dir/migsafe-report.md" >> "$GITHUB_STEP_SUMMARY"
else
  echo "**migsafe** could not run (exit code $code); the job log says why." >> "$GITHUB_STEP_SUMMARY"
fi
written() { if [ -f "$out_dir/$1" ]; then echo "$out_dir/$1"; fi; }
{
  echo "verdict=$verdict"
  echo "exit-code=$code"
  echo "report-dir=$out_dir"
  echo "sarif-file=$(written migsafe-report.sarif)"
  echo "markdown-file=$(written migsafe-report.md)"
  echo "json-file=$(written migsafe-report.json)"
} >> "$GITHUB_OUTPUT"
exit "$code"
