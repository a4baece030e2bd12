#!/usr/bin/env bash
# End-to-end: ingest the bundled samples, start `annals serve` on a free
# loopback port, and ask its API and static files like a client would:
# JSON and CSV, a 400, traversal attempts, the security headers, the
# configuration, the upload gate, uploads (named, pasted, duplicate,
# broken) and the upload size limit.
# Usage: serve_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
source "$src/tests/e2e/check.sh"
command -v curl >/dev/null || { echo "serve_test: SKIP: no curl"; exit 77; }

"$annals" ingest --quiet "$src/samples" --db "$work/s.db" >/dev/null 2>&1
check "ingest exits 0" test $? -eq 0

# Starts the server with "$@" and sets $base from the port it reports.
start() {
  "$annals" serve --db "$work/s.db" --listen 127.0.0.1:0 "$@" >"$work/out.txt" 2>"$work/err.txt" &
  pids+=($!)
  base=""
  for _ in $(seq 1 100); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out.txt" 2>/dev/null | head -1)
    [[ -n "$base" ]] && return 0
    sleep 0.1
  done
  echo "serve did not start:"; cat "$work/err.txt"
  return 1
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

start
check "serve starts on a free port" test -n "$base"

curl -s "$base/api/events?limit=1000" >"$work/events.json"
check "events as JSON, with sample events" python3 - "$work/events.json" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
items = j["items"]
assert len(items) >= 10, len(items)
assert j["next_offset"] is None and j["limit"] == 1000
assert {"doc", "event", "day", "code", "quad_class", "goldstein", "sentence"} <= set(items[0])
assert any(e["root"] == "04" for e in items), "a consultation in the samples"
PY
curl -s "$base/api/events?root=04&format=csv" >"$work/events.csv"
check "events as CSV with a header" grep -q '^doc,event,day,code,root,quad_class' "$work/events.csv"
check "CSV has only root 04 rows" python3 - "$work/events.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert rows and all(r["root"] == "04" for r in rows), rows[:3]
PY
for path in actors dyads places series "series?interval=month" documents; do
  check "$path answers 200" test "$(status "$base/api/$path")" = 200
done
doc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["doc"])' "$work/events.json")
curl -s -G "$base/api/document" --data-urlencode "id=$doc" >"$work/doc.json"
check "a document with sentences and events" python3 - "$work/doc.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["sentences"] and d["events"] and "text" in d, list(d)
PY

check "bad parameter is 400" test "$(status "$base/api/events?root=99")" = 400
curl -s "$base/api/events?goldstein_min=abc" >"$work/400.json"
check "400 says which parameter" grep -q '"error":"goldstein_min: expected a number' "$work/400.json"
check "unknown parameter is 400" test "$(status "$base/api/events?nope=1")" = 400
check "injection string is bound, not run" test "$(status "$base/api/events?q=x%27%3B%20DROP%20TABLE%20events%3B--")" = 200
check "events still there" test "$(status "$base/api/events?root=04")" = 200
check "limit over 1000 is 400" test "$(status "$base/api/events?limit=1001")" = 400
check "unknown endpoint is 404" test "$(status "$base/api/nothing")" = 404
check "missing document is 404" test "$(status "$base/api/document?id=nope")" = 404

for t in '/../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/..%2f..%2fetc%2fpasswd' '/vendor/../../s.db' '/%252e%252e/etc/passwd'; do
  code=$(curl -s --path-as-is -o "$work/t.txt" -w '%{http_code}' "$base$t")
  check "traversal $t refused ($code)" test "$code" = 403 -o "$code" = 404 -o "$code" = 400
  check "traversal $t leaks nothing" bash -c "! grep -q 'root:' '$work/t.txt'"
done

curl -s -D "$work/headers.txt" -o /dev/null "$base/api/events?limit=1"
for h in 'Content-Security-Policy: default-src .self.' 'X-Content-Type-Options: nosniff' \
  'X-Frame-Options: DENY' 'Referrer-Policy: no-referrer'; do
  check "header $h" grep -qi "^$h" "$work/headers.txt"
