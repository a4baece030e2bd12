#!/usr/bin/env bash
# End-to-end: a WARC archive (gzip per record) and an RSS feed holding a
# story, two syndicated copies of it and other stories go through `annals
# ingest` and `process`; the copies are linked, the GDELT export counts them
# as mentions, and a damaged record costs that record only.
# Usage: web_ingest_test.sh ANNALS SRC_DIR
set -uo pipefail
annals=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$src/tests/e2e/check.sh"

python3 - "$work" <<'PY'
import gzip, sys
work = sys.argv[1]
story = ("Israeli Defence Minister Yoav Gallant met Antony Blinken in Washington on Monday. "
         "The two men discussed the war in Gaza, the hostages held by Hamas and the aid that "
         "is waiting at the border crossings in the south of the territory. Officials said "
         "further talks would follow later in the week in Cairo and in Doha.")
other = ("Parliament passed the budget after a long night of debate, with 301 votes to 255. "
         "The finance minister said the plan would cut the deficit by half within three years "
         "while protecting spending on schools and hospitals across the country.")
def record(typ, fields, block):
    block = block.encode()
    head = "WARC/1.1\r\nWARC-Type: %s\r\n" % typ
    head += "".join("%s: %s\r\n" % kv for kv in fields)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return gzip.compress(head.encode() + block + b"\r\n\r\n")
def resource(rid, uri, text):
    return record("resource", [("WARC-Record-ID", "<urn:uuid:%s>" % rid), ("WARC-Target-URI", uri),
                               ("WARC-Date", "2024-03-26T10:00:00Z"),
                               ("Content-Type", "text/plain; charset=utf-8")], text)
page = "<html><head><title>Budget</title></head><body><p>%s</p></body></html>" % other
records = [
    record("warcinfo", [("Content-Type", "application/warc-fields")], "software: test\r\n"),
    resource("a", "https://wire.example/gallant", "Envoys meet\n\n" + story),
    resource("a-copy", "https://daily.example/world/gallant",
             "Envoys meet\n\nBy Staff Reporter. " + story + " All rights reserved."),
    record("response", [("WARC-Record-ID", "<urn:uuid:b>"), ("WARC-Target-URI", "https://x.example/b"),
                        ("WARC-Date", "2024-03-27T08:00:00Z"),
                        ("Content-Type", "application/http; msgtype=response")],
           "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page),
]
open(work + "/archive.warc.gz", "wb").write(b"".join(records))
bad = bytearray(b"".join(records))
start = len(records[0])  # damage the second record (the story)
for i in range(start + 15, start + 45):
    bad[i] ^= 0x5A
open(work + "/damaged.warc.gz", "wb").write(bytes(bad))
feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Feed News</title>
<item><title>Envoys meet</title><link>https://feed.example/gallant</link><guid>feed-1</guid>
<pubDate>Tue, 26 Mar 2024 12:00:00 GMT</pubDate>
<description>&lt;p&gt;From the wires. %s&lt;/p&gt;</description></item>
<item><title>Floods</title><link>https://feed.example/floods</link>
<description>Floods displaced thousands of families along the river on Tuesday, officials said.</description></item>
</channel></rss>""" % story
open(work + "/news.rss", "w").write(feed)
PY

"$annals" ingest --quiet "$work/archive.warc.gz" "$work/news.rss" --db "$work/s.db" >"$work/out.txt" 2>"$work/err.txt"
check "ingest of a WARC and a feed exits 0" test $? -eq 0
check "5 documents stored" grep -q "5 documents stored" "$work/out.txt"
check "2 linked as near-duplicates" grep -q "^annals ingest: 2 new documents are near-duplicates" "$work/out.txt"
"$annals" stats --db "$work/s.db" --json >"$work/stats.json"
check "stats: 5 documents, 2 near-duplicates, formats warc and feed" python3 - "$work/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["documents"] == 5 and s["near_duplicates"] == 2, s
assert s["documents_by_format"] == {"feed": 2, "warc": 3}, s
PY
"$annals" export --gdelt-events --db "$work/s.db" --header >"$work/events.tsv"
check "one meeting row, counted in 3 articles from 3 sources" python3 - "$work/events.tsv" <<'PY'
import sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
events = [dict(zip(rows[0], r)) for r in rows[1:]]
meet = [e for e in events if e['EventRootCode'] == '04' and e['Actor1Code'] == 'ISRGOV']
assert len(meet) == 1, events
assert meet[0]['NumArticles'] == '3' and meet[0]['NumSources'] == '3', meet
assert int(meet[0]['NumMentions']) >= 3, meet
assert meet[0]['SOURCEURL'] == 'https://wire.example/gallant', meet
PY
"$annals" ingest --quiet "$work/archive.warc.gz" --db "$work/s.db" >"$work/again.txt" 2>&1
check "re-ingesting the WARC is a no-op" grep -q "0 documents stored (0 new, 0 replaced, 3 already stored)" "$work/again.txt"

"$annals" process --quiet "$work/damaged.warc.gz" --format jsonl >"$work/damaged.jsonl" 2>"$work/damaged.err"
check "a damaged record fails alone (exit 1)" test $? -eq 1
check "the error names the record and the gzip member" grep -q "damaged.warc.gz:2: \[E018\] WARC record 2 at the gzip member at byte" "$work/damaged.err"
check "the other two pages come through" test "$(wc -l <"$work/damaged.jsonl")" -eq 2
"$annals" process --quiet --input-format warc - <"$work/archive.warc.gz" --format jsonl >"$work/stdin.jsonl"
check "a WARC on standard input" test "$(wc -l <"$work/stdin.jsonl")" -eq 3

echo "web_ingest_test: $passes passed, $failures failed"
test "$failures" -eq 0
