// CSV reader (RFC 4180 with a header row) and the --csv-map parser.
//
// One pass over the buffer, one record at a time: a quoted field may hold
// commas, "" escapes and line breaks; CRLF, LF and lone CR end records. The
// reader is lenient where data in the wild is sloppy (text after a closing
// quote is kept, blank lines are skipped) and strict where guessing would
// shift columns: a row with the wrong number of fields is refused, and an
// unterminated quote ends the file, since every later row would be misread.
//
// Tested by csv_reader_test.cc.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/ingest.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

// annals fields a column can feed, in the order of kDefaultColumns.
constexpr std::array<std::string_view, 6> kFields = {"id",        "text", "title",
                                                     "published", "url",  "source"};
enum FieldIndex { kId, kText, kTitle, kPublished, kUrl, kSource };

// Column names each field takes by default; earlier names win.
const std::array<std::vector<std::string_view>, 6>& DefaultColumns() {
  static const std::array<std::vector<std::string_view>, 6> kColumns = {{
      {"id", "doc_id", "guid"},
      {"text", "body", "content", "article", "story"},
      {"title", "headline"},
      {"date", "published", "pubdate", "publish_date", "datetime"},
      {"url", "link"},
      {"source", "publisher", "outlet"},
  }};
  return kColumns;
}

enum class Step { kRecord, kEnd, kUnterminated };

// Reads the record at *pos into *fields; advances *pos past its line end.
// Bytes beyond `max_bytes` from the record's start are scanned but not
// copied: the caller refuses such a record, and a huge one must not be
// held in memory twice first.
Step NextRecord(std::string_view s, size_t* pos, size_t max_bytes,
                std::vector<std::string>* fields) {
  fields->clear();
  size_t i = *pos;
  const size_t record_start = i;
  auto within = [&](size_t end) { return end - record_start <= max_bytes; };
  const size_t n = s.size();
  if (i >= n) return Step::kEnd;
  std::string field;
  while (true) {
    field.clear();
    if (i < n && s[i] == '"') {
      ++i;
      while (true) {
        const size_t q = s.find('"', i);
        if (q == std::string_view::npos) {
          *pos = n;
          return Step::kUnterminated;
        }
        if (within(q)) field.append(s.substr(i, q - i));
        i = q + 1;
        if (i < n && s[i] == '"') {
          field.push_back('"');
          ++i;
        } else {
          break;
        }
      }
    }
    const size_t start = i;
    while (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') ++i;
    if (within(i)) field.append(s.substr(start, i - start));
    fields->push_back(std::move(field));
    if (i < n && s[i] == ',') {
      ++i;
      continue;
    }
    if (i < n && s[i] == '\r') ++i;
    if (i < n && s[i] == '\n') ++i;
    *pos = i;
    return Step::kRecord;
  }
}

// Which column feeds each field (-1: none); false with *error when the map
// names a column the header lacks or there is no text column.
bool MapColumns(const std::vector<std::string>& header, const CsvMap& overrides,
                std::array<int, 6>* cols, std::string* error) {
  std::vector<std::string> names;
  names.reserve(header.size());
  for (const std::string& h : header) names.push_back(internal::AsciiLower(internal::TrimSpace(h)));
  auto find = [&](std::string_view name) -> int {
    for (size_t c = 0; c < names.size(); ++c) {
      if (names[c] != name) continue;
      if (std::find(cols->begin(), cols->end(), static_cast<int>(c)) != cols->end())
        continue;  // already feeds another field
      return static_cast<int>(c);
    }
    return -1;
  };
  cols->fill(-1);
  for (const auto& [field, column] : overrides) {
    for (size_t f = 0; f < kFields.size(); ++f) {
      if (kFields[f] != field) continue;
      (*cols)[f] = find(internal::AsciiLower(column));
      if ((*cols)[f] < 0) {
        *error = "--csv-map: no column '" + column + "' in the header";
        return false;
      }
    }
  }
  for (size_t f = 0; f < kFields.size(); ++f) {
    for (std::string_view name : DefaultColumns()[f]) {
      if ((*cols)[f] < 0) (*cols)[f] = find(name);
    }
  }
  if ((*cols)[kText] < 0) {
    *error =
        "no text column (text, body, content, article or story); name one "
        "with --csv-map text=COLUMN";
    return false;
  }
  return true;
}

// (column, metadata name) for each column that feeds no field: the trimmed
// header name, made unique ("category", "category_2") since JSON output
// keeps one value per name.
using MetadataColumns = std::vector<std::pair<size_t, std::string>>;
MetadataColumns MetadataNames(const std::vector<std::string>& header,
                              const std::array<int, 6>& cols) {
  MetadataColumns names;
  std::set<std::string> used;
  for (size_t c = 0; c < header.size(); ++c) {
    if (std::find(cols.begin(), cols.end(), static_cast<int>(c)) != cols.end()) continue;
    const std::string base(internal::TrimSpace(header[c]));
    std::string name = base;
    for (int n = 2; used.contains(name); ++n) name = base + "_" + std::to_string(n);
    used.insert(name);
    names.emplace_back(c, std::move(name));
  }
  return names;
}

// `field` trimmed, moved out when there is nothing to trim.
std::string TakeTrimmed(std::string& field) {
  const std::string_view t = internal::TrimSpace(field);
  if (t.size() == field.size()) return std::move(field);
  return std::string(t);
}

// Builds the Document for one data row, taking its fields; false with
// *error set.
bool ToDocument(const std::vector<std::string>& header, std::vector<std::string>& row,
                const std::array<int, 6>& cols, const MetadataColumns& meta_columns, Document& doc,
                Status* error) {
  if (internal::IsBlank(row[cols[kText]])) {
    *error = Status(ErrorCode::kEmptyDocument, "column '" + header[cols[kText]] + "' is empty");
    return false;
  }
  auto take = [&](int f) { return cols[f] < 0 ? std::string() : TakeTrimmed(row[cols[f]]); };
  doc.text = take(kText);
  if (std::string id = take(kId); !id.empty()) {
    doc.id = std::move(id);
    doc.origin.id_given = true;
  }
  doc.title = take(kTitle);
  doc.url = take(kUrl);
  doc.source = take(kSource);
  for (const auto& [c, name] : meta_columns)
    doc.metadata.emplace_back(name, internal::JsonQuote(row[c]));
  if (cols[kPublished] >= 0) internal::SetPublished(row[cols[kPublished]], doc);
  doc.dateline_place = internal::BodyDatelinePlace(doc.text);
  return true;
}

}  // namespace

