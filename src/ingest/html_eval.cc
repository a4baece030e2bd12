// The article-extraction benchmark's metric and runner; see html_eval.h.
//
// Tested by html_eval_test.cc.
#include "ingest/html_eval.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/html.h"

namespace annals::internal {
namespace {

bool IsWordChar(UChar32 c) {
  if (c == '_') return true;
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

std::unordered_map<std::string, int> Shingles(std::string_view text) {
  constexpr size_t kN = 4;
  const std::vector<std::string> words = BenchmarkWords(text);
  std::unordered_map<std::string, int> counts;
  const size_t starts = words.size() >= kN ? words.size() - kN + 1 : 1;
  for (size_t i = 0; i < starts && i < words.size(); ++i) {
    std::string key;
    for (size_t j = i; j < i + kN && j < words.size(); ++j) {
      key += words[j];
      key.push_back('\x1F');  // not a word character, so keys cannot collide
    }
    ++counts[key];
  }
  return counts;
}

}  // namespace

double ShingleMatch::Precision() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fp == 0) return 0.0;
  return tp / (tp + fp);
}

double ShingleMatch::Recall() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fn == 0) return 0.0;
  return tp / (tp + fn);
}

std::vector<std::string> BenchmarkWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c >= 0 && IsWordChar(c)) {
      word.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

ShingleMatch MatchShingles(std::string_view gold, std::string_view predicted) {
  const auto g = Shingles(gold), p = Shingles(predicted);
  ShingleMatch m;
  for (const auto& [key, count] : g) {
    const auto it = p.find(key);
    const int other = it == p.end() ? 0 : it->second;
    m.tp += std::min(count, other);
    m.fn += std::max(0, count - other);
  }
  for (const auto& [key, count] : p) {
    const auto it = g.find(key);
    m.fp += std::max(0, count - (it == g.end() ? 0 : it->second));
  }
  const double sum = m.tp + m.fp + m.fn;
  if (sum > 0) {
    m.tp /= sum;
    m.fp /= sum;
    m.fn /= sum;
  }
  return m;
}

void Summarise(ExtractionScore* score) {
  double p = 0, r = 0;
  size_t np = 0, nr = 0;
  for (const PageScore& page : score->pages) {
    const ShingleMatch& m = page.match;
    if (m.tp + m.fp > 0) {
      p += m.Precision();
      ++np;
    }
    if (m.tp + m.fn > 0) {
      r += m.Recall();
      ++nr;
    }
  }
  score->precision = np ? p / static_cast<double>(np) : 0;
  score->recall = nr ? r / static_cast<double>(nr) : 0;
  const double sum = score->precision + score->recall;
  score->f1 = sum > 0 ? 2 * score->precision * score->recall / sum : 0;
}

Status EvaluateExtraction(const std::string& dir, ExtractionScore* out) {
  *out = ExtractionScore();
  const std::string truth_path = dir + "/ground-truth.json";
  std::ifstream truth_file(truth_path);
  if (!truth_file) return Status(ErrorCode::kIo, "cannot read " + truth_path);
  const nlohmann::json truth = nlohmann::json::parse(truth_file, nullptr, false);
  if (!truth.is_object()) return Status(ErrorCode::kBadJson, truth_path + " is not a JSON object");
  for (const auto& [key, value] : truth.items()) {
    PageScore page;
    page.key = key;
    std::string gold;
    if (value.is_object())
      if (auto it = value.find("articleBody"); it != value.end() && it->is_string()) gold = *it;
    const std::string path = dir + "/html/" + key + ".html.gz";
    std::ifstream in(path, std::ios::binary);
    std::string predicted;
    if (!in) {
      page.error = "cannot read " + path;
    } else {
      std::ostringstream bytes;
      bytes << in.rdbuf();
      HtmlArticle article;
      const Status st = ExtractHtmlArticle(bytes.str(), HtmlOptions{}, &article);
      if (st.ok()) {
        predicted = std::move(article.text);
      } else {
        page.error = st.ToString();
      }
    }
    page.match = MatchShingles(gold, predicted);
    out->pages.push_back(std::move(page));
  }
  if (out->pages.empty()) return Status(ErrorCode::kIo, truth_path + " lists no pages");
  Summarise(out);
  return Status::Ok();
}

}  // namespace annals::internal
