#!/usr/bin/env bash
# End-to-end: annals extract on a hand-written page (tests/e2e/data/
# extract_page.html), plain and gzip-compressed, with a page that fails in
# the same run; the html reader through annals process; and, when
# ../shared holds it, the article-extraction benchmark's F1 (issue #7 asks
# 0.96).
# Usage: extract_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"
page=$src/tests/e2e/data/extract_page.html

check "extract --help" bash -c "'$annals' extract --help | grep -q '^Usage: annals extract'"
"$annals" extract >/dev/null 2>&1
check "extract without input exits 102" test $? -eq 102
"$annals" extract --format xml "$page" >/dev/null 2>&1
check "extract --format xml exits 102" test $? -eq 102

gzip -c "$page" >"$work/page.html.gz"
head -c 3000 /dev/urandom >"$work/junk.bin"
"$annals" extract "$page" "$work/junk.bin" "$work/page.html.gz" --format jsonl \
  >"$work/out.jsonl" 2>"$work/err.txt"
check "one failed page exits 1" test $? -eq 1
check "the failure is named on stderr" grep -q "junk.bin" "$work/err.txt"
check "extract output" python3 - "$work/out.jsonl" "$page" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 3, lines
a, bad, gz = lines
assert a["file"] == sys.argv[2], a
assert a["url"] == "https://courier.example/news/harbour-ferry", a
assert a["title"] == "Harbour ferry returns after winter repairs", a
assert a["author"] == "Mira Holt", a
assert a["published"] == "2024-04-02T07:45:00+01:00", a
assert a["language"] == "en", a
t = a["text"]
assert t.startswith("The harbour ferry resumed its crossings"), t
assert "\n\nTimetable\n\n" in t and t.endswith("during the summer."), t
for junk in ["Home", "cookie", "Share", "Bridge closure", "About time", "Copyright", "By Mira"]:
    assert junk not in t, (junk, t)
assert set(bad) == {"file", "error"} and "E015" in bad["error"], bad
assert gz["text"] == t, gz
PY

"$annals" process "$page" --format json --no-tokens >"$work/doc.json" 2>"$work/err.txt"
check "process reads an html page" test $? -eq 0
check "the document comes from the html reader" python3 - "$work/doc.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))[0]
assert d["format"] == "html" and d["title"].startswith("Harbour ferry"), d
assert d["text"].startswith("The harbour ferry"), d["text"]
PY

shared=${ANNALS_SHARED:-$src/../shared}
bench=$shared/eval/article-extraction
if [ ! -f "$bench/ground-truth.json" ]; then
  echo "extract_test: ../shared/eval/article-extraction is absent; the F1 part skipped"
else
  "$annals" extract --evaluate "$bench" >"$work/eval.txt" 2>"$work/err.txt"
  check "extract --evaluate exits 0" test $? -eq 0
  cat "$work/eval.txt"
  check "benchmark F1 >= 0.96" python3 - "$work/eval.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
f1 = float(re.search(r"^F1 ([\d.]+)", t, re.M).group(1))
assert f1 >= 0.96, f1
PY
fi

echo "extract_test: $passes passed, $failures failed"
test "$failures" -eq 0
