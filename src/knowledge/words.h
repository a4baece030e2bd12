// Internal: the words of a document as the knowledge rules compare them.
//
// Lower-casing the whole text once (ASCII only, so every byte offset stays
// the same) lets each rule read a token's lower-case form as a view, with no
// string built per token: the stage must run at tens of MB/s.
#ifndef ANNALS_KNOWLEDGE_WORDS_H_
#define ANNALS_KNOWLEDGE_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "knowledge/vocabulary.h"

namespace annals::knowledge {

class Words {
 public:
  // `buffer` and `ids` are the caller's, reused across documents.
  Words(const Document& doc, std::string& buffer, const Vocabulary& vocab,
        std::vector<uint32_t>& ids);

  uint32_t size() const { return static_cast<uint32_t>(doc_.tokens.size()); }
  // Lower-case surface; typographic quotes and apostrophes as their ASCII
  // norm ("don’t" -> "don't").
  std::string_view Lower(uint32_t t) const;
  // The lemma when the syntax stage gave one, else Lower().
  std::string_view Lemma(uint32_t t) const;
  std::string_view Surface(uint32_t t) const { return doc_.Text(doc_.tokens[t].span); }
  bool Capitalised(uint32_t t) const;
  // Vocabulary ids of Lower() and Lemma(); kNoWord for words no list has.
  uint32_t LowerId(uint32_t t) const { return ids_[2 * t]; }
  uint32_t LemmaId(uint32_t t) const { return ids_[2 * t + 1]; }
  const Token& token(uint32_t t) const { return doc_.tokens[t]; }
  const Document& doc() const { return doc_; }

 private:
  const Document& doc_;
  const std::string& lower_;
  const std::vector<uint32_t>& ids_;
};

// The token's head, or -1 for a root, an unparsed token or a bad index.
// Inline: the tree walks of quotes and dates call it for every word.
inline int32_t HeadOf(const Document& doc, uint32_t t) {
  if (t >= doc.tokens.size()) return -1;
  const int32_t h = doc.tokens[t].head;
  if (h < 0 || static_cast<uint32_t>(h) == t || static_cast<size_t>(h) >= doc.tokens.size())
    return -1;
  return h;
}

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_WORDS_H_
