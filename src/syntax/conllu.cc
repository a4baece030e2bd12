#include "syntax/conllu.h"

#include <charconv>
#include <fstream>

namespace annals::syntax {
namespace {

// Splits on tabs; false unless there are exactly ten columns.
bool SplitColumns(std::string_view line, std::string_view cols[10]) {
  size_t n = 0;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    if (n == 10) return false;
    cols[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return n == 10;
}

bool ParseUint(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 9) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string Field(std::string_view s) { return std::string(s); }

}  // namespace

ConlluReader::ConlluReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}

bool ConlluReader::ParseWord(std::string_view line, ConlluSentence* out, std::string* reason) {
  std::string_view c[10];
  if (!SplitColumns(line, c)) {
    *reason = "expected 10 tab-separated columns";
    return false;
  }
  const std::string_view id = c[0];
  if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
    out->extras.push_back({out->words.size(), std::string(line)});
    return true;
  }
  uint64_t n = 0;
  if (!ParseUint(id, &n)) {
    *reason = "bad ID '" + std::string(id) + "'";
    return false;
  }
  if (n != out->words.size() + 1) {
    *reason = "ID " + std::string(id) + " out of sequence (expected " +
              std::to_string(out->words.size() + 1) + ")";
    return false;
  }
  if (out->words.size() >= kMaxConlluWords) {
    *reason = "sentence longer than " + std::to_string(kMaxConlluWords) + " words";
    return false;
  }
  if (c[1].empty()) {
    *reason = "empty FORM";
    return false;
  }
  ConlluWord w;
  w.form = Field(c[1]);
  w.lemma = Field(c[2]);
  w.upos = Field(c[3]);
  w.xpos = Field(c[4]);
  w.feats = Field(c[5]);
  if (c[6] != "_") {
    uint64_t head = 0;
    if (!ParseUint(c[6], &head) || head > kMaxConlluWords) {
      *reason = "bad HEAD '" + std::string(c[6]) + "'";
      return false;
    }
    w.head = static_cast<int>(head);
  }
  w.deprel = Field(c[7]);
  w.deps = Field(c[8]);
  w.misc = Field(c[9]);
  out->words.push_back(std::move(w));
  return true;
}

bool ConlluReader::Next(ConlluSentence* out, std::string* error) {
  *out = ConlluSentence();
  error->clear();
  std::string reason;
  uint64_t bad_line = 0;
  bool any = false;
  while (std::getline(in_, line_)) {
    ++line_no_;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (line_.empty()) {
      if (!any) continue;  // blank lines between sentences
      break;
    }
    if (!any) out->line = line_no_;
    any = true;
    if (!reason.empty()) continue;  // skipping the rest of a bad sentence
    if (line_[0] == '#') {
      out->comments.push_back(line_);
    } else if (!ParseWord(line_, out, &reason)) {
      bad_line = line_no_;
    }
  }
  if (!any) return false;
  if (reason.empty()) {
    if (out->words.empty()) {
      reason = "sentence has no words";
      bad_line = out->line;
    } else {
      for (size_t i = 0; i < out->words.size(); ++i) {
        if (out->words[i].head > static_cast<int>(out->words.size())) {
          reason = "HEAD " + std::to_string(out->words[i].head) + " of word " +
                   std::to_string(i + 1) + " is past the sentence's last word";
          bad_line = out->line;
          break;
        }
      }
    }
  }
  if (!reason.empty()) *error = name_ + ":" + std::to_string(bad_line) + ": " + reason;
  return true;
}

void WriteConllu(const ConlluSentence& s, std::string* out) {
  for (const std::string& c : s.comments) {
    out->append(c);
    out->push_back('\n');
  }
  size_t extra = 0;
  auto put = [out](std::string_view v) { out->append(v.empty() ? std::string_view("_") : v); };
  for (size_t i = 0; i <= s.words.size(); ++i) {
    while (extra < s.extras.size() && s.extras[extra].after_words == i) {
      out->append(s.extras[extra++].line);
      out->push_back('\n');
    }
    if (i == s.words.size()) break;
    const ConlluWord& w = s.words[i];
    out->append(std::to_string(i + 1));
    for (const std::string* f : {&w.form, &w.lemma, &w.upos, &w.xpos, &w.feats}) {
      out->push_back('\t');
      put(*f);
    }
    out->push_back('\t');
    out->append(w.head < 0 ? "_" : std::to_string(w.head));
    for (const std::string* f : {&w.deprel, &w.deps, &w.misc}) {
      out->push_back('\t');
      put(*f);
    }
    out->push_back('\n');
  }
  out->push_back('\n');
}

bool ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  ConlluReader reader(in, path);
  ConlluSentence s;
  while (reader.Next(&s, error)) {
    if (!error->empty()) return false;
    out->push_back(std::move(s));
  }
  return true;
}

}  // namespace annals::syntax
