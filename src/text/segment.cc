// segment.v1: sentences over the tokens, one paragraph at a time.
//
// A sentence can end only after a terminal token: ".", "!", "?", "...",
// U+2026, or a word that kept its period (abbreviation, initial, "U.S.").
// Closing quotes and brackets glued to the terminal belong to the sentence
// it ends ('..go." Then' splits after the quote). Whether the sentence
// really ends is decided by the token after that:
//   - after . ! ? ...: a lower-case word or , ; : continues the sentence
//     ('"Will you?" she asked.' is one sentence), and so does a quoted
//     question followed by a speaker ('"Why?" Johnson asked.'); anything
//     else splits;
//   - after an abbreviation, by its kind (abbreviations.h) and the first
//     word after any opening quote or bracket: titles split only before a
//     closed-class word ("Hun Sen. The"), "U.S."-like ones only before a
//     sentence-starting word ("The", "But"), "etc."-like ones before any
//     capitalised word, clock times before one that is not a day, month or
//     time zone.
// Paragraph ends always end a sentence (headlines without punctuation), and
// a sentence that reaches kMaxSentenceTokens is cut there (budget).
// Datelines ("GAZA CITY (Reuters) - Israeli ...") have no terminal, so
// they stay in the first sentence without a special rule.
//
// Tested by segment_test.cc.
#include <cstdint>

#include "annals/text.h"
#include "text/abbreviations.h"
#include "text/char_class.h"

namespace annals {
namespace {

using internal::AbbrevKind;
using internal::CharAt;
using internal::CharClass;

constexpr uint32_t kMaxSentenceTokens = 1000;

enum class Terminal { kNone, kStrong, kAbbreviation };

class Segmenter {
 public:
  explicit Segmenter(Document& doc) : doc_(doc) {}

  // Appends the sentences of tokens [begin, end) of paragraph `para`.
  void Paragraph(uint32_t begin, uint32_t end, uint32_t para) {
    uint32_t start = begin;
    uint32_t t = begin;
    while (t < end) {
      const Terminal term = TerminalKind(t);
      if (term != Terminal::kNone) {
        uint32_t k = t + 1;
        while (k < end && k - start < kMaxSentenceTokens && !doc_.tokens[k - 1].space_after &&
               IsCloser(k)) {
          ++k;
        }
        if (k >= end || k - start >= kMaxSentenceTokens || Splits(term, t, k, end)) {
          Emit(start, k, para);
          start = k;
          t = k;
          continue;
        }
      }
      ++t;
      if (t - start >= kMaxSentenceTokens) {
        Emit(start, t, para);
        start = t;
      }
    }
    if (start < end) Emit(start, end, para);
  }

 private:
  std::string_view Surface(uint32_t t) const { return doc_.Text(doc_.tokens[t].span); }

  Terminal TerminalKind(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    const std::string_view s = Surface(t);
    if (s.empty()) return Terminal::kNone;
    if (tok.kind == TokenKind::kPunct) {
      if (s.find_first_not_of('.') == std::string_view::npos ||
          s.find_first_not_of("!?") == std::string_view::npos || s == "\xE2\x80\xA6") {
        return Terminal::kStrong;
      }
      return Terminal::kNone;
    }
    if (tok.kind == TokenKind::kWord && s.size() >= 2 && s.back() == '.') {
      return Terminal::kAbbreviation;
    }
    return Terminal::kNone;
  }

  bool IsCloser(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    const std::string_view s = Surface(t);
    if (tok.kind == TokenKind::kPunct) return s == ")" || s == "]" || s == "}";
    if (tok.kind != TokenKind::kQuote) return false;
    const char32_t cp = CharAt(s, 0).cp;
    return cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D || cp == 0x00BB || cp == 0x203A;
  }

  bool StartsUpper(uint32_t t) const { return internal::IsUpperCp(CharAt(Surface(t), 0).cp); }

  bool IsOpener(uint32_t t) const {
    const Token& tok = doc_.tokens[t];
    if (tok.kind == TokenKind::kQuote) return true;
    const std::string_view s = Surface(t);
    return tok.kind == TokenKind::kPunct && (s == "(" || s == "[");
  }

  bool IsWordAt(uint32_t t, uint32_t end) const {
    return t < end && doc_.tokens[t].kind == TokenKind::kWord;
  }

  // '"Why?" Johnson asked.': after a quoted question or exclamation, one or
  // two capitalised words and a speech verb continue the sentence. Not when
  // the "speaker" is a pronoun ('"Why not?" He said: ...') or the verb
  // introduces reported speech ('"...?" Mr Blair said he would not ...'):
  // those start a new sentence.
  bool SpeakerFollows(uint32_t next, uint32_t end) const {
    for (uint32_t w = next; w < next + 2 && IsWordAt(w, end) && StartsUpper(w); ++w) {
      if (internal::IsClosedClassStarter(Surface(w))) return false;
      if (IsWordAt(w + 1, end) && IsSpeechVerb(Surface(w + 1))) {
        return !IsWordAt(w + 2, end) || !StartsReportedSpeech(Surface(w + 2));
      }
    }
    return false;
  }

