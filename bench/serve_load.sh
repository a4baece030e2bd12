#!/usr/bin/env bash
# Load test of `annals serve` (docs/serve.md): builds a store of about
# 100,000 events from the bundled samples, starts the server on loopback and
# runs wrk on a filtered event query; prints requests/s and p99 latency.
#   bench/serve_load.sh [BUILD_DIR] [EVENTS] [SECONDS]
# Environment: ANNALS_SERVE_THREADS (server threads, default 64: httplib
# keeps a thread per keep-alive connection), ANNALS_LOAD_CONNECTIONS (wrk's
# open connections, default 32).
# The store is the samples ingested once, then copied N times with new ids
# and content hashes and dates shifted by one day per copy, so the events
# keep the samples' mix of codes, actors and places and spread over years.
# Needs sqlite3, wrk and curl (scripts/setup.sh --test).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
want=${2:-100000}
seconds=${3:-10}
annals="$build/annals"
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; [[ -n "${KEEP_STORE:-}" ]] && cp "$db" "$KEEP_STORE"; rm -rf "$work"' EXIT
db="$work/load.db"

"$annals" ingest --quiet "$src/samples" --db "$db" >/dev/null
per_copy=$(sqlite3 "$db" 'SELECT count(*) FROM events')
copies=$(((want + per_copy - 1) / per_copy - 1))
echo "serve_load: $per_copy sample events, adding $copies copies"

# SELECT list of a child table with its doc column renamed through the map.
columns() {
  sqlite3 "$db" "SELECT group_concat(CASE name WHEN 'doc' THEN 'm.new'
    WHEN 'date' THEN (CASE WHEN '$1' = 'events'
      THEN 'CASE WHEN t.date != '''' THEN date(t.date, ''+'' || m.k || '' days'') ELSE '''' END'
      ELSE 't.date' END)
    ELSE 't.' || name END, ', ') FROM pragma_table_info('$1')"
}
{
  echo "BEGIN;"
  echo "CREATE TEMP TABLE map (old INTEGER, new INTEGER, k INTEGER);"
  echo "WITH RECURSIVE c(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM c WHERE k < $copies)
        INSERT INTO map SELECT d.rowid, (SELECT max(rowid) FROM documents) + c.k * 1000 + d.rowid, c.k
        FROM documents d, c;"
  doc_cols=$(sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('documents')")
  doc_sel=$(sqlite3 "$db" "SELECT group_concat(CASE name WHEN 'rowid' THEN 'm.new'
      WHEN 'id' THEN 'd.id || ''~copy'' || m.k' WHEN 'content_hash' THEN 'd.content_hash || m.k'
      WHEN 'published' THEN 'CASE WHEN d.published IS NULL THEN NULL ELSE
        strftime(''%Y-%m-%dT%H:%M:%SZ'', d.published, ''+'' || m.k || '' days'') END'
      ELSE 'd.' || name END, ', ') FROM pragma_table_info('documents')")
  echo "INSERT INTO documents ($doc_cols) SELECT $doc_sel FROM documents d JOIN map m ON m.old = d.rowid;"
  for t in $(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table'
                           AND name NOT IN ('documents') AND name NOT LIKE 'sqlite%'"); do
    echo "INSERT INTO $t SELECT $(columns "$t") FROM $t t JOIN map m ON m.old = t.doc;"
  done
  echo "COMMIT; ANALYZE;"
} >"$work/copy.sql"
sqlite3 "$db" <"$work/copy.sql"
echo "serve_load: store of $(sqlite3 "$db" 'SELECT count(*) FROM events') events," \
  "$(sqlite3 "$db" 'SELECT count(*) FROM documents') documents"

"$annals" serve --db "$db" --listen 127.0.0.1:0 --threads ${ANNALS_SERVE_THREADS:-64} >"$work/out.txt" 2>&1 &
pid=$!
base=""
for _ in $(seq 1 100); do
  base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out.txt" | head -1 || true)
  [[ -n "$base" ]] && break
  sleep 0.1
done
url="$base/api/events?root=04&goldstein_min=0&limit=50"
test "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200
connections=${ANNALS_LOAD_CONNECTIONS:-32}
echo "serve_load: wrk -t2 -c$connections -d${seconds}s --latency '$url'"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url" | tee "$work/wrk.txt"
rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" || true)
echo "serve_load: ${rps} requests/s, p99 ${p99}, errors: ${errors:-none}"
