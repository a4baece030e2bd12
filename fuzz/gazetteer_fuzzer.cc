// Gazetteer index loader on any bytes. The first byte picks the mode: odd,
// the rest is a payload wrapped with a valid header and checksum, so the
// section and offset checks see it (the seed corpus is a small real
// index's payload); even, the rest is a whole file, header and all. An
// index that loads must then answer every lookup and accessor without
// reading outside its sections (ASan watches).
#include <algorithm>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "places/gazetteer.h"
#include "places/index_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annals::places;
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string file =
      (data[0] & 1) != 0 ? WrapCheckedFile(kGazetteerFormat, rest) : std::string(rest);
  auto loaded = Gazetteer::FromFileBytes(file, "fuzz");
  if (!loaded.ok()) {
    if (loaded.status().message().empty()) std::abort();
    return 0;
  }
  const Gazetteer& g = **loaded;
  size_t sum = 0;
  auto check = [&](std::span<const uint32_t> ids) {
    for (const uint32_t id : ids) {
      if (id >= g.size()) std::abort();
      sum += g.name(id).size();
    }
  };
  for (const char* name : {"rafah", "gaza strip", "paris", "georgia", "washington d c"}) {
    check(g.Candidates(name));
    check(g.DemonymCountries(name));
  }
  const std::vector<std::string_view> tokens = {"the", "gaza", "strip", "port", "au", "prince"};
  for (size_t i = 0; i < tokens.size(); ++i) {
    check(g.LongestMatch(std::span(tokens).subspan(i)).places);
  }
  const uint32_t n = std::min<uint32_t>(g.size(), 4096);
  for (uint32_t id = 0; id < n; ++id) {
    sum += g.name(id).size() + g.country_iso2(id).size() + g.country_iso3(id).size() +
           g.country_fips(id).size() + g.admin1_code(id).size() + g.admin1_name(id).size() +
           g.feature_code(id).size() + g.source(id).size();
    const uint32_t country = g.country_place(id);
    if (country != kNoPlace && country >= g.size()) std::abort();
    const uint32_t capital = g.CapitalOf(id);
    if (capital != kNoPlace && capital >= g.size()) std::abort();
  }
  for (uint32_t c = 0; c < g.country_count(); ++c) {
    const std::string_view iso2(g.country(c).iso2, 2);
    const uint32_t place = g.CountryByIso2(iso2);
    if (place != kNoPlace && place >= g.size()) std::abort();
  }
  if (sum == 0 && g.size() > 0 && !g.name(0).empty()) std::abort();  // keeps the reads
  return 0;
}