  static bool StartsReportedSpeech(std::string_view w) {
    static constexpr std::string_view kWords[] = {
        "that", "he", "she", "it", "they", "we", "I", "you", "there", "his", "her", "its", "their"};
    for (const std::string_view v : kWords) {
      if (w == v) return true;
    }
    return false;
  }

  static bool IsSpeechVerb(std::string_view w) {
    static constexpr std::string_view kVerbs[] = {"said",  "says",     "asked",  "asks",
                                                  "told",  "added",    "adds",   "replied",
                                                  "wrote", "insisted", "warned", "explained"};
    for (const std::string_view v : kVerbs) {
      if (w == v) return true;
    }
    return false;
  }

  bool StrongSplits(uint32_t t, uint32_t next, uint32_t end) const {
    const std::string_view following = Surface(next);
    if (following == "," || following == ";" || following == ":" || following == ")" ||
        following == "]" || TerminalKind(next) == Terminal::kStrong) {
      return false;  // '?' .' and '!)': the later mark decides
    }
    if (internal::IsLowerCp(CharAt(following, 0).cp)) return false;
    const bool quoted = next > t + 1 && doc_.tokens[next - 1].kind == TokenKind::kQuote;
    const bool question = Surface(t).find_first_of("!?") != std::string_view::npos;
    return !(quoted && question && SpeakerFollows(next, end));
  }

  // Whether the sentence ends before token `next`, given terminal `t`.
  bool Splits(Terminal term, uint32_t t, uint32_t next, uint32_t end) const {
    if (term == Terminal::kStrong) return StrongSplits(t, next, end);
    // An opening quote or bracket says nothing; the word inside decides
    // ('the U.S. "It was hard," he said').
    for (int skip = 0; skip < 2 && next + 1 < end && IsOpener(next); ++skip) ++next;
    const std::string_view following = Surface(next);
    const bool word = doc_.tokens[next].kind == TokenKind::kWord;
    const std::string_view abbrev = Surface(t);
    AbbrevKind kind = internal::LookupAbbreviation(abbrev.substr(0, abbrev.size() - 1));
    if (kind == AbbrevKind::kNone) kind = AbbrevKind::kMayEnd;  // initials
    switch (kind) {
      case AbbrevKind::kNeverEnds:
      case AbbrevKind::kNone:
        return false;
      case AbbrevKind::kTitle:
        return word && internal::IsClosedClassStarter(following);
      case AbbrevKind::kMayEnd:
        return word && internal::IsSentenceStarter(following);
      case AbbrevKind::kEndsBeforeCapital:
        return StartsUpper(next);
      case AbbrevKind::kClockTime:
        return StartsUpper(next) && !internal::IsTimeQualifier(following);
    }
    return false;
  }

  void Emit(uint32_t begin, uint32_t end, uint32_t para) {
    Sentence s;
    s.tokens = IndexRange{begin, end};
    s.span = Span{doc_.tokens[begin].span.begin, doc_.tokens[end - 1].span.end};
    s.paragraph = para;
    doc_.sentences.push_back(s);
  }

  Document& doc_;
};

class SegmentStage : public Stage {
 public:
  std::string_view name() const override { return "segment.v1"; }
  uint32_t requires_layers() const override { return kLayerTokens; }
  uint32_t assigns_layers() const override { return kLayerSentences; }

  Status Process(Document& doc, Scratch&) const override {
    doc.sentences.clear();
    doc.sentences.reserve(doc.tokens.size() / 16 + 4);
    Segmenter seg(doc);
    const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
    if (doc.paragraphs.empty()) {  // hand-built documents: one paragraph
      seg.Paragraph(0, n, 0);
      return Status::Ok();
    }
    uint32_t tok = 0;
    for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
      Paragraph& para = doc.paragraphs[p];
      while (tok < n && doc.tokens[tok].span.begin < para.span.begin) ++tok;
      const uint32_t begin = tok;
      while (tok < n && doc.tokens[tok].span.end <= para.span.end) ++tok;
      const uint32_t first = static_cast<uint32_t>(doc.sentences.size());
      seg.Paragraph(begin, tok, p);
      para.sentences = IndexRange{first, static_cast<uint32_t>(doc.sentences.size())};
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> MakeSegmentStage() { return std::make_unique<SegmentStage>(); }

}  // namespace annals
