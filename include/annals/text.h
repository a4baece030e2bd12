// The text stages: cleaning, tokenisation and sentence segmentation.
//
//   normalize.v1  repairs mojibake (UTF-8 read as Latin-1/CP1252), drops
//                 control characters, normalises line ends and applies NFC;
//                 keeps typographic quotes and dashes (tokens record their
//                 ASCII form in Token::norm). Sets Document::content_hash.
//   tokenize.v2   paragraphs (blank lines, or single line breaks in wire
//                 text) and tokens with byte spans.
//   segment.v1    sentences over the tokens: abbreviations (U.S., Gen.,
//                 Sept.), initials, decimals, closing quotes, datelines.
//
// Each factory returns a stage that is immutable and thread-safe.
#ifndef ANNALS_TEXT_H_
#define ANNALS_TEXT_H_

#include <memory>
#include <string>
#include <string_view>

#include "annals/stage.h"

namespace annals {

std::unique_ptr<Stage> MakeNormalizeStage();
std::unique_ptr<Stage> MakeTokenizeStage();
std::unique_ptr<Stage> MakeSegmentStage();

// Lower-level entry points, also used by tests, fuzzers and benchmarks.

// Rewrites `text` as clean NFC UTF-8 (see normalize.v1). `text` must be
// valid UTF-8. Returns the number of mojibake sequences repaired.
size_t NormalizeText(std::string& text, std::string& scratch);

// True when `bytes` is well-formed UTF-8; otherwise *bad_offset is the byte
// offset of the first ill-formed sequence.
bool IsValidUtf8(std::string_view bytes, size_t* bad_offset);

}  // namespace annals

#endif  // ANNALS_TEXT_H_