done

curl -s "$base/api/config" >"$work/config.json"
check "config: read-only, limits" python3 - "$work/config.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
assert c["allow_ingest"] is False, c
assert c["max_upload_bytes"] == 4096 * 1024, c
assert c["page_size"] == {"default": 100, "max": 1000}, c
assert c["version"], c
PY
check "config with a parameter is 400" test "$(status "$base/api/config?x=1")" = 400

printf 'Monday 4 March 2024 - 10:00\n\nTalks\n\nEgypt met Qatar in Cairo on Monday.\n' >"$work/up.txt"
check "ingest is off by default (403)" \
  test "$(status -X POST --data-binary @"$work/up.txt" "$base/api/ingest")" = 403
kill "${pids[0]}"
wait "${pids[0]}" 2>/dev/null
check "SIGTERM stops the server" grep -q 'stopped' "$work/out.txt"

start --allow-ingest --max-upload-kb 1
check "config says ingest is allowed, 1 KB" python3 -c '
import json, sys, urllib.request
c = json.load(urllib.request.urlopen(sys.argv[1] + "/api/config"))
assert c["allow_ingest"] is True and c["max_upload_bytes"] == 1024, c' "$base"
post() { curl -s -X POST --data-binary @"$1" "$base/api/ingest$2"; }
post "$work/up.txt" '?name=talks.txt' >"$work/r1.json"
check "ingest allowed: upload stored as talks" python3 - "$work/r1.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["stored"] == 1 and r["documents"][0]["id"] == "talks", r
assert r["documents"][0]["status"] == "stored" and r["format"] == "wire", r
PY
post "$work/up.txt" '?name=talks.txt' >"$work/r2.json"
check "the same upload again is a duplicate" python3 - "$work/r2.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["stored"] == 0 and r["duplicates"] == 1 and r["documents"][0]["status"] == "duplicate", r
PY
printf 'Turkey hosted Iranian diplomats in Ankara.\n' >"$work/paste.txt"
post "$work/paste.txt" '?title=Ankara&date=2024-03-06' >"$work/r3.json"
paste_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["documents"][0]["id"])' "$work/r3.json")
check "a nameless upload gets a content id ($paste_id)" bash -c "[[ '$paste_id' =~ ^upload-[0-9a-f]{12}$ ]]"
check "with the given title" grep -q '"title":"Ankara"' \
  <(curl -s -G "$base/api/document" --data-urlencode "id=$paste_id")
printf 'a\0b\0c' >"$work/broken.txt"
check "a broken upload is 400" \
  test "$(status -X POST --data-binary @"$work/broken.txt" "$base/api/ingest?name=broken.txt")" = 400
check "saying why" grep -q '"error":"broken.txt: \[E' <(post "$work/broken.txt" '?name=broken.txt')
check "a name with a directory is 400" \
  test "$(status -X POST --data-binary @"$work/up.txt" "$base/api/ingest?name=../x.txt")" = 400
head -c 4096 /dev/zero | tr '\0' 'a' >"$work/big.txt"
check "upload over the limit is 413" \
  test "$(status -X POST --data-binary @"$work/big.txt" "$base/api/ingest")" = 413
check "the 413 names the limit" grep -q 'limit of 1 KB' <(post "$work/big.txt" '')
check "the upload is served" test "$(status -G "$base/api/document" --data-urlencode id=talks)" = 200
check "its events are listed" grep -q '"doc":"talks"' <(curl -s "$base/api/events?doc=talks")

"$annals" serve --db "$work/none.db" >/dev/null 2>&1
check "missing store exits 101" test $? -eq 101
"$annals" serve --db "$work/s.db" --listen nonsense >/dev/null 2>&1
check "bad --listen exits 102" test $? -eq 102

echo "serve_test: $passes passed, $failures failed"
test "$failures" -eq 0
