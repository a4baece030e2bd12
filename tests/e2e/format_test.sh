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
files() {
  git ls-files -z '*.cc' '*.h' 2>/dev/null ||
    find src include bench fuzz tests \( -name '*.cc' -o -name '*.h' \) -print0
}
# One clang-format run over all files; it names each offending file.
bad=$(files | xargs -0 clang-format --dry-run -Werror 2>&1 | grep -o '^[^:]*\.\(cc\|h\)' | sort -u)
if [[ -n "$bad" ]]; then
  echo "not formatted (fix with clang-format -i FILE):"
  echo "$bad"
  exit 1
fi
echo "all files formatted"
