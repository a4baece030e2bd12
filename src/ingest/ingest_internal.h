// Internal (not part of the public API): helpers shared by the readers.
//
// The readers agree on one set of byte checks (size, NUL, binary, UTF-8),
// one notion of white space, one date parser and one error format, so that
// the same bad input gives the same error whichever reader meets it.
//
// Tested by dates_test.cc, text_reader_test.cc and detect_test.cc.
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

// Strips ASCII white space, U+00A0 and U+FEFF from both ends.
std::string_view TrimSpace(std::string_view s);
bool IsBlank(std::string_view s);

// The id of a document from `path` when the input names none:
// ("dir/000_abc.txt", "") -> "000_abc"; ("in/a/b.csv", "in") -> "a/b";
// "-" -> "stdin". See ReadOptions::id_root.
std::string DerivedId(const std::string& path, const std::string& id_root);

// kNulBytes / kInvalidUtf8 for the first offending byte, offsets counted
// from `base`; OK otherwise.
Status CheckNulAndUtf8(std::string_view bytes, size_t base);
// kBinary when more than 10% of the first kSniffBytes are control bytes
// other than tab, line feed, form feed and carriage return; kInvalidUtf8
// for a UTF-16 byte order mark.
Status CheckNotBinary(std::string_view bytes);
// All checks for a single-document buffer, in the order a user would want
// to hear about them: size, NUL, binary, UTF-8, empty.
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

// "GAZA CITY (Reuters) - ..." or "WASHINGTON, March 25 (AP) -- ..." at the
// start of `body`: returns the place ("GAZA CITY"), empty when none.
std::string BodyDatelinePlace(std::string_view body);

// `s` (valid UTF-8) as a JSON string literal: metadata values are JSON.
std::string JsonQuote(std::string_view s);

// A fresh Document for `path`: id DerivedId(), with ":record" for records
// of a multi-document file.
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
