#!/usr/bin/env bash
# End-to-end on the shared data (skipped, status 77, when ../shared is absent):
#  - all 2,225 BBC articles ingest with no failure; a second ingest adds
#    nothing; stats agree with what ingest reported;
#  - the canonical wire story gives its date, headline once and story code.
# Usage: corpus_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
shared=${ANNALS_SHARED:-$src/../shared}
if [[ ! -d "$shared/corpora/bbc-news" || ! -d "$shared/seeds" ]]; then
  echo "SKIP: needs the shared data at $shared (set ANNALS_SHARED)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"
py() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

db=$work/bbc.db
"$annals" ingest "$shared/corpora/bbc-news" --db "$db" --quiet >"$work/in1.txt" 2>"$work/err1.txt"
check "BBC ingest exits 0" test $? -eq 0
check "BBC ingest reports no error" test ! -s "$work/err1.txt"
cat "$work/in1.txt"
check "all 2225 records read" grep -q "^annals ingest: 2225 records read" "$work/in1.txt"
stored=$(sed -n 's/.* \([0-9]*\) documents stored (\([0-9]*\) new.*/\2/p' "$work/in1.txt")
dups=$(sed -n 's/.*, \([0-9]*\) already stored.*/\1/p' "$work/in1.txt")
check "new + already stored = 2225" test $((stored + dups)) -eq 2225
"$annals" stats --db "$db" --json >"$work/s1.json"
check "stats agree with ingest" test "$(py "$work/s1.json" 'd["documents"]')" -eq "$stored"
sent=$(sed -n 's/.* failed, \([0-9]*\) sentences.*/\1/p' "$work/in1.txt")
check "stats sentences agree with ingest" test "$(py "$work/s1.json" 'd["sentences"]')" -eq "$sent"
"$annals" ingest "$shared/corpora/bbc-news" --db "$db" --quiet >"$work/in2.txt"
check "second BBC ingest adds nothing" grep -q "0 documents stored (0 new, 0 replaced, 2225 already stored)" "$work/in2.txt"
"$annals" stats --db "$db" --json >"$work/s2.json"
check "stats unchanged after second ingest" cmp -s "$work/s1.json" "$work/s2.json"

"$annals" process "$shared"/seeds/*.txt --format json >"$work/seed.json"
check "seed: published" test "$(py "$work/seed.json" 'd[0]["published"]')" = "2024-03-26T22:16"
check "seed: story code" test "$(py "$work/seed.json" 'd[0]["metadata"]["story_code"]')" = "1125138"
title=$(py "$work/seed.json" 'd[0]["title"]')
check "seed: headline" test "$title" = "Blinken Reportedly Tells Gallant US Still Opposed to Rafah Invasion"
check "seed: headline not repeated in the body" test "$(py "$work/seed.json" 'd[0]["text"].count("Reportedly Tells")')" -eq 0
check "seed: parsed, Netanyahu canceled a visit" python3 - "$work/seed.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))[0]
toks = d["tokens"]
words = [t["text"] for t in toks]
assert all("upos" in t and "head" in t and "deprel" in t and "lemma" in t for t in toks)
i = words.index("canceled")
subj = [t for t in toks if t["head"] == i and t["deprel"] == "nsubj"]
obj = [t for t in toks if t["head"] == i and t["deprel"] == "obj"]
assert [t["text"] for t in subj] == ["Netanyahu"], subj
assert [t["text"] for t in obj] == ["visit"], obj
assert toks[i]["lemma"] == "cancel" and toks[i]["upos"] == "VERB", toks[i]
assert any(c["kind"] == "verb" and c["head"] == i for c in d["chunks"])
PY

echo "$passes passed, $failures failed"
test $failures -eq 0
