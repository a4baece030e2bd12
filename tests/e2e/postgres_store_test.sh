#!/usr/bin/env bash
# End-to-end: the PostgreSQL store gives what the SQLite store gives.
#  - starts a throw-away server (tests/e2e/lib/postgres.sh; skipped, status
#    77, when the PostgreSQL binaries are missing);
#  - runs the store's gtests against it (postgres_store_test.cc);
#  - ingests samples/ into SQLite and PostgreSQL: the ingest summaries,
#    `export --gdelt-events`, `stats` and `show` of every document agree
#    exactly; a second ingest adds nothing;
#  - two ingests of the samples at once into one database store each
#    document once;
#  - the same (but the second ingest) on the BBC corpus when ../shared is
#    there (ANNALS_SHARED);
#  - a server that is not there is [E020].
# Usage: postgres_store_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
shared=${ANNALS_SHARED:-$src/../shared}
source "$src/tests/e2e/lib/postgres.sh"
if ! pg_available; then
  echo "SKIP: needs the PostgreSQL server binaries (Debian package postgresql; scripts/setup.sh --test)"
  exit 77
fi
work=$(mktemp -d)
trap 'pg_stop "$work/pg" immediate 2>/dev/null; rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"
if ! pg_start "$work/pg"; then
  echo "FAIL: could not start PostgreSQL"
  exit 1
fi
echo "server: $ANNALS_PG_URL"

tests_bin=$(dirname "$annals")/tests/annals_tests
if [[ -x "$tests_bin" ]]; then
  check "gtests PostgresStore.* pass against the server" \
    "$tests_bin" --gtest_filter='PostgresStore*:-*WritesCorpusSizedBatches' --gtest_brief=1
fi

# Ingests $1 into SQLite file $2 and PostgreSQL database $3 and compares
# what every reading command says.
compare() {
  local input=$1 lite=$2 pg=$3 what=$4
  "$annals" ingest "$input" --db "$lite" --quiet >"$work/lite.in" 2>"$work/lite.err"
  check "$what: SQLite ingest exits 0" test $? -eq 0
  local t0=$SECONDS
  "$annals" ingest "$input" --db "$pg" --quiet >"$work/pg.in" 2>"$work/pg.err"
  check "$what: PostgreSQL ingest exits 0" test $? -eq 0
  echo "$what: PostgreSQL ingest $((SECONDS - t0)) s"
  cat "$work/pg.err"
  check "$what: the same errors" cmp -s "$work/lite.err" "$work/pg.err"
  # The summaries agree but for the time taken and the store's name.
  summary() { grep -v '^store: ' "$1" | sed 's/ sentences, .*/ sentences/'; }
  check "$what: the same ingest summary" diff <(summary "$work/lite.in") <(summary "$work/pg.in")
  grep -q "^store: postgresql://annals@" "$work/pg.in"
  check "$what: ingest names the server" test $? -eq 0
  "$annals" export --gdelt-events --db "$lite" >"$work/lite.tsv"
  "$annals" export --gdelt-events --db "$pg" >"$work/pg.tsv"
  check "$what: events exported" test -s "$work/pg.tsv"
  check "$what: the same GDELT events" cmp -s "$work/lite.tsv" "$work/pg.tsv"
  "$annals" export --gdelt-gkg --db "$lite" >"$work/lite.gkg"
  "$annals" export --gdelt-gkg --db "$pg" >"$work/pg.gkg"
  check "$what: the same GKG rows" cmp -s "$work/lite.gkg" "$work/pg.gkg"
  "$annals" stats --db "$lite" --json >"$work/lite.stats"
  "$annals" stats --db "$pg" --json >"$work/pg.stats"
  check "$what: the same stats" cmp -s "$work/lite.stats" "$work/pg.stats"
  "$annals" list --db "$lite" >"$work/lite.ids"
  "$annals" list --db "$pg" >"$work/pg.ids"
  check "$what: the same ids in the same order" cmp -s "$work/lite.ids" "$work/pg.ids"
  local differ=0 n=0 id
  while read -r id; do
    n=$((n + 1))
    # Every document of a small input; every 25th of a corpus.
    [[ $(wc -l <"$work/pg.ids") -le 100 || $((n % 25)) -eq 1 ]] || continue
    cmp -s <("$annals" show "$id" --db "$lite") <("$annals" show "$id" --db "$pg") || differ=$((differ + 1))
  done <"$work/pg.ids"
  check "$what: show gives the same documents" test $differ -eq 0
  # Re-ingesting runs the whole pipeline again (15 s for the BBC corpus
  # on a busy machine): the samples show the no-op.
  [[ "$what" == samples ]] || return 0
  "$annals" ingest "$input" --db "$pg" --quiet >"$work/pg2.in"
  check "$what: a second ingest adds nothing" grep -q " 0 documents stored (0 new, 0 replaced" "$work/pg2.in"
  "$annals" stats --db "$pg" --json >"$work/pg2.stats"
  check "$what: stats unchanged after the second ingest" cmp -s "$work/pg.stats" "$work/pg2.stats"
}

compare "$src/samples" "$work/samples.db" "$ANNALS_PG_URL" "samples"

# Two processes ingesting the same input into one database at once: each
# document stored once, by one of them.
both_url=$(pg_createdb concurrent)
"$annals" ingest "$src/samples" --db "$both_url" --quiet >"$work/c1.in" 2>&1 &
"$annals" ingest "$src/samples" --db "$both_url" --quiet >"$work/c2.in" 2>&1 &
wait
new() { sed -n 's/.* documents stored (\([0-9]*\) new.*/\1/p' "$1"; }
"$annals" stats --db "$both_url" --json >"$work/both.stats"
check "two concurrent ingests: the same stats as one" cmp -s "$work/lite.stats" "$work/both.stats"
stored=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["documents"])' "$work/both.stats")
check "two concurrent ingests: each document stored by one" \
  test $(($(new "$work/c1.in") + $(new "$work/c2.in"))) -eq "$stored"
if [[ -d "$shared/corpora/bbc-news" ]]; then
  bbc_url=$(pg_createdb bbc)
  compare "$shared/corpora/bbc-news" "$work/bbc.db" "$bbc_url" "BBC"
else
  echo "note: no BBC corpus at $shared/corpora/bbc-news; that part is skipped"
fi

"$annals" stats --db "postgresql://annals:hidden@127.0.0.1:1/none?connect_timeout=2" >/dev/null 2>"$work/down.err"
check "an unreachable server exits 101" test $? -eq 101
check "an unreachable server is [E020]" grep -q "E020" "$work/down.err"
check "the password stays out of the message" test "$(grep -c hidden "$work/down.err")" -eq 0
cat "$work/down.err"

echo "$passes passed, $failures failed"
test $failures -eq 0
