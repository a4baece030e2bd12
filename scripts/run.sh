#!/usr/bin/env bash
# The README's run command: set up, build, then ingest the bundled sample
# articles (samples/) into the embedded store ./annals.db and summarise it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
db="$PWD/annals.db"
build/annals ingest samples --db "$db"
build/annals stats --db "$db"
echo "run: done; the store is $db (try: build/annals list --db $db)"
