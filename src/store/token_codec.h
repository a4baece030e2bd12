// Internal header (not public API): the packed binary form of a Document's
// tokens, stored in documents.tokens.
//
// Why a blob and not a table: a document has hundreds of tokens and they are
// always read and written together; one row per token would make the store
// ten times larger and slower for no query anyone runs. The blob is compact
// (about 4 bytes per token before tags) and versioned by its first byte.
//
// Format v1 (all integers LEB128 varints, little-endian by construction;
// signed values zigzag-encoded):
//   u8      format byte, kTokenFormatV1 = 1
//   varint  token count
//   per token i:
//     zigzag  begin - previous token's end (0 for the first: previous end 0)
//     zigzag  end - begin
//     u8      flags: bits 0-2 TokenKind, bit 3 space_after, bit 4 norm
//             present, bit 5 lemma present, bit 6 tags present, bit 7 head
//             present
//     [varint length + bytes]  norm, if bit 4
//     [varint length + bytes]  lemma, if bit 5
//     [u8 upos, u8 xpos, u8 deprel]  if bit 6 (any of them non-zero)
//     [zigzag head - i]        if bit 7 (head >= 0)
// The empty token list encodes as a zero-length blob.
//
// Decoding checks every length against the bytes left, so a corrupt blob
// yields a kStore Status, never a crash or a huge allocation.
//
// Tested by token_codec_test.cc.
#ifndef ANNALS_STORE_TOKEN_CODEC_H_
#define ANNALS_STORE_TOKEN_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals::internal {

inline constexpr uint8_t kTokenFormatV1 = 1;

// Appends the packed form of `tokens` to *out (after clearing it).
void EncodeTokens(const std::vector<Token>& tokens, std::string* out);

// Replaces *tokens with the tokens packed in `blob`.
Status DecodeTokens(std::string_view blob, std::vector<Token>* tokens);

}  // namespace annals::internal

#endif  // ANNALS_STORE_TOKEN_CODEC_H_
