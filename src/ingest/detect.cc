// Format detection and ParseBuffer, the one entry point every input goes
// through (files, standard input, fuzzers).
//
// The name decides when it is unambiguous (.jsonl, .csv, .html, .html.gz,
// .warc, .warc.gz, .rss, .atom, .xml); a WARC version line (also inside
// gzip) or a feed's root element (<rss, <feed, <rdf:RDF) decide next;
// otherwise the first line with content does: "<!doctype html" or "<html"
// means a web page, the start of a JSON object means JSON
// Lines, a date alone means a wire story, a CSV header naming a text column
// means CSV, anything else is plain text.
// Only the first kSniffBytes are looked at, so detection costs the same for
// a 1 KB and a 1 GB file.
//
// Tested by detect_test.cc.
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "annals/ingest.h"
#include "ingest/gzip_stream.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

// The first line of `head` that is not blank, trimmed.
std::string_view FirstContentLine(std::string_view head) {
  size_t pos = 0;
  while (pos < head.size()) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) nl = head.size();
    const std::string_view line = internal::TrimSpace(head.substr(pos, nl - pos));
    if (!line.empty()) return line;
    pos = nl + 1;
  }
  return {};
}

// A JSON Lines record, judged by its start alone: `{"` may begin a record
// longer than the head, or a broken one that the reader reports on its own
// while reading the rest. A lone "{" is pretty-printed JSON, which the
// reader refuses with a message saying so.
bool StartsJsonObject(std::string_view line) {
  if (!line.starts_with('{')) return false;
  if (line == "{") return true;
  const std::string_view inside = internal::TrimSpace(line.substr(1));
  if (inside.starts_with('"')) return true;
  if (internal::JsonTooDeep(line, internal::kMaxJsonDepth)) return false;
  return nlohmann::json::parse(line, nullptr, false).is_object();
}

// "[{...}]": one JSON document, not JSON Lines.
bool StartsJsonArray(std::string_view head) {
  head = internal::TrimSpace(head);
  return head.starts_with('[') && internal::TrimSpace(head.substr(1)).starts_with('{');
}

// A comma-separated header naming a text column the CSV reader takes
// ("title,text"): short names only, so a sentence with commas is not one.
bool LooksLikeCsvHeader(std::string_view line) {
  if (line.find(',') == std::string_view::npos) return false;
  bool text_column = false;
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t comma = line.find(',', pos);
    if (comma == std::string_view::npos) comma = line.size();
    std::string_view name = internal::TrimSpace(line.substr(pos, comma - pos));
    pos = comma + 1;
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
      name = name.substr(1, name.size() - 2);
    if (name.size() > 64) return false;
    std::string lower;
    for (const char c : name) {
      const auto u = static_cast<unsigned char>(c);
      if (!std::isalnum(u) && c != '_' && c != '-' && c != ' ' && c != '.') return false;
      lower.push_back(static_cast<char>(std::tolower(u)));
    }
    text_column |= internal::IsDefaultTextColumn(lower);
  }
  return text_column;
}

// The first element of an XML document, past the declaration, comments,
// processing instructions and a DOCTYPE: "<rss", "<feed" or "<rdf:RDF".
bool StartsFeed(std::string_view head) {
  size_t pos = 0;
  while (true) {
    pos = head.find('<', pos);
    if (pos == std::string_view::npos) return false;
    const std::string_view at = head.substr(pos);
    if (at.starts_with("<?") || at.starts_with("<!")) {
      const size_t end = head.find('>', pos);
      if (end == std::string_view::npos) return false;
      pos = end + 1;
      continue;
    }
    for (std::string_view root : {"<rss", "<feed", "<rdf:RDF", "<RDF"}) {
      if (at.starts_with(root) && at.size() > root.size() &&
          (at[root.size()] == ' ' || at[root.size()] == '>' || at[root.size()] == '\n' ||
           at[root.size()] == '\t' || at[root.size()] == '\r'))
        return true;
    }
    return false;
  }
}

bool StartsWarc(std::string_view head) { return head.starts_with("WARC/1."); }

bool IsHtmlExtension(std::string_view ext) {
  return ext == "html" || ext == "htm" || ext == "xhtml";
}

