#!/usr/bin/env bash
# Installs the Debian 12 packages annals needs (only those missing, so a
# second run needs no network) and builds build/annals (Release).
#   scripts/setup.sh          packages to build and run
#   scripts/setup.sh --test   also the test tools (clang + libFuzzer runtime)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ pkg-config zstd libsqlite3-dev libutf8proc-dev
          libxxhash-dev nlohmann-json3-dev libgtest-dev libgmock-dev
          libbenchmark-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(clang libclang-rt-14-dev clang-format sqlite3 python3 python3-jsonschema git)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DANNALS_DEVELOPER_MODE=ON \
  -DANNALS_BENCH=ON >/dev/null
ninja -C build
