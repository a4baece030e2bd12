// Internal (not part of the public API): splits clean text into paragraphs.
// Tested by paragraphs_test.cc.
#ifndef ANNALS_TEXT_PARAGRAPHS_H_
#define ANNALS_TEXT_PARAGRAPHS_H_

#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals::internal {

// Appends to `out` one Paragraph per paragraph of `text` (spans trimmed of
// the tokenizer's space class, NBSP included; sentence ranges left empty).
// A blank line (maybe holding such spaces) always ends a paragraph; a
// single line break ends one when the line before it ends a sentence or
// looks like a heading, it does not end in an abbreviation that continues
// the sentence ("Mr."), and the next line does not start in lower case.
// Otherwise the break is taken as hard wrapping.
// `text` must be shorter than 4 GiB.
void FindParagraphs(std::string_view text, std::vector<Paragraph>* out);

}  // namespace annals::internal

#endif  // ANNALS_TEXT_PARAGRAPHS_H_
