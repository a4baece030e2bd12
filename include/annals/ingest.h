// Readers: bytes from files, directories or standard input to Documents.
//
// Formats (auto-detected from the name and the first bytes; see DetectFormat):
//   wire   a wire story as plain text: dateline line ("Tuesday 26 March 2024 -
//          22:16"), the headline (maybe repeated), "Story Code : N", paragraphs;
//   text   any other plain text: one document, body only;
//   jsonl  JSON Lines, one article object per line (id, url, source,
//          published, title, text; other fields kept in metadata);
//   csv    CSV with a header row; columns mapped by name (text/body/content,
//          title/headline, date/published, url/link, id), others kept;
//   html   a web page (.html, .htm, .xhtml, maybe gzip-compressed as
//          .html.gz, or content starting "<!doctype html" / "<html"): one
//          document, the article's main text and the page's metadata
//          (annals/html.h, docs/ingest-web.md);
//   warc   a web archive (WARC/1.0 or 1.1, plain or gzip): one document per
//          page (response, resource and conversion records of HTML or
//          plain text), read record by record with bounded memory;
//   feed   an RSS 2.0, RSS 1.0 (RDF) or Atom feed: one document per item.
//   See docs/ingest-archives.md for the last two.
//
// Every record that cannot become a Document is reported to the sink as one
// RecordError naming where it is and why; reading goes on with the next.
// Readers only check and split input; cleaning is the normalize stage's job.
//
// Budgets: a document over ReadOptions::max_document_bytes is refused
// (kTooLarge), as are invalid UTF-8 (kInvalidUtf8), NUL bytes (kNulBytes),
// binary data (kBinary) and documents with no text (kEmptyDocument).
#ifndef ANNALS_INGEST_H_
#define ANNALS_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

enum class Format { kAuto, kWire, kText, kJsonLines, kCsv, kHtml, kWarc, kFeed };
std::string_view FormatName(Format f);  // "auto", "wire", ...
bool ParseFormatName(std::string_view s, Format* out);

// Overrides of the CSV column mapping: (annals field, CSV column name), e.g.
// {"text", "article_body"}. Fields: id text title published url source.
using CsvMap = std::vector<std::pair<std::string, std::string>>;
// Parses "text=body,title=headline"; false with *error set on bad input.
bool ParseCsvMap(std::string_view spec, CsvMap* out, std::string* error);

struct ReadOptions {
  Format format = Format::kAuto;            // force one format for every input
  size_t max_document_bytes = 8u << 20;     // larger documents are refused
  size_t max_file_bytes = size_t{4} << 30;  // larger files are refused whole
  CsvMap csv_map;
  // The id of the documents of one input when the input names none
  // (records of a multi-record file add ":<line>" or ":<data row>"). Set
  // by ReadPaths for each file: the name without extension, the path below
  // a directory given, or more of the path where that would collide within
  // the run; "stdin-<hash>" for standard input. Empty: the file name
  // without extension.
  std::string id_base;
};

struct RecordError {
  Origin origin;  // which file and record
  Status status;  // why
  // "path:12: [E007] not JSON: ..." -- one line, for the user.
  std::string Describe() const;
};

// Receives what the readers produce, in input order. Called on the reading
// thread only.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void OnDocument(Document&& doc) = 0;
  virtual void OnError(RecordError&& error) = 0;
  // Polled between files and between records: true makes the readers stop
  // early (whoever consumes the records has given up).
  virtual bool Cancelled() const { return false; }
};

// Picks a format from the file name (may be empty) and the first bytes.
Format DetectFormat(std::string_view name, std::string_view head);

// Parses an in-memory buffer that came from `origin_path` ("-" for stdin).
// `format` kAuto detects. Used by ReadPaths and directly by fuzzers.
void ParseBuffer(std::string_view bytes, const std::string& origin_path, Format format,
                 const ReadOptions& options, RecordSink& sink);

// Reads each path in order: a file, a directory (recursively, files in
// sorted order, hidden files skipped) or "-" for standard input. A path
// that cannot be read is reported as a RecordError and skipped.
void ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options, RecordSink& sink);

// Lists the files ReadPaths would read, in order, with their sizes; for
// progress and ETA. "-" is listed with size 0.
std::vector<std::pair<std::string, uint64_t>> ListInputFiles(const std::vector<std::string>& paths);

// Individual readers, for tests and fuzzers; `path` only names the origin.
void ReadWireText(std::string_view bytes, const std::string& path, const ReadOptions& options,
                  RecordSink& sink);
void ReadPlainText(std::string_view bytes, const std::string& path, const ReadOptions& options,
                   RecordSink& sink);
void ReadJsonLines(std::string_view bytes, const std::string& path, const ReadOptions& options,
                   RecordSink& sink);
void ReadCsv(std::string_view bytes, const std::string& path, const ReadOptions& options,
             RecordSink& sink);
// One web page: title, url (canonical), published, language, the text of
// the article; metadata "author" and "charset" (JSON strings) when known.
// The page may be gzip-compressed; max_document_bytes applies to the page
// as inflated.
void ReadHtml(std::string_view bytes, const std::string& path, const ReadOptions& options,
              RecordSink& sink);
// Damaged WARC records are reported as kBadArchive (record number and byte
// offset in the message) and skipped; the rest is read.
void ReadWarc(std::string_view bytes, const std::string& path, const ReadOptions& options,
              RecordSink& sink);
// A feed that is not well-formed XML, declares entities or has no items is
// one kBadFeed error; an item without text is kEmptyDocument for that item.
void ReadFeed(std::string_view bytes, const std::string& path, const ReadOptions& options,
              RecordSink& sink);

}  // namespace annals

#endif  // ANNALS_INGEST_H_
