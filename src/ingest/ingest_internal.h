// Internal (not part of the public API): helpers shared by the readers.
//
// The readers agree on one set of byte checks (size, NUL, binary, UTF-8),
// one notion of white space, one date parser and one error format, so that
// the same bad input gives the same error whichever reader meets it.
//
// Tested by dates_test.cc, text_reader_test.cc, detect_test.cc and
// paths_test.cc.
#ifndef ANNALS_INGEST_INGEST_INTERNAL_H_
#define ANNALS_INGEST_INGEST_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "annals/document.h"
#include "annals/ingest.h"
#include "annals/status.h"

namespace annals::internal {

// How many leading bytes DetectFormat and the binary check look at.
inline constexpr size_t kSniffBytes = 4096;
// Deepest JSON nesting a JSON Lines record may have (nlohmann recurses).
inline constexpr int kMaxJsonDepth = 64;

// Length of a UTF-8 byte order mark at the start of `bytes` (0 or 3).
size_t BomLength(std::string_view bytes);

// `s` with ASCII letters lower-cased: header names, charset labels,
// extensions, CSV column names.
std::string AsciiLower(std::string_view s);

// Strips ASCII white space, U+00A0 and U+FEFF from both ends.
std::string_view TrimSpace(std::string_view s);
bool IsBlank(std::string_view s);

// Position of the '.' that starts the extension of the last path
// component, npos when there is none ("a.b/c", ".hidden").
size_t ExtensionDot(std::string_view path);
// "News/Feed.JSONL" -> "jsonl"; empty when there is none.
std::string LowerExtension(std::string_view path);
// `path` without its extension: "dir/x.csv" -> "dir/x".
std::string_view WithoutExtension(std::string_view path);

// The id stem of a document from `path` when neither the input nor
// ReadOptions::id_base names one: the file name without extension
// ("dir/000_abc.txt" -> "000_abc"); "-" -> "stdin".
std::string DerivedId(const std::string& path);
// ReadOptions::id_base for standard input: "stdin-" and the first 12 hex
// digits of the XXH3-64 hash of `bytes`, so the same input keeps its id
// and different inputs do not replace each other.
std::string StdinIdBase(std::string_view bytes);

// kNulBytes / kInvalidUtf8 for the first offending byte, offsets counted
// from `base`; OK otherwise.
Status CheckNulAndUtf8(std::string_view bytes, size_t base);
// kInvalidUtf8 when `bytes` are UTF-16: a UTF-16 byte order mark, or NUL
// bytes at every other byte of the head.
Status CheckNotUtf16(std::string_view bytes);
// The UTF-16 check, then kBinary when more than 10% of the first
// kSniffBytes are control bytes other than tab, line feed, form feed and
// carriage return.
Status CheckNotBinary(std::string_view bytes);
// All checks for a single-document buffer, in the order a user would want
// to hear about them: size, UTF-16, NUL, binary, UTF-8, empty.
Status CheckDocumentBytes(std::string_view bytes, const ReadOptions& options);
Status TooLarge(uint64_t size, uint64_t limit, std::string_view what);

RecordError MakeError(const std::string& path, uint64_t record, ErrorCode code,
                      std::string message);

// Dates. ParseTextDate reads the forms news sources write by hand:
//   [Weekday[,]] 26 March 2024 | March 26, 2024 | 26 Mar 2024
//   then optionally [- , | at] 22:16[:05] [am|pm] [GMT|UTC|EST...][+0300]
// ParseAnyDate also takes ISO 8601 (PublishedTime::ParseIso). Both need the
// whole of `s` to be the date.
bool ParseTextDate(std::string_view s, PublishedTime* out);
bool ParseAnyDate(std::string_view s, PublishedTime* out);
// A wire story's first line: a short line that is nothing but a date.
bool IsDatelineLine(std::string_view line);

// Sets doc.published from `raw`; when it cannot be parsed keeps `raw` in
// metadata as "published_raw" and adds a Diagnostic.
void SetPublished(std::string_view raw, Document& doc);

// True when `line` ends like a sentence: . ? ! or an ellipsis, maybe
// followed by closing quotes (straight or curly).
bool EndsSentence(std::string_view line);

// "GAZA CITY (Reuters) - ..." or "WASHINGTON, March 25 (AP) -- ..." at the
// start of `body`: returns the place ("GAZA CITY"), empty when none.
std::string BodyDatelinePlace(std::string_view body);

// True for the lower-case column names the CSV reader takes the text from
// by default ("text", "body", ...); detection looks for them in a header.
bool IsDefaultTextColumn(std::string_view lower_name);

// `s` (valid UTF-8) as a JSON string literal: metadata values are JSON.
std::string JsonQuote(std::string_view s);

// A fresh Document for `path`: id ReadOptions::id_base (DerivedId() when
// empty), with ":record" for records of a multi-document file.
Document NewDocument(const std::string& path, uint64_t record, std::string_view format,
                     const ReadOptions& options);

// Copies `s` without NUL bytes (for titles and ids from JSON, where \u0000
// is legal but useless).
std::string WithoutNul(std::string_view s);

// True when `line` (one JSON Lines record) nests deeper than `max_depth`;
// a cheap scan that respects strings, run before the recursive parser.
bool JsonTooDeep(std::string_view line, int max_depth);

}  // namespace annals::internal

#endif  // ANNALS_INGEST_INGEST_INTERNAL_H_
