#!/usr/bin/env bash
# End-to-end: ingest a story, export its events as GDELT 2.0 Events rows.
# Usage: export_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"

cat >"$work/story.txt" <<'TXT'
Tuesday 26 March 2024 - 10:00

Envoys meet

Israeli Defence Minister Yoav Gallant met Antony Blinken in Washington on Monday.

Israel did not attack Egypt.
TXT
"$annals" ingest --quiet "$work/story.txt" --db "$work/s.db" >/dev/null 2>&1
check "ingest exits 0" test $? -eq 0
"$annals" export --gdelt-events --db "$work/s.db" --header >"$work/events.tsv" 2>"$work/err.txt"
check "export exits 0" test $? -eq 0
check "61 columns, one meeting, no attack" python3 - "$work/events.tsv" <<'PY'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
head = rows[0]
assert len(head) == 61 and head[26] == 'EventCode', head
assert all(len(r) == 61 for r in rows), [len(r) for r in rows]
events = [dict(zip(head, r)) for r in rows[1:]]
meet = [e for e in events if e['EventRootCode'] == '04']
assert meet and meet[0]['Actor1Code'] == 'ISRGOV' and meet[0]['Actor2Code'] == 'USAGOV', events
assert meet[0]['SQLDATE'] == '20240326' and meet[0]['QuadClass'] == '1', meet
assert not [e for e in events if e['EventRootCode'] == '19'], 'the negated attack is not a GDELT event'
PY
"$annals" export --gdelt-events --db "$work/s.db" --all >"$work/all.tsv"
check "--all adds the negated attack" grep -qP '\t19\t4\t' "$work/all.tsv"
"$annals" export --db "$work/s.db" >/dev/null 2>&1
check "no layout exits 102" test $? -eq 102
"$annals" export --gdelt-events --db "$work/none.db" >/dev/null 2>&1
check "missing store exits 101" test $? -eq 101

echo "export_test: $passes passed, $failures failed"
test "$failures" -eq 0