// A page's start: "<!doctype html", "<html" or an XML declaration followed
// by one of them, any case, after white space and comments.
bool StartsHtml(std::string_view head) {
  head = internal::TrimSpace(head);
  std::string lower;
  for (const char c : head.substr(0, 512))
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string_view s = lower;
  for (int i = 0; i < 8; ++i) {
    if (s.starts_with("<!doctype html") || s.starts_with("<html")) return true;
    size_t skip = std::string_view::npos;
    if (s.starts_with("<?xml")) skip = s.find("?>");
    if (s.starts_with("<!--")) skip = s.find("-->");
    if (skip == std::string_view::npos) return false;
    s = internal::TrimSpace(s.substr(skip + 2 + (s[1] == '!')));
  }
  return false;
}

}  // namespace

Format DetectFormat(std::string_view name, std::string_view head) {
  head = head.substr(0, internal::kSniffBytes);
  head.remove_prefix(internal::BomLength(head));
  const std::string ext = internal::LowerExtension(name);
  if (ext == "warc" || name.ends_with(".warc.gz") || name.ends_with(".WARC.GZ") || StartsWarc(head))
    return Format::kWarc;
  // A gzip file is a WARC when what it inflates to is one.
  if (internal::IsGzipStart(head) && StartsWarc(internal::InflateHead(head, 16)))
    return Format::kWarc;
  // An .xml file that is no feed gets the feed reader's error naming its
  // root element: read as text, its markup would pass for an article.
  if (ext == "rss" || ext == "atom" || ext == "xml") return Format::kFeed;
  // Prose may well open with "<feed>"; only other names are sniffed.
  if (ext != "txt" && ext != "text" && StartsFeed(head)) return Format::kFeed;
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonLines;
  if (ext == "csv") return Format::kCsv;
  if (IsHtmlExtension(ext)) return Format::kHtml;
  if (ext == "gz" && IsHtmlExtension(internal::LowerExtension(internal::WithoutExtension(name))))
    return Format::kHtml;
  if (StartsHtml(head)) return Format::kHtml;
  const std::string_view line = FirstContentLine(head);
  // An empty .json is JSON Lines without records, which the reader reports.
  if (ext == "json")
    return line.empty() || line.starts_with('{') ? Format::kJsonLines : Format::kAuto;
  if (StartsJsonObject(line)) return Format::kJsonLines;
  if (StartsJsonArray(head)) return Format::kAuto;
  if (internal::IsDatelineLine(line)) return Format::kWire;
  // A .txt file is prose, whose first line may well hold a comma and the
  // word "story"; only other names (and standard input) may be CSV.
  if (ext != "txt" && ext != "text" && LooksLikeCsvHeader(line)) return Format::kCsv;
  return Format::kText;
}

void ParseBuffer(std::string_view bytes, const std::string& origin_path, Format format,
                 const ReadOptions& options, RecordSink& sink) {
  if (bytes.size() > options.max_file_bytes) {
    const Status st = internal::TooLarge(bytes.size(), options.max_file_bytes, "file");
    sink.OnError(internal::MakeError(origin_path, 0, st.code(), st.message()));
    return;
  }
  if (format == Format::kAuto) format = DetectFormat(origin_path, bytes);
  switch (format) {
    case Format::kWire:
      return ReadWireText(bytes, origin_path, options, sink);
    case Format::kText:
      return ReadPlainText(bytes, origin_path, options, sink);
    case Format::kJsonLines:
      return ReadJsonLines(bytes, origin_path, options, sink);
    case Format::kCsv:
      return ReadCsv(bytes, origin_path, options, sink);
    case Format::kHtml:
      return ReadHtml(bytes, origin_path, options, sink);
    case Format::kWarc:
      return ReadWarc(bytes, origin_path, options, sink);
    case Format::kFeed:
      return ReadFeed(bytes, origin_path, options, sink);
    case Format::kAuto:
      break;
  }
  sink.OnError(internal::MakeError(
      origin_path, 0, ErrorCode::kUnknownFormat,
      "unknown format: a JSON document or array is not JSON Lines (one "
      "object per line): convert it, or use --input-format to choose a reader"));
}

}  // namespace annals
