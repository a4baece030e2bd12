#include "knowledge/words.h"

namespace annals::knowledge {

Words::Words(const Document& doc, std::string& buffer, const Vocabulary& vocab,
             std::vector<uint32_t>& ids)
    : doc_(doc), lower_(buffer), ids_(ids) {
  buffer.assign(doc.text);
  for (char& c : buffer)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  ids.resize(2 * doc.tokens.size());
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const TokenKind k = doc.tokens[t].kind;
    if (k != TokenKind::kWord && k != TokenKind::kQuote) {
      ids[2 * t] = ids[2 * t + 1] = kNoWord;
      continue;
    }
    const std::string_view lower = Lower(t), lemma = Lemma(t);
    ids[2 * t] = vocab.Find(lower);
    ids[2 * t + 1] = lemma == lower ? ids[2 * t] : vocab.Find(lemma);
  }
}

std::string_view Words::Lower(uint32_t t) const {
  const Token& tok = doc_.tokens[t];
  // A norm is set for typographic marks and the like; only then can the
  // lower-cased text differ from what the rules expect.
  if (!tok.norm.empty()) return tok.norm;
  return std::string_view(lower_).substr(tok.span.begin, tok.span.size());
}

std::string_view Words::Lemma(uint32_t t) const {
  const Token& tok = doc_.tokens[t];
  return tok.lemma.empty() ? Lower(t) : std::string_view(tok.lemma);
}

bool Words::Capitalised(uint32_t t) const {
  const Span s = doc_.tokens[t].span;
  return s.size() > 0 && doc_.text[s.begin] >= 'A' && doc_.text[s.begin] <= 'Z';
}

}  // namespace annals::knowledge
