// Stage: one step of the pipeline that takes a Document and enriches it.
//
// A stage is built once (tables loaded, rules compiled) and is then immutable
// and safe to call from many threads at once; everything that changes per
// document lives in Scratch, one per worker thread, reused across documents.
//
// A stage that cannot handle a document returns a non-OK Status: the batch
// records it against that document and goes on with the next.
#ifndef ANNALS_STAGE_H_
#define ANNALS_STAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

// What a stage needs before it runs and what it fills; Pipeline checks the
// order once when it is built.
enum Layer : uint32_t {
  kLayerText = 1u << 0,       // Document::text holds raw text from a reader
  kLayerCleanText = 1u << 1,  // text normalised, content_hash set
  kLayerTokens = 1u << 2,     // paragraphs and tokens
  kLayerSentences = 1u << 3,  // sentences
  kLayerSyntax = 1u << 4,     // tags, lemmas, dependency trees, chunks
  kLayerActors = 1u << 5,     // actor mentions and actors
  kLayerEvents = 1u << 6,     // coded events
  kLayerPlaces = 1u << 7,     // resolved places; events tied to them
  kLayerKnowledge = 1u << 8,  // quotes, counts, dates, tone, framing, themes
};

// Per-thread reusable buffers. Stages may use them freely within one
// Process() call; contents are undefined on entry.
struct Scratch {
  std::string bytes;
  std::string bytes2;
  std::vector<uint32_t> ints;
};

class Stage {
 public:
  virtual ~Stage() = default;
  // Versioned name, e.g. "tokenize.v2": stored with results.
  virtual std::string_view name() const = 0;
  virtual uint32_t requires_layers() const = 0;
  virtual uint32_t assigns_layers() const = 0;
  virtual Status Process(Document& doc, Scratch& scratch) const = 0;
};

}  // namespace annals

#endif  // ANNALS_STAGE_H_
