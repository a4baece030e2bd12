// JSON Lines reader: one article object per line.
//
// Each line is checked as bytes first (size, NUL, UTF-8, nesting depth) and
// only then handed to nlohmann_json, whose parser recurses: the depth scan
// keeps a hostile line from exhausting the stack. ordered_json keeps the
// input order of fields, so unknown fields reach metadata in that order.
// Every bad line becomes one RecordError and the next line is read; a file
// with no records, or pretty-printed JSON, is one RecordError for the file.
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

bool IsNonBlankString(const Json& v) {
  return v.is_string() && !internal::IsBlank(v.get_ref<const std::string&>());
}

// The key of `obj` that supplies `field`, or nullptr: the first alias with
// a non-blank string, so {"text": "", "content": "..."} reads; failing
// that the first present one, so a wrong value is reported by its name.
const std::string* PickKey(const Json& obj, Field field) {
  const std::string* fallback = nullptr;
  for (const Alias& a : kAliases) {
    if (a.field != field) continue;
    auto it = obj.find(std::string(a.name));
    if (it == obj.end() || it->is_null()) continue;
    if (IsNonBlankString(*it)) return &it.key();
    if (fallback == nullptr) fallback = &it.key();
  }
  return fallback;
}

// A null under a field's name says "no value": not worth keeping.
bool IsNullField(const std::string& key, const Json& value) {
  if (!value.is_null()) return false;
  for (const Alias& a : kAliases)
    if (a.field != Field::kNone && a.name == key) return true;
  return false;
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
    if (!id.empty()) {  // else keep the derived id
      doc.id = std::move(id);
      doc.origin.id_given = true;
    }
  }
  if (keys[2]) doc.url = string_of(keys[2]);
  if (keys[3] && obj.at(*keys[3]).is_string()) doc.source = string_of(keys[3]);
  if (keys[5]) doc.title = std::string(internal::TrimSpace(string_of(keys[5])));
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool mapped = false;
    for (const std::string* k : keys) mapped |= (k != nullptr && *k == it.key());
    // A non-string source (an object naming the outlet) is kept whole.
    if (keys[3] && *keys[3] == it.key() && !it->is_string()) mapped = false;
    if (!mapped && !IsNullField(it.key(), *it)) doc.metadata.emplace_back(it.key(), Dump(*it));
  }
  if (keys[4]) {
    const Json& p = obj.at(*keys[4]);
    internal::SetPublished(p.is_string() ? p.get_ref<const std::string&>() : Dump(p), doc);
  }
  doc.dateline_place = internal::BodyDatelinePlace(doc.text);
  return true;
}

// Checks and parses one line; reports it to `sink` either way.
// `offset` is where the line starts in the file, `end_offset` where the
// next one does.
void ReadLine(std::string_view line, uint64_t number, size_t offset, uint64_t end_offset,
              const std::string& path, const ReadOptions& options, RecordSink& sink) {
  auto fail = [&](ErrorCode code, std::string message) {
    RecordError e = internal::MakeError(path, number, code, std::move(message));
    e.origin.end_offset = end_offset;
    sink.OnError(std::move(e));
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
  doc.origin.end_offset = end_offset;
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
  auto refuse = [&](ErrorCode code, const std::string& message) {
    sink.OnError(internal::MakeError(path, 0, code, message));
  };
  const size_t bom = internal::BomLength(bytes);
  if (Status st = internal::CheckNotBinary(bytes.substr(bom)); !st.ok())
    return refuse(st.code(), st.message());
  size_t pos = bom;
  uint64_t number = 0;
  bool any = false;
  while (pos < bytes.size() && !sink.Cancelled()) {
    ++number;
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    const size_t offset = pos;
    pos = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (internal::IsBlank(line)) continue;
    // Else every line of an indented JSON document would be its own error.
    if (!any && internal::TrimSpace(line) == "{")
      return refuse(ErrorCode::kBadJson,
                    "pretty-printed JSON: JSON Lines needs one object per line");
    any = true;
    ReadLine(line, number, offset, std::min(pos, bytes.size()), path, options, sink);
  }
  if (!any) refuse(ErrorCode::kEmptyDocument, "no records (empty JSON Lines file)");
}

}  // namespace annals
