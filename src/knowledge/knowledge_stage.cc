#include <memory>

#include "annals/knowledge.h"
#include "knowledge/counts.h"
#include "knowledge/dates.h"
#include "knowledge/knowledge_data.h"
#include "knowledge/quotes.h"
#include "knowledge/tone.h"
#include "knowledge/words.h"

namespace annals {
namespace {

class KnowledgeStage final : public Stage {
 public:
  explicit KnowledgeStage(std::shared_ptr<const knowledge::KnowledgeData> data)
      : data_(std::move(data)) {}
  std::string_view name() const override { return "knowledge.v1"; }
  uint32_t requires_layers() const override { return kLayerSyntax; }
  uint32_t assigns_layers() const override { return kLayerKnowledge; }

  Status Process(Document& doc, Scratch& scratch) const override {
    doc.quotes.clear();
    doc.counts.clear();
    doc.tones.clear();
    doc.dates.clear();
    doc.framings.clear();
    doc.themes.clear();
    const knowledge::Words words(doc, scratch.bytes, data_->vocab, scratch.ints);
    knowledge::FindDates(*data_, words, doc);
    knowledge::DateEvents(doc);
    knowledge::FindCounts(*data_->counts, doc);
    knowledge::FindQuotes(*data_, words, doc);
    knowledge::ScoreTone(*data_, words, doc);
    knowledge::FindFramings(*data_, words, doc);
    knowledge::FindThemes(*data_, words, doc);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const knowledge::KnowledgeData> data_;
};

}  // namespace

std::unique_ptr<Stage> MakeKnowledgeStage(std::shared_ptr<const knowledge::KnowledgeData> data) {
  return std::make_unique<KnowledgeStage>(std::move(data));
}

}  // namespace annals
