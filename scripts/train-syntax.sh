#!/usr/bin/env bash
# Retrains the committed syntax model (models/en-ewt.syntax.zst) from the UD
# English Web Treebank in ../shared (or $ANNALS_SHARED), then scores it on
# the test split. Same data and seed give the same file, byte for byte.
# Takes about 10 minutes on 2 cores (docs/syntax.md). Extra arguments go to
# 'annals train-syntax' (e.g. --seed 2). ANNALS_BUILD=DIR uses DIR/annals,
# already built, instead of building build/ first.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${ANNALS_SHARED:-../shared}
ewt=$shared/treebank/ud-english-ewt
if [ ! -f "$ewt/en_ewt-ud-train.conllu" ]; then
  echo "train-syntax: no treebank at $ewt (set ANNALS_SHARED)" >&2
  exit 1
fi
build=${ANNALS_BUILD:-}
if [ -z "$build" ]; then
  scripts/setup.sh
  build=build
fi
# The tagger's lexicon of what unseen words can be comes from WordNet.
if [ ! -f /usr/share/wordnet/data.noun ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -qq --no-install-recommends wordnet-base >/dev/null
fi
mkdir -p models
"$build/annals" train-syntax --train "$ewt/en_ewt-ud-train.conllu" \
  --dev "$ewt/en_ewt-ud-dev.conllu" --out models/en-ewt.syntax.new "$@"
# Committed compressed; the build unpacks it into build/models/.
zstd -19 -q -f models/en-ewt.syntax.new -o models/en-ewt.syntax.zst
echo "test split (gold words):"
"$build/annals" parse --model models/en-ewt.syntax.new --conllu "$ewt/en_ewt-ud-test.conllu" --evaluate
rm models/en-ewt.syntax.new
