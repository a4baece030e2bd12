# System dependencies, all from Debian packages (see scripts/setup.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
# Web pages (docs/ingest-web.md): libxml2's HTML parser, ICU for charsets;
# WARC archives and feeds (docs/ingest-archives.md): zlib for gzip members
# (and .html.gz), libxml2's XML reader.
pkg_check_modules(ZLIB REQUIRED IMPORTED_TARGET zlib)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
# The PostgreSQL store (docs/store.md): libpqxx 6.4 over libpq.
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
# annals serve (docs/serve.md).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# Distributed workers (docs/distributed.md): the NATS C client, from
# pkg-config (libnats-dev) or, failing that, a plain library search.
pkg_check_modules(NATS IMPORTED_TARGET libnats)
add_library(ANNALS_NATS INTERFACE IMPORTED)
if(NATS_FOUND)
  target_link_libraries(ANNALS_NATS INTERFACE PkgConfig::NATS)
else()
  find_library(ANNALS_NATS_LIBRARY nats REQUIRED)
  find_path(ANNALS_NATS_INCLUDE nats/nats.h REQUIRED)
  target_link_libraries(ANNALS_NATS INTERFACE ${ANNALS_NATS_LIBRARY})
  target_include_directories(ANNALS_NATS INTERFACE ${ANNALS_NATS_INCLUDE})
endif()
find_package(nlohmann_json 3.10 REQUIRED)
if(ANNALS_DEVELOPER_MODE)
  find_package(GTest REQUIRED)
endif()
if(ANNALS_BENCH)
  find_package(benchmark REQUIRED)
endif()
