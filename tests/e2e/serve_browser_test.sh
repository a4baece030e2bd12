#!/usr/bin/env bash
# End-to-end in a real browser: ingest the bundled samples, start two
# `annals serve` on copies of that store (read-only, and --allow-ingest
# --max-upload-kb 64), and run tests/browser/serve_browser_test.mjs
# (playwright-core driving Debian's chromium, headless) against both.
# Screenshots go to <build>/screenshots/. Skips (77) when chromium, node or
# playwright-core is missing (scripts/setup.sh --test installs them).
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
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
shots="$(cd "$(dirname "$annals")" && pwd)/screenshots"
mkdir -p "$shots"

"$annals" ingest --quiet "$src/samples" --db "$work/s.db" >/dev/null 2>&1 || { echo "FAIL: ingest"; exit 1; }
cp "$work/s.db" "$work/u.db"

# Starts a server on DB with the remaining flags and sets $url to its base
# URL (not in a subshell: the server's pid must reach cleanup).
start() {
  local db=$1 name=$2
  shift 2
  "$annals" serve --db "$db" --listen 127.0.0.1:0 "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  url=""
  for _ in $(seq 1 300); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/$name.out" 2>/dev/null | head -1)
    [[ -n "$url" ]] && break
    sleep 0.1
  done
  [[ -n "$url" ]] || { echo "FAIL: serve ($name) did not start: $(cat "$work/$name.err")"; return 1; }
  ! grep -q 'warning' "$work/$name.err" || { echo "FAIL: $(cat "$work/$name.err")"; return 1; }
}
start "$work/s.db" ro || exit 1
base=$url
start "$work/u.db" rw --allow-ingest --max-upload-kb 64 || exit 1
upload_base=$url

CHROMIUM="$chromium" BASE_URL="$base" UPLOAD_URL="$upload_base" SHOTS="$shots" FILES="$work" \
  node "$src/tests/browser/serve_browser_test.mjs"
