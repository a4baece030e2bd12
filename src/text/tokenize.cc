// tokenize.v2: paragraphs (paragraphs.cc) and then tokens inside each
// paragraph (tokenizer.cc), so no token ever crosses a paragraph boundary.
//
// Paragraphs that hold no token (only exotic white space) are dropped so
// that every paragraph later holds at least one sentence.
//
// Tested by tokenize_test.cc.
#include <cstdint>
#include <limits>

#include "annals/text.h"
#include "text/paragraphs.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

// An English news token plus its space averages about 5.15 bytes (BBC
// corpus); reserving one token per four bytes covers nearly every article,
// so the (large) token vector is allocated once and never regrown.
constexpr size_t kBytesPerTokenEstimate = 4;

class TokenizeStage : public Stage {
 public:
  std::string_view name() const override { return "tokenize.v2"; }
  uint32_t requires_layers() const override { return kLayerCleanText; }
  uint32_t assigns_layers() const override { return kLayerTokens; }

  Status Process(Document& doc, Scratch&) const override {
    if (doc.text.size() >= std::numeric_limits<uint32_t>::max()) {
      return Status(ErrorCode::kTooLarge, "text of " + std::to_string(doc.text.size()) +
                                              " bytes does not fit 32-bit spans");
    }
    doc.paragraphs.clear();
    doc.sentences.clear();
    doc.tokens.clear();
    internal::FindParagraphs(doc.text, &doc.paragraphs);
    doc.tokens.reserve(doc.text.size() / kBytesPerTokenEstimate + 16);
    size_t kept = 0;
    for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
      const size_t before = doc.tokens.size();
      internal::TokenizeSpan(doc.text, doc.paragraphs[p].span, &doc.tokens);
      if (doc.tokens.size() > before) doc.paragraphs[kept++] = doc.paragraphs[p];
    }
    doc.paragraphs.resize(kept);
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> MakeTokenizeStage() { return std::make_unique<TokenizeStage>(); }

}  // namespace annals
