// TEMPORARY stub so the tree links while the text stages are written.
#include "annals/text.h"

namespace annals {
namespace {
class Nop : public Stage {
 public:
  explicit Nop(std::string_view n, uint32_t r, uint32_t a) : n_(n), r_(r), a_(a) {}
  std::string_view name() const override { return n_; }
  uint32_t requires_layers() const override { return r_; }
  uint32_t assigns_layers() const override { return a_; }
  Status Process(Document&, Scratch&) const override { return Status::Ok(); }
 private:
  std::string_view n_;
  uint32_t r_, a_;
};
}  // namespace
std::unique_ptr<Stage> MakeNormalizeStage() { return std::make_unique<Nop>("normalize.v1", kLayerText, kLayerCleanText); }
std::unique_ptr<Stage> MakeTokenizeStage() { return std::make_unique<Nop>("tokenize.v1", kLayerCleanText, kLayerTokens); }
std::unique_ptr<Stage> MakeSegmentStage() { return std::make_unique<Nop>("segment.v1", kLayerTokens, kLayerSentences); }
size_t NormalizeText(std::string&, std::string&) { return 0; }
bool IsValidUtf8(std::string_view, size_t*) { return true; }
}  // namespace annals
