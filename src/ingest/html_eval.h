// Internal (not part of the public API): scoring article extraction the
// way the article-extraction-benchmark (Zyte/Scrapinghub, 2019) does, so
// that `annals extract --evaluate` reports the figure that benchmark's
// own evaluate.py would print for annals' output.
//
// The metric: words are runs of Unicode letters, digits and underscores
// (Python's \w, case kept); a text's shingles are its word 4-grams (one
// shorter shingle when it has fewer than four words), counted. Per page,
// true positives are the shared counts, false positives and negatives the
// surplus on either side, normalised to sum to one so that long pages do
// not weigh more. Precision is averaged over the pages that predicted
// anything, recall over the pages whose gold text has any words; F1 is
// the harmonic mean of the two averages.
//
// Tested by html_eval_test.cc.
#ifndef ANNALS_INGEST_HTML_EVAL_H_
#define ANNALS_INGEST_HTML_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals::internal {

struct ShingleMatch {
  double tp = 0, fp = 0, fn = 0;  // normalised: they sum to 1 (or are all 0)
  double Precision() const;
  double Recall() const;
};

// The benchmark's words of `text`, in order.
std::vector<std::string> BenchmarkWords(std::string_view text);
ShingleMatch MatchShingles(std::string_view gold, std::string_view predicted);

struct PageScore {
  std::string key;  // file name without .html.gz
  ShingleMatch match;
  std::string error;  // why extraction failed (then the prediction was empty)
};

struct ExtractionScore {
  std::vector<PageScore> pages;  // in the ground truth's key order
  double precision = 0, recall = 0, f1 = 0;
};

// Averages as the benchmark does (see the top of this file).
void Summarise(ExtractionScore* score);

// Runs ExtractHtmlArticle on every page of a benchmark folder
// (ground-truth.json: {key: {"articleBody": ...}}, html/<key>.html.gz) and
// scores the text against articleBody. kIo / kBadJson when the folder is
// not one.
Status EvaluateExtraction(const std::string& dir, ExtractionScore* out);

}  // namespace annals::internal

#endif  // ANNALS_INGEST_HTML_EVAL_H_
