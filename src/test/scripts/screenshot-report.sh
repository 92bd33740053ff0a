#!/usr/bin/env bash
# Renders the shop sample's HTML report in headless Chromium and saves a screenshot, so that a person
# (or a reviewing session) can look at what the report shows.
#
#   src/test/scripts/screenshot-report.sh [OUT_DIR] [FROM TO]
#
# Needs Debian's chromium (apt-get install -y chromium fonts-noto-color-emoji). Writes
# OUT_DIR/migsafe-report.html (and the other formats) and OUT_DIR/report.png (1280 px wide) and
# OUT_DIR/report-mobile.png (420 px wide). Default OUT_DIR: target/report-screenshot.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
out=${1:-$here/target/report-screenshot}
from=${2:-v1.3.1}
to=${3:-v1.2.9}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "screenshot-report: no chromium found; install it with 'apt-get install -y chromium'" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
# exit 1 (NO_GO) is the expected verdict for this range; anything else is a failure
set +e
(cd "$here" && ./migsafe can-rollback "$from" "$to" --project sample-migrations/shop \
  --format html,json,markdown --output "$out" >/dev/null)
code=$?
set -e
if [ "$code" -gt 1 ]; then
  echo "screenshot-report: migsafe failed with exit code $code" >&2
  exit "$code"
fi
shoot() { # width height file
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$1,$2" --screenshot="$3" "file://$out/migsafe-report.html" >/dev/null 2>&1
}
shoot 1280 2000 "$out/report.png"
shoot 420 2400 "$out/report-mobile.png"
echo "$out/report.png"
echo "$out/report-mobile.png"
