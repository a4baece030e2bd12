// CoNLL-U: the Universal Dependencies file format, read and written.
//
// A sentence is comment lines ("# text = ..."), then one line per word with
// ten tab-separated columns, then a blank line. Multi-word token lines
// ("3-4 don't") and empty nodes ("5.1") are not words: they are kept
// verbatim, in place, so that writing a sentence back gives the input with
// only the columns a caller changed.
//
// Bad input is reported per sentence with the file's line number and the
// reason; the reader then skips to the next blank line and goes on.
#ifndef ANNALS_SYNTAX_CONLLU_H_
#define ANNALS_SYNTAX_CONLLU_H_

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace annals::syntax {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats;
  int head = -1;  // 0 = the root, -1 = "_" (not given)
  std::string deprel, deps, misc;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // whole lines, "#" included
  std::vector<ConlluWord> words;      // word i has ID i + 1
  // Multi-word token and empty-node lines, verbatim, with the number of
  // words that come before them.
  struct Extra {
    size_t after_words = 0;
    std::string line;
  };
  std::vector<Extra> extras;
  uint64_t line = 0;  // 1-based line of the sentence's first line
};

// The most words a sentence may have; longer ones are reported as errors
// (a parser's work grows with length, and no real sentence is this long).
inline constexpr size_t kMaxConlluWords = 1000;

class ConlluReader {
 public:
  // `name` is used in error messages ("train.conllu:123: ...").
  ConlluReader(std::istream& in, std::string name);

  // Reads the next sentence into *out. Returns false at the end of input.
  // When the sentence is malformed, *error is set ("name:line: reason"),
  // *out is unspecified, and the call still returns true; on success
  // *error is cleared.
  bool Next(ConlluSentence* out, std::string* error);

 private:
  bool ParseWord(std::string_view line, ConlluSentence* out, std::string* reason);

  std::istream& in_;
  std::string name_;
  uint64_t line_no_ = 0;
  std::string line_;
};

// Appends the sentence in CoNLL-U, blank line included.
void WriteConllu(const ConlluSentence& sentence, std::string* out);

// Reads every sentence of a file; stops at the first malformed one with
// *error set. For training and evaluation, where bad data is fatal.
bool ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out, std::string* error);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_CONLLU_H_
