// Internal (not part of the public API): the tokenizer behind tokenize.v2.
// Tested by tokenize_test.cc.
#ifndef ANNALS_TEXT_TOKENIZER_H_
#define ANNALS_TEXT_TOKENIZER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals::internal {

// A token never spans more bytes than this; longer runs are cut (at a
// character boundary) into several tokens.
inline constexpr size_t kMaxTokenBytes = 256;

// Appends the tokens found in text[range.begin, range.end) to `out`, with
// spans into `text`, kind, space_after and norm (set only when it differs
// from the surface). Linear in the size of the range; never fails, even on
// ill-formed UTF-8 (such bytes become one-byte symbol tokens).
void TokenizeSpan(std::string_view text, Span range, std::vector<Token>* out);

}  // namespace annals::internal

#endif  // ANNALS_TEXT_TOKENIZER_H_
