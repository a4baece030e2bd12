// JSON Lines reader: one article object per line.
//
// Each line is checked as bytes first (size, NUL, UTF-8, nesting depth) and
// only then handed to nlohmann_json, whose parser recurses: the depth scan
// keeps a hostile line from exhausting the stack. ordered_json keeps the
// input order of fields, so unknown fields reach metadata in that order.
// Every bad line becomes one RecordError and the next line is read.
//
// Tested by jsonl_reader_test.cc.
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "annals/ingest.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

using Json = nlohmann::ordered_json;

enum class Field { kId, kUrl, kSource, kPublished, kTitle, kText, kNone };

struct Alias {
  std::string_view name;
  Field field;
};
// Earlier names win when an object has several names for one field.
constexpr std::array<Alias, 16> kAliases = {{
    {"id", Field::kId},
    {"url", Field::kUrl},
    {"link", Field::kUrl},
    {"source", Field::kSource},
    {"publisher", Field::kSource},
    {"published", Field::kPublished},
    {"date", Field::kPublished},
    {"publish_date", Field::kPublished},
    {"pubDate", Field::kPublished},
    {"datetime", Field::kPublished},
    {"title", Field::kTitle},
    {"headline", Field::kTitle},
    {"text", Field::kText},
    {"body", Field::kText},
    {"content", Field::kText},
    {"", Field::kNone},
}};

// The key of `obj` that supplies `field`, or nullptr.
const std::string* PickKey(const Json& obj, Field field) {
  for (const Alias& a : kAliases) {
    if (a.field != field) continue;
    auto it = obj.find(std::string(a.name));
    if (it != obj.end() && !it->is_null()) return &it.key();
  }
  return nullptr;
}

std::string Dump(const Json& v) { return v.dump(-1, ' ', false, Json::error_handler_t::replace); }

// "parse error at line 1, column 7: syntax error while parsing value -
// invalid literal; last read: '{oo'" -> shortened, without the exception id.
std::string ShortParseMessage(const std::string& what) {
  std::string_view m = what;
  const size_t bracket = m.find("] ");
  if (m.starts_with("[json.exception") && bracket != std::string_view::npos)
    m.remove_prefix(bracket + 2);
  if (m.starts_with("parse error at line 1, ")) m.remove_prefix(23);
  if (m.size() > 160) m = m.substr(0, 160);
  return std::string(m);
}

// Builds the Document for one parsed object; false with *error set when the
// object cannot be one.
bool ToDocument(const Json& obj, Document& doc, Status* error) {
  const std::string* text_key = PickKey(obj, Field::kText);
  if (text_key == nullptr) {
    *error = Status(ErrorCode::kBadRecord, "no text field (text, body or content)");
    return false;
  }
  const Json& text = obj.at(*text_key);
  if (!text.is_string()) {
    *error = Status(ErrorCode::kBadRecord, "field '" + *text_key + "' is not a string");
    return false;
  }
  const std::string& raw = text.get_ref<const std::string&>();
  // \u0000 escapes decode to NUL bytes the line check could not see.
  if (Status st = internal::CheckNulAndUtf8(raw, 0); !st.ok()) {
    *error = Status(st.code(), "field '" + *text_key + "': " + st.message());
    return false;
  }
  const std::string_view body = internal::TrimSpace(raw);
  if (body.empty()) {
    *error = Status(ErrorCode::kEmptyDocument, "field '" + *text_key + "' is empty");
    return false;
  }
  doc.text = std::string(body);
  const std::string* keys[] = {text_key,
                               PickKey(obj, Field::kId),
                               PickKey(obj, Field::kUrl),
                               PickKey(obj, Field::kSource),
                               PickKey(obj, Field::kPublished),
                               PickKey(obj, Field::kTitle)};
  auto string_of = [&](const std::string* key) -> std::string {
    const Json& v = obj.at(*key);
    return internal::WithoutNul(v.is_string() ? v.get_ref<const std::string&>() : Dump(v));
  };
  if (keys[1]) {
    std::string id = string_of(keys[1]);
    if (!id.empty()) doc.id = std::move(id);  // else keep the derived id
  }
  if (keys[2]) doc.url = string_of(keys[2]);
  if (keys[3] && obj.at(*keys[3]).is_string()) doc.source = string_of(keys[3]);
  if (keys[5]) doc.title = std::string(internal::TrimSpace(string_of(keys[5])));
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool mapped = false;
    for (const std::string* k : keys) mapped |= (k != nullptr && *k == it.key());
    // A non-string source (an object naming the outlet) is kept whole.
    if (keys[3] && *keys[3] == it.key() && !it->is_string()) mapped = false;
    if (!mapped) doc.metadata.emplace_back(it.key(), Dump(*it));
  }
  if (keys[4]) {
    const Json& p = obj.at(*keys[4]);
    internal::SetPublished(p.is_string() ? p.get_ref<const std::string&>() : Dump(p), doc);
  }
  doc.dateline_place = internal::BodyDatelinePlace(doc.text);
  return true;
}

// Checks and parses one line; reports it to `sink` either way.
void ReadLine(std::string_view line, uint64_t number, size_t offset, const std::string& path,
              const ReadOptions& options, RecordSink& sink) {
  auto fail = [&](ErrorCode code, std::string message) {
    sink.OnError(internal::MakeError(path, number, code, std::move(message)));
  };
  if (line.size() > options.max_document_bytes)
    return fail(ErrorCode::kTooLarge,
                internal::TooLarge(line.size(), options.max_document_bytes, "record").message());
  if (Status st = internal::CheckNulAndUtf8(line, offset); !st.ok())
    return fail(st.code(), st.message());
  if (internal::JsonTooDeep(line, internal::kMaxJsonDepth))
    return fail(ErrorCode::kBadJson, "not JSON: nested deeper than " +
                                         std::to_string(internal::kMaxJsonDepth) + " levels");
  Json obj;
  try {
    obj = Json::parse(line);
  } catch (const Json::exception& e) {
    return fail(ErrorCode::kBadJson, "not JSON: " + ShortParseMessage(e.what()));
  }
  if (!obj.is_object())
    return fail(ErrorCode::kBadRecord, std::string("not a JSON object but ") + obj.type_name());
  Document doc = internal::NewDocument(path, number, "jsonl", options);
  Status error;
  bool ok = false;
  try {
    ok = ToDocument(obj, doc, &error);
  } catch (const Json::exception& e) {  // not expected; never let one escape
    error = Status(ErrorCode::kBadRecord, e.what());
  }
  if (!ok) return fail(error.code(), error.message());
  sink.OnDocument(std::move(doc));
}

}  // namespace

void ReadJsonLines(std::string_view bytes, const std::string& path, const ReadOptions& options,
                   RecordSink& sink) {
  const size_t bom = internal::BomLength(bytes);
  if (Status st = internal::CheckNotBinary(bytes.substr(bom)); !st.ok()) {
    sink.OnError(internal::MakeError(path, 0, st.code(), st.message()));
    return;
  }
  size_t pos = bom;
  uint64_t number = 0;
  while (pos < bytes.size()) {
    ++number;
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    const size_t offset = pos;
    pos = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (internal::IsBlank(line)) continue;
    ReadLine(line, number, offset, path, options, sink);
  }
}

}  // namespace annals
