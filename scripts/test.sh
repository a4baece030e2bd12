#!/usr/bin/env bash
# The README's test command (and CI's): set up, build, run the whole suite:
#  1. Release build (g++): unit, golden and end-to-end tests;
#  2. ASan + UBSan build (clang) with the libFuzzer targets: unit, golden
#     and end-to-end tests again (but for three, see below), then each fuzz
#     target for 5 seconds. The ASan build is -O1 with line tables only
#     (a fifth faster to compile than -O2 -g; ASan reports keep file:line).
# Both are unity builds (ANNALS_UNITY_BUILD): 2.5 and 3.5 minutes to build
# from scratch on two cores instead of 6 and 7.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

echo "== tests: Release build"
ctest --test-dir build --output-on-failure -j2 --timeout 900

echo "== tests: ASan + UBSan build with fuzz targets"
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_SANITIZE='address;undefined' \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO='-O1 -gline-tables-only -DNDEBUG' \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO='-O1 -gline-tables-only -DNDEBUG' \
  -DANNALS_FUZZ=ON -DANNALS_FUZZ_SECONDS=5 -DANNALS_BENCH=OFF -DANNALS_UNITY_BUILD=ON >/dev/null
ninja -C build-asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
# End-to-end tests that also run a whole corpus (PostgreSQL) keep to the
# samples here.
export ANNALS_E2E_SMALL=1
# Left to the Release run: the tests labelled release_only (the distributed
# workers' e2e run, two minutes of nats-server, PostgreSQL and five
# workers; the work messages and back-off are unit-tested here), the format
# check, and the two slowest tests under the sanitizers (the whole BBC
# corpus end to end, 3 minutes; training the syntax model twice, 1 minute),
# whose code the other tests run under ASan on smaller inputs. The suite must stay well under CI's 20 minutes.
ctest --test-dir build-asan --output-on-failure -j2 --timeout 900 -LE release_only \
  -E 'e2e.format_test|e2e.corpus_test|SyntaxModel.TrainingIsReproducible'
