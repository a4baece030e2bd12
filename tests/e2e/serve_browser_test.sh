#!/usr/bin/env bash
# End-to-end in a real browser: ingest the bundled samples, start `annals
# serve`, and run tests/browser/serve_browser_test.mjs (playwright-core
# driving Debian's chromium, headless). Screenshots go to
# <build>/screenshots/. Skips (77) when chromium, node or playwright-core
# is missing (scripts/setup.sh --test installs them).
# Usage: serve_browser_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
chromium=${ANNALS_CHROMIUM:-/usr/bin/chromium}
[[ -x "$chromium" ]] || { echo "serve_browser_test: SKIP: no $chromium (apt install chromium)"; exit 77; }
command -v node >/dev/null || { echo "serve_browser_test: SKIP: no node"; exit 77; }
[[ -d "$src/node_modules/playwright-core" ]] ||
  { echo "serve_browser_test: SKIP: no node_modules/playwright-core (npm ci)"; exit 77; }
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
shots="$(cd "$(dirname "$annals")" && pwd)/screenshots"
mkdir -p "$shots"

"$annals" ingest --quiet "$src/samples" --db "$work/s.db" >/dev/null 2>&1 || { echo "FAIL: ingest"; exit 1; }
"$annals" serve --db "$work/s.db" --listen 127.0.0.1:0 >"$work/out.txt" 2>"$work/err.txt" &
pid=$!
base=""
for _ in $(seq 1 100); do
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out.txt" 2>/dev/null | head -1)
  [[ -n "$base" ]] && break
  sleep 0.1
done
[[ -n "$base" ]] || { echo "FAIL: serve did not start"; cat "$work/err.txt"; exit 1; }
grep -q 'warning' "$work/err.txt" && { echo "FAIL: $(cat "$work/err.txt")"; exit 1; }
CHROMIUM="$chromium" BASE_URL="$base" SHOTS="$shots" node "$src/tests/browser/serve_browser_test.mjs"
