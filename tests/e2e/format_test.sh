#!/usr/bin/env bash
# Style: every C++ file in the repository is as clang-format (.clang-format)
# would write it. Skipped (77) when clang-format is not installed.
# Usage: format_test.sh ANNALS SRC_DIR
set -uo pipefail
src=$2
if ! command -v clang-format >/dev/null; then
  echo "SKIP: clang-format is not installed"
  exit 77
fi
cd "$src" || exit 1
bad=0
while IFS= read -r -d '' f; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (run: clang-format -i $f)"
    bad=$((bad + 1))
  fi
done < <(git ls-files -z '*.cc' '*.h' 2>/dev/null || find src include bench fuzz tests \( -name '*.cc' -o -name '*.h' \) -print0)
echo "$bad files not formatted"
test "$bad" -eq 0