namespace internal {

bool IsDefaultTextColumn(std::string_view lower_name) {
  const auto& names = DefaultColumns()[kText];
  return std::find(names.begin(), names.end(), lower_name) != names.end();
}

}  // namespace internal

bool ParseCsvMap(std::string_view spec, CsvMap* out, std::string* error) {
  CsvMap map;
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = spec.substr(pos, comma - pos);
    pos = comma + 1;
    const size_t eq = item.find('=');
    std::string field =
        internal::AsciiLower(internal::TrimSpace(item.substr(0, std::min(eq, item.size()))));
    // People say "date" and "body" as often as our field names.
    if (field == "date") field = "published";
    if (field == "body") field = "text";
    const std::string_view column = eq == std::string_view::npos
                                        ? std::string_view()
                                        : internal::TrimSpace(item.substr(eq + 1));
    if (eq == std::string_view::npos || column.empty()) {
      *error = "--csv-map: '" + std::string(item) + "' is not FIELD=COLUMN";
      return false;
    }
    if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) {
      *error = "--csv-map: unknown field '" + field +
               "' (id, text or body, title, published or date, url, source)";
      return false;
    }
    for (const auto& [f, c] : map) {
      if (f == field) {
        *error = "--csv-map: field '" + field + "' given twice";
        return false;
      }
    }
    map.emplace_back(field, std::string(column));
  }
  *out = std::move(map);
  return true;
}

void ReadCsv(std::string_view bytes, const std::string& path, const ReadOptions& options,
             RecordSink& sink) {
  size_t pos = internal::BomLength(bytes);
  auto fail = [&](uint64_t row, ErrorCode code, std::string message) {
    RecordError e = internal::MakeError(path, row, code, std::move(message));
    e.origin.end_offset = pos;  // just past the row (or header) at fault
    sink.OnError(std::move(e));
  };
  if (Status st = internal::CheckNotBinary(bytes.substr(pos)); !st.ok())
    return fail(0, st.code(), st.message());
  if (internal::IsBlank(bytes.substr(pos)))
    return fail(0, ErrorCode::kEmptyDocument, "empty CSV file (no header)");
  std::vector<std::string> header, row;
  const size_t header_start = pos;
  if (NextRecord(bytes, &pos, std::string_view::npos, &header) != Step::kRecord)
    return fail(0, ErrorCode::kBadCsv, "unterminated quoted field in the header");
  if (Status st =
          internal::CheckNulAndUtf8(bytes.substr(header_start, pos - header_start), header_start);
      !st.ok())
    return fail(0, st.code(), "header: " + st.message());
  std::array<int, 6> cols;
  std::string map_error;
  if (!MapColumns(header, options.csv_map, &cols, &map_error))
    return fail(0, ErrorCode::kBadCsv, map_error);
  const MetadataColumns meta_columns = MetadataNames(header, cols);

  uint64_t data_row = 0;
  uint64_t line = 1 + std::count(bytes.begin() + header_start, bytes.begin() + pos, '\n');
  while (!sink.Cancelled()) {
    const size_t start = pos;
    const uint64_t start_line = line;
    const Step step = NextRecord(bytes, &pos, options.max_document_bytes, &row);
    if (step == Step::kEnd) break;
    const std::string_view raw = bytes.substr(start, pos - start);
    line += std::count(raw.begin(), raw.end(), '\n');
    if (step == Step::kRecord && row.size() == 1 && internal::IsBlank(raw)) continue;
    ++data_row;
    if (step == Step::kUnterminated)
      return fail(data_row, ErrorCode::kBadCsv,
                  "unterminated quoted field in the row starting at line " +
                      std::to_string(start_line) + "; rest of the file skipped");
    if (raw.size() > options.max_document_bytes) {
      fail(data_row, ErrorCode::kTooLarge,
           internal::TooLarge(raw.size(), options.max_document_bytes, "row").message());
      continue;
    }
    if (Status st = internal::CheckNulAndUtf8(raw, start); !st.ok()) {
      fail(data_row, st.code(), st.message());
      continue;
    }
    if (row.size() != header.size()) {
      fail(data_row, ErrorCode::kBadCsv,
           "row has " + std::to_string(row.size()) + " fields, the header has " +
               std::to_string(header.size()) + " (line " + std::to_string(start_line) + ")");
      continue;
    }
    Document doc = internal::NewDocument(path, data_row, "csv", options);
    doc.origin.end_offset = pos;
    Status error;
    if (!ToDocument(header, row, cols, meta_columns, doc, &error)) {
      fail(data_row, error.code(), error.message());
      continue;
    }
    sink.OnDocument(std::move(doc));
  }
  if (data_row == 0)
    fail(0, ErrorCode::kEmptyDocument, "no records: the CSV file has a header but no data rows");
}

}  // namespace annals
