// Format detection and ParseBuffer, the one entry point every input goes
// through (files, standard input, fuzzers).
//
// The name decides when it is unambiguous (.jsonl, .csv); otherwise the
// first bytes do: a JSON object on the first line means JSON Lines, a date
// alone on the first line means a wire story, anything else is plain text.
// Only the first kSniffBytes are looked at, so detection costs the same for
// a 1 KB and a 1 GB file.
//
// Tested by detect_test.cc.
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "annals/ingest.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

std::string Extension(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// True when the first line of `head` is a JSON object (or looks like the
// start of one when the line is longer than the head).
bool FirstLineIsObject(std::string_view head) {
  const size_t nl = head.find('\n');
  if (nl == std::string_view::npos && head.size() >= internal::kSniffBytes) {
    const std::string_view t = internal::TrimSpace(head);
    return t.starts_with("{\"") || t.starts_with("{ \"");
  }
  const std::string_view line = head.substr(0, nl);
  if (internal::JsonTooDeep(line, internal::kMaxJsonDepth)) return false;
  const auto j = nlohmann::json::parse(line, nullptr, false);
  return j.is_object();
}

std::string_view FirstLine(std::string_view s) {
  s = s.substr(0, s.find('\n'));
  return s;
}

}  // namespace

Format DetectFormat(std::string_view name, std::string_view head) {
  head = head.substr(0, internal::kSniffBytes);
  head.remove_prefix(internal::BomLength(head));
  const std::string ext = Extension(name);
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonLines;
  if (ext == "csv") return Format::kCsv;
  // Skip leading white space to the first line with content.
  size_t start = 0;
  while (start < head.size() && std::isspace(static_cast<unsigned char>(head[start]))) ++start;
  while (start > 0 && head[start - 1] != '\n') --start;
  const std::string_view rest = head.substr(start);
  const std::string_view trimmed = internal::TrimSpace(rest);
  if (ext == "json") return trimmed.starts_with('{') ? Format::kJsonLines : Format::kAuto;
  if (trimmed.starts_with('{') && FirstLineIsObject(trimmed)) return Format::kJsonLines;
  if (internal::IsDatelineLine(FirstLine(rest))) return Format::kWire;
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
    case Format::kAuto:
      break;
  }
  sink.OnError(
      internal::MakeError(origin_path, 0, ErrorCode::kUnknownFormat,
                          "unknown format: a .json file must hold JSON Lines (one object per "
                          "line); use --input-format to choose a reader"));
}

}  // namespace annals
