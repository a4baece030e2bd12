#!/usr/bin/env bash
# End-to-end: annals parse on CoNLL-U (words kept, columns filled, bad
# sentences reported) and on raw text, scoring, and a missing model.
# Usage: parse_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"
data=$src/tests/e2e/data/three.conllu

check "parse --help" bash -c "'$annals' parse --help | grep -q '^Usage: annals parse'"
"$annals" parse >/dev/null 2>&1
check "parse without input exits 102" test $? -eq 102

# --- CoNLL-U in, CoNLL-U out: one bad sentence, so exit status 1
"$annals" parse --conllu "$data" >"$work/out.conllu" 2>"$work/err.txt"
check "one malformed sentence gives exit 1" test $? -eq 1
check "the error names the file and line" grep -q "three.conllu:11: expected 10 tab-separated columns" "$work/err.txt"
check "comments and multi-word lines kept" bash -c "grep -q '^# sent_id = one' '$work/out.conllu' && grep -qP '^2-3\tdidn.t\t_' '$work/out.conllu'"
check "the bad sentence is left out" bash -c "! grep -q 'sent_id = broken' '$work/out.conllu'"
check "words kept, columns filled" python3 - "$work/out.conllu" <<'PY'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l[0].isdigit()]
words = [r for r in rows if '-' not in r[0]]
assert [r[1] for r in words] == ['Gallant', 'did', "n't", 'go', '.', 'Talks', 'resumed', 'in', 'Cairo', '.'], words
for r in words:
    assert len(r) == 10, r
    assert r[2] != '_' and r[3] != '_' and r[4] != '_' and r[6] != '_' and r[7] != '_', r
assert sum(1 for r in words[:5] if r[6] == '0') == 1
assert words[2][2] == 'not', words[2]
assert words[4][9] == 'SpaceAfter=No' or words[3][9] == 'SpaceAfter=No'
assert words[5][8] == '2:nsubj' and words[5][5] == 'Number=Plur'  # other columns untouched
PY

# --- the same from standard input
"$annals" parse --conllu - <"$data" >"$work/stdin.conllu" 2>/dev/null
check "stdin gives the same output" cmp -s "$work/out.conllu" "$work/stdin.conllu"

# --- scoring against the file's own columns (the one gold sentence)
"$annals" parse --conllu "$data" --evaluate >"$work/eval.txt" 2>/dev/null
check "evaluate prints the figures" bash -c "grep -q '^UPOS' '$work/eval.txt' && grep -q '^LAS' '$work/eval.txt' && grep -q '^words *10 in 2 sentences' '$work/eval.txt'"
"$annals" parse "$src/samples" --evaluate >/dev/null 2>&1
check "evaluate without --conllu exits 102" test $? -eq 102

# --- raw text: annals cuts the words itself
printf 'Blinken met Gallant in Washington. They did not agree.\n' >"$work/a.txt"
"$annals" parse "$work/a.txt" --quiet >"$work/raw.conllu" 2>"$work/raw.err"
check "raw text parses" test $? -eq 0
check "raw text gives two sentences with text comments" test "$(grep -c '^# text = ' "$work/raw.conllu")" -eq 2
check "each sentence has one root" python3 - "$work/raw.conllu" <<'PY'
import sys
blocks = open(sys.argv[1]).read().strip().split('\n\n')
for b in blocks:
    rows = [l.split('\t') for l in b.split('\n') if l and l[0].isdigit()]
    assert sum(1 for r in rows if r[6] == '0') == 1, b
PY

# --- a missing or corrupt model is a clear fatal error
ANNALS_MODEL_DIR=$work/none "$annals" parse --conllu "$data" >/dev/null 2>"$work/nomodel.txt"
check "missing model exits 101" test $? -eq 101
check "missing model is named" grep -q "$work/none/en-ewt.syntax" "$work/nomodel.txt"
head -c 1000 /dev/urandom >"$work/bad.syntax"
"$annals" parse --model "$work/bad.syntax" --conllu "$data" >/dev/null 2>"$work/bad.txt"
check "corrupt model exits 101" test $? -eq 101
check "corrupt model says why" grep -q "bad magic" "$work/bad.txt"
ANNALS_MODEL_DIR=$work/none "$annals" process "$work/a.txt" >/dev/null 2>"$work/process.txt"
check "process without a model exits 101" test $? -eq 101

echo "parse_test: $passes passed, $failures failed"
test "$failures" -eq 0
