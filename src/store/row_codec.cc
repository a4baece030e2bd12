// The JSON lists stored inside rows (metadata pairs, stage names, an
// actor's mention indices), written and parsed the same way by both stores.
// Parsing never throws and checks the shape: a malformed value is kStore,
// not guessed at. Tested by store_test.cc and postgres_store_test.cc.
#include "store/row_codec.h"

#include <nlohmann/json.hpp>

namespace annals::internal {
namespace {

// Never throws: invalid UTF-8 is replaced rather than refused, since the
// text stages guarantee valid UTF-8 for everything a reader produced.
std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status Corrupt(const std::string& what) {
  return Status(ErrorCode::kStore, "stored " + what + " is corrupt");
}

// The stored lists are flat, so the parser's depth is bounded by what we
// wrote; the result is discarded() on any error.
nlohmann::json Parse(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

std::string MetadataJson(const Document& doc) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& [name, value] : doc.metadata) pairs.push_back({name, value});
  return Dump(pairs);
}

std::string StagesJson(const Document& doc) { return Dump(nlohmann::json(doc.stages)); }

std::string IndexListJson(const std::vector<uint32_t>& list) { return Dump(nlohmann::json(list)); }

Status ParseMetadata(const std::string& text, Document* doc) {
  const nlohmann::json j = Parse(text);
  if (!j.is_array()) return Corrupt("metadata");
  for (const auto& pair : j) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
      return Corrupt("metadata");
    doc->metadata.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return Status::Ok();
}

Status ParseStages(const std::string& text, Document* doc) {
  const nlohmann::json j = Parse(text);
  if (!j.is_array()) return Corrupt("stage list");
  for (const auto& s : j) {
    if (!s.is_string()) return Corrupt("stage list");
    doc->stages.push_back(s.get<std::string>());
  }
  return Status::Ok();
}

Status ParseIndexList(const std::string& text, std::vector<uint32_t>* out) {
  const nlohmann::json j = Parse(text);
  if (!j.is_array()) return Corrupt("actor mention list");
  for (const auto& v : j) {
    if (!v.is_number_unsigned() || v.get<uint64_t>() > UINT32_MAX)
      return Corrupt("actor mention list");
    out->push_back(v.get<uint32_t>());
  }
  return Status::Ok();
}

}  // namespace annals::internal
