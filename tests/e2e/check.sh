# Sourced by the end-to-end scripts: `check "what" command...` runs the
# command and counts it as passed or failed, printing "FAIL: what".
failures=0
passes=0
check() {
  local what=$1
  shift
  if "$@"; then
    passes=$((passes + 1))
  else
    echo "FAIL: $what"
    failures=$((failures + 1))
  fi
}
