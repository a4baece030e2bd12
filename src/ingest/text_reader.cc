// Readers for single-document text files: wire stories and plain text.
//
// A wire story is a small header of lines (dateline, headline, "Story Code
// : N") followed by the body. The header is read line by line from the top;
// nothing is searched for further down, so a body that mentions a date or a
// story code is left alone. Body datelines ("GAZA CITY (Reuters) - ...") are
// recognised in any reader's body but never cut out of the text: they are
// part of what the story says.
//
// Tested by text_reader_test.cc.
#include <cctype>
#include <string>
#include <string_view>

#include "annals/ingest.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

using internal::TrimSpace;

// The line starting at *pos (without its line end); advances *pos past it.
std::string_view NextLine(std::string_view s, size_t* pos) {
  const size_t start = *pos;
  size_t end = s.find('\n', start);
  if (end == std::string_view::npos) end = s.size();
  *pos = end < s.size() ? end + 1 : end;
  std::string_view line = s.substr(start, end - start);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

// The next line that is not blank, trimmed; empty at the end of `s`.
std::string_view NextNonBlank(std::string_view s, size_t* pos) {
  while (*pos < s.size()) {
    const std::string_view line = TrimSpace(NextLine(s, pos));
    if (!line.empty()) return line;
  }
  return {};
}

// "Story Code : 1125138", any case and spacing.
bool ParseStoryCode(std::string_view line, std::string* code) {
  std::string letters;
  size_t i = 0;
  for (; i < line.size() && i < 16 && line[i] != ':'; ++i) {
    const char c = line[i];
    if (c != ' ' && c != '\t')
      letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (letters != "storycode" || i >= line.size() || line[i] != ':') return false;
  const std::string_view value = TrimSpace(line.substr(i + 1));
  if (value.empty() || value.size() > 64) return false;
  *code = std::string(value);
  return true;
}

void Refuse(const Status& status, const std::string& path, RecordSink& sink) {
  sink.OnError(internal::MakeError(path, 0, status.code(), status.message()));
}

bool IsPlaceByte(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '\'' || c >= 0x80;
}

// Length of a dash ("-", "--", en or em dash) at s[i], 0 if none.
size_t DashAt(std::string_view s, size_t i) {
  const std::string_view rest = s.substr(i);
  if (rest.starts_with("--")) return 2;
  if (rest.starts_with("-")) return 1;
  if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94")) return 3;
  return 0;
}

// `s` lower-cased with runs of white space made one space, for comparing
// a repeated headline with the first.
std::string Folded(std::string_view s) {
  std::string out;
  for (const char c : TrimSpace(s)) {
    const bool space = c == ' ' || c == '\t';
    if (space && !out.empty() && out.back() == ' ') continue;
    out.push_back(space ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// A first paragraph rather than a headline: long, or ending like a sentence.
bool IsLeadParagraph(std::string_view line) {
  return line.size() > 150 || internal::EndsSentence(line);
}

// Reads the header lines after the dateline (from `pos`) into `doc`: the
// headline, its repetition and "Story Code : N", in any order; returns
// where the body starts. `dated`: a dateline line came first, after which a
// lead paragraph means the story has no headline.
size_t ReadWireHeader(std::string_view bytes, size_t pos, bool dated, Document& doc) {
  bool have_title = false, have_code = false, have_repeat = false;
  size_t body_start = pos;
  while (pos < bytes.size()) {
    const std::string_view line = NextNonBlank(bytes, &pos);
    std::string code;
    if (!have_code && ParseStoryCode(line, &code)) {
      doc.metadata.emplace_back("story_code", internal::JsonQuote(code));
      have_code = true;
    } else if (!have_title && !line.empty() && !(dated && IsLeadParagraph(line))) {
      doc.title = std::string(line);
      have_title = true;
    } else if (have_title && !have_repeat && Folded(line) == Folded(doc.title)) {
      have_repeat = true;  // wire pages print the headline again above the body
    } else {
      break;
    }
    body_start = pos;
  }
  return body_start;
}

}  // namespace

namespace internal {

bool EndsSentence(std::string_view line) {
  line = TrimSpace(line);
  // Closing quotes: " ' and the curly ones (U+201D, U+2019), and guillemets.
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const std::string_view q : {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"}) {
      if (line.ends_with(q)) {
        line.remove_suffix(q.size());
        stripped = true;
      }
    }
  }
  return line.ends_with('.') || line.ends_with('?') || line.ends_with('!') ||
         line.ends_with("\xE2\x80\xA6");
}

std::string BodyDatelinePlace(std::string_view body) {
  const std::string_view s = body.substr(0, 160);
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // A hyphen inside a name ("PORT-AU-PRINCE"), not the separator.
    const bool inner_hyphen = c == '-' && i + 1 < s.size() && s[i + 1] >= 'A' && s[i + 1] <= 'Z';
    if (!IsPlaceByte(c) && !inner_hyphen) break;
    ++i;
  }
  const std::string_view place = TrimSpace(s.substr(0, i));
  size_t upper = 0;
  for (char c : place) upper += (c >= 'A' && c <= 'Z');
  if (upper < 2 || place.size() > 48) return {};
  size_t j = i;
  if (j < s.size() && s[j] == ',') {  // ", March 25" or ", Ukraine"
    size_t k = j + 1;
    while (k < s.size() && k - j < 40 && s[k] != '(' && s[k] != '\n' &&
           !(s[k] == ' ' && DashAt(s, k + 1) > 0))
      ++k;
    if (k - j >= 40 || k >= s.size() || s[k] == '\n') return {};
    j = k;
  }
  while (j < s.size() && s[j] == ' ') ++j;
  if (j < s.size() && s[j] == '(') {  // "(Reuters)"
    const size_t close = s.find(')', j);
    if (close == std::string_view::npos || close - j > 40) return {};
    j = close + 1;
    while (j < s.size() && s[j] == ' ') ++j;
  }
  const size_t dash = DashAt(s, j);
  if (dash == 0) return {};
  j += dash;
  if (j < s.size() && s[j] != ' ' && s[j] != '\n') return {};
  return std::string(place);
}

}  // namespace internal

void ReadWireText(std::string_view bytes, const std::string& path, const ReadOptions& options,
                  RecordSink& sink) {
  bytes.remove_prefix(internal::BomLength(bytes));
  if (Status st = internal::CheckDocumentBytes(bytes, options); !st.ok())
    return Refuse(st, path, sink);
  Document doc = internal::NewDocument(path, 0, "wire", options);
  size_t pos = 0;
  const std::string_view first = NextNonBlank(bytes, &pos);
  PublishedTime when;
  const bool dated = internal::IsDatelineLine(first) && internal::ParseAnyDate(first, &when);
  if (dated) {
    doc.published = when;
  } else {
    doc.diagnostics.push_back({"ingest", ErrorCode::kOk, "wire story without a dateline line"});
    pos = 0;
  }
  const size_t body_start = ReadWireHeader(bytes, pos, dated, doc);
  std::string_view body = TrimSpace(bytes.substr(body_start));
  if (body.empty() && !doc.title.empty()) {
    // Nothing but a headline: it is all the story says, so it is the text.
    doc.text = std::move(doc.title);
    doc.title.clear();
  } else if (body.empty()) {
    return Refuse(Status(ErrorCode::kEmptyDocument, "wire story has no body text"), path, sink);
  } else {
    doc.text = std::string(body);
  }
  doc.dateline_place = internal::BodyDatelinePlace(doc.text);
  sink.OnDocument(std::move(doc));
}

void ReadPlainText(std::string_view bytes, const std::string& path, const ReadOptions& options,
                   RecordSink& sink) {
  bytes.remove_prefix(internal::BomLength(bytes));
  if (Status st = internal::CheckDocumentBytes(bytes, options); !st.ok())
    return Refuse(st, path, sink);
  Document doc = internal::NewDocument(path, 0, "text", options);
  std::string_view text = TrimSpace(bytes);
  // A title is a short first line that neither ends like a sentence nor
  // opens with a body dateline, set off by a blank line; it moves out of
  // the body so it is not counted twice.
  size_t pos = 0;
  const std::string_view first = TrimSpace(NextLine(text, &pos));
  if (first.size() < 150 && !internal::EndsSentence(first) &&
      internal::BodyDatelinePlace(first).empty() && pos < text.size()) {
    size_t after = pos;
    const std::string_view second = NextLine(text, &after);
    const std::string_view rest = TrimSpace(text.substr(pos));
    if (TrimSpace(second).empty() && !rest.empty()) {
      doc.title = std::string(first);
      text = rest;
    }
  }
  doc.text = std::string(text);
  doc.dateline_place = internal::BodyDatelinePlace(doc.text);
  sink.OnDocument(std::move(doc));
}

}  // namespace annals
