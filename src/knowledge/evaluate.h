// Internal: scoring knowledge.v1 on the golden sets of
// tests/golden/knowledge (quotes.jsonl, counts.jsonl, dates.jsonl) the way
// their README says: expected entries located by their text in order,
// output matched by span, then the tuple compared.
#ifndef ANNALS_KNOWLEDGE_EVALUATE_H_
#define ANNALS_KNOWLEDGE_EVALUATE_H_

#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "annals/status.h"

namespace annals::knowledge {

struct Score {
  int expected = 0;  // golden entries
  int produced = 0;  // system entries
  int right = 0;     // produced entries matching an expected one in every field
  int found = 0;     // expected entries matched
  double Precision() const { return produced ? 1.0 * right / produced : 1.0; }
  double Recall() const { return expected ? 1.0 * found / expected : 1.0; }
};

struct KnowledgeScore {
  int documents = 0;
  Score quotes, counts, dates;
  // Not gated, reported: CAMEO codes of speakers and attribution chains.
  int codes = 0, codes_right = 0, reporters = 0, reporters_right = 0;
  // One line per miss or extra: "id<TAB>file<TAB>missed|wrong|extra<TAB>detail".
  std::vector<std::string> errors;
};

// Runs `pipeline` on every golden document under `dir` and scores it.
// kNotFound when a file is missing, kInvalidArgument for a malformed line.
StatusOr<KnowledgeScore> EvaluateKnowledge(const std::string& dir, const Pipeline& pipeline);

// The figures as the CLI prints them.
std::string FormatScore(const KnowledgeScore& s);

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_EVALUATE_H_
