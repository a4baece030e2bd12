#!/usr/bin/env bash
# End-to-end: drives the annals binary as a user would, on the bundled
# samples and on broken inputs written here. Usage: cli_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"
json_get() {  # json_get FILE PYTHON-EXPR-ON-d
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"
}

# --- every sub-command has --help; bad usage is refused with status 102
for cmd in ingest process show list stats; do
  check "$cmd --help" bash -c "'$annals' $cmd --help | grep -q '^Usage: annals $cmd'"
done
"$annals" frobnicate >/dev/null 2>&1
check "unknown command exits 102" test $? -eq 102
"$annals" ingest --db "$work/x.db" --bogus samples >/dev/null 2>&1
check "unknown option exits 102" test $? -eq 102

# --- ingest the samples twice: the second run adds nothing
db=$work/s.db
"$annals" ingest "$src/samples" --db "$db" --quiet >"$work/ingest1.txt" 2>"$work/err1.txt"
check "sample ingest exits 0" test $? -eq 0
check "sample ingest printed no errors" test ! -s "$work/err1.txt"
"$annals" stats --db "$db" --json >"$work/stats1.json"
docs=$(json_get "$work/stats1.json" 'd["documents"]')
check "samples stored ($docs documents)" test "$docs" -ge 8
sentences=$(json_get "$work/stats1.json" 'd["sentences"]')
check "samples have sentences" test "$sentences" -gt "$docs"
"$annals" ingest "$src/samples" --db "$db" --quiet >"$work/ingest2.txt"
check "second ingest stores nothing new" grep -q "0 documents stored (0 new, 0 replaced, $docs already stored)" "$work/ingest2.txt"
"$annals" stats --db "$db" --json >"$work/stats2.json"
check "stats unchanged by second ingest" cmp -s "$work/stats1.json" "$work/stats2.json"

# --- list and show
id=$("$annals" list --db "$db" --limit 1)
check "list gives an id" test -n "$id"
"$annals" show "$id" --db "$db" >"$work/show.json"
check "show gives the document" test "$(json_get "$work/show.json" 'd["id"]')" = "$id"
check "show gives sentences" test "$(json_get "$work/show.json" 'len(d["sentences"])')" -gt 0
"$annals" show no-such-doc --db "$db" >/dev/null 2>"$work/show_err.txt"
check "show of a missing id exits 1" test $? -eq 1
check "show of a missing id says so" grep -q "no-such-doc" "$work/show_err.txt"

# --- process prints JSON without a store; jsonl is one line per document
"$annals" process "$src/samples" --format jsonl --quiet >"$work/all.jsonl"
check "process jsonl: one line per document" test "$(wc -l <"$work/all.jsonl")" -eq "$docs"
printf 'Talks resumed in Doha on Sunday. Both sides sent envoys.\n' |
  "$annals" process - --format json >"$work/stdin.json"
check "standard input is read" test "$(json_get "$work/stdin.json" 'len(d[0]["sentences"])')" -eq 2

# --- broken input: one error line each, the good documents still stored,
#     exit status = number of failures
bad=$work/bad
mkdir -p "$bad"
printf 'A good article about talks in Geneva. It ends here.\n' >"$bad/good.txt"
printf 'Bad \xff\xfe bytes in the middle of a story.\n' >"$bad/latin.txt"
printf 'Binary\0junk\0here\n' >"$bad/nul.txt"
printf '   \n\n' >"$bad/empty.txt"
printf '{"id": "j1", "text": "Fine line. Two sentences."}\n{oops\n{"id": "j3", "text": "Also fine."}\n' >"$bad/feed.jsonl"
head -c 52428800 /dev/zero | tr '\0' 'a' >"$bad/huge.txt"
"$annals" ingest "$bad" --db "$work/bad.db" --quiet >"$work/bad_out.txt" 2>"$work/bad_err.txt"
status=$?
check "broken batch exits with the number of failures (got $status)" test $status -eq 5
check "one error line per failure" test "$(wc -l <"$work/bad_err.txt")" -eq 5
for f in latin.txt nul.txt empty.txt feed.jsonl:2 huge.txt; do
  check "error names $f" grep -q "$f" "$work/bad_err.txt"
done
"$annals" stats --db "$work/bad.db" --json >"$work/bad_stats.json"
check "good documents of a broken batch are stored" test "$(json_get "$work/bad_stats.json" 'd["documents"]')" -eq 3

# --- a store that is not a database is refused cleanly
printf 'not a database' >"$work/junk.db"
"$annals" ingest "$src/samples" --db "$work/junk.db" --quiet >/dev/null 2>"$work/junk_err.txt"
check "a junk store file exits 101" test $? -eq 101

# --- output that cannot be written is an error, not a silent success
if [[ -w /dev/full ]]; then
  "$annals" process "$src/samples" --format jsonl --quiet >/dev/full 2>"$work/full_err.txt"
  check "process to a full disk exits 101" test $? -eq 101
  check "process to a full disk says so" grep -q "standard output" "$work/full_err.txt"
fi

# --- a store that would vanish is refused
"$annals" ingest "$src/samples" --db "" --quiet >/dev/null 2>&1
check "an empty --db is a usage error" test $? -eq 102
"$annals" ingest "$src/samples" --db :memory: --quiet >/dev/null 2>"$work/mem_err.txt"
check "--db :memory: is refused" test $? -eq 101
check "--db :memory: says why" grep -q "gone when annals exits" "$work/mem_err.txt"

# --- reading commands never create or change a store
: >"$work/empty.db"
"$annals" stats --db "$work/empty.db" >/dev/null 2>&1
check "stats of an empty file fails" test $? -eq 101
check "stats leaves an empty file empty" test ! -s "$work/empty.db"

# --- several ingests opening one new store at once all succeed
conc_fail=0
for round in 1 2 3 4 5 6 7 8; do
  rm -f "$work"/conc.db*
  for k in 1 2 3 4; do
    "$annals" ingest "$src/samples" --db "$work/conc.db" --quiet >/dev/null 2>"$work/conc_$k.err" &
  done
  wait
  for k in 1 2 3 4; do [[ -s "$work/conc_$k.err" ]] && conc_fail=$((conc_fail + 1)); done
done
check "concurrent first opens of a store all succeed ($conc_fail failed)" test $conc_fail -eq 0

echo "$passes passed, $failures failed"
test $failures -eq 0
