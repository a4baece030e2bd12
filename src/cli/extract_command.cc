// annals extract: the main text and metadata of web pages as JSON Lines,
// or the article-extraction benchmark's score (--evaluate).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/html.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "ingest/html_eval.h"

namespace annals::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kExtractUsage[] = "FILE... [--format jsonl] | --evaluate DIR [--show-errors]";
constexpr char kExtractSummary[] =
    "Reads web pages (HTML, maybe gzip-compressed; - for standard input) and\n"
    "prints one JSON object per page: file, url (canonical), title, author,\n"
    "published, language and the article's main text, without navigation,\n"
    "adverts, comments, related links and cookie notices\n"
    "(docs/ingest-web.md). A page that fails gives {\"file\", \"error\"} and a\n"
    "message on standard error; the others go on.\n\n"
    "--evaluate scores the extraction on an article-extraction-benchmark\n"
    "folder (ground-truth.json and html/KEY.html.gz) with the benchmark's\n"
    "own metric (word 4-gram shingles; precision and recall averaged over\n"
    "pages; F1 of the averages).\n\n"
    "Exit status: 0 done; 1-100 that many pages failed; 101 output or\n"
    "benchmark folder failure; 102 usage.";

bool ReadAll(const std::string& path, std::string* out) {
  if (path == "-") {
    out->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = std::move(s).str();
  return !in.bad();
}

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

int Evaluate(const std::string& dir, bool show, std::ostream& out, std::ostream& err) {
  internal::ExtractionScore score;
  if (Status s = internal::EvaluateExtraction(dir, &score); !s.ok()) {
    err << "annals extract: " << s.ToString() << "\n";
    return kExitFatal;
  }
  size_t failed = 0;
  for (const auto& p : score.pages) failed += !p.error.empty();
  if (show) {
    std::vector<const internal::PageScore*> pages;
    for (const auto& p : score.pages) pages.push_back(&p);
    auto f1 = [](const internal::PageScore* p) {
      const double a = p->match.Precision(), b = p->match.Recall();
      return a + b > 0 ? 2 * a * b / (a + b) : 0.0;
    };
    std::stable_sort(pages.begin(), pages.end(), [&](auto* a, auto* b) { return f1(a) < f1(b); });
    out << "worst pages (key precision recall):\n";
    for (size_t i = 0; i < pages.size() && i < 20; ++i) {
      char line[256];
      std::snprintf(line, sizeof line, "  %s %.3f %.3f", pages[i]->key.c_str(),
                    pages[i]->match.Precision(), pages[i]->match.Recall());
      out << line << (pages[i]->error.empty() ? "" : " " + pages[i]->error) << "\n";
    }
  }
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "pages %zu (extraction failed on %zu)\nprecision %.4f\nrecall %.4f\nF1 %.4f\n",
                score.pages.size(), failed, score.precision, score.recall, score.f1);
  out << buf;
  return 0;
}

}  // namespace

int RunExtract(const Args& args, std::ostream& out, std::ostream& err) {
  const std::vector<FlagSpec> specs = {
      {"format", "FORMAT", "jsonl (the default and only one): one JSON object per page"},
      {"evaluate", "DIR", "score the extraction on an article-extraction-benchmark folder"},
      {"show-errors", "", "with --evaluate: list the 20 worst pages"},
      {"max-bytes", "N", "refuse pages larger than N bytes (default 16777216)"},
      {"help", "", "show this help"},
  };
  Flags flags;
  std::string error;
  HtmlOptions options;
  unsigned long long max = options.max_bytes;
  if (!flags.Parse(specs, args, &error) ||
      (!flags.Has("help") && !flags.GetUnsigned("max-bytes", 1, 1ull << 32, &max, &error))) {
    err << "annals extract: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("extract", kExtractUsage, kExtractSummary, specs);
    return 0;
  }
  options.max_bytes = max;
  if (flags.GetOr("format", "jsonl") != "jsonl") {
    err << "annals extract: unknown --format '" << *flags.Get("format") << "' (jsonl)\n";
    return kExitUsage;
  }
  if (const auto dir = flags.Get("evaluate"))
    return Evaluate(*dir, flags.Has("show-errors"), out, err);
  if (flags.positional().empty()) {
    err << "annals extract: give one or more FILEs (- for standard input)\n";
    return kExitUsage;
  }
  uint64_t failed = 0;
  for (const std::string& file : flags.positional()) {
    std::string bytes;
    HtmlArticle article;
    Status st = ReadAll(file, &bytes) ? ExtractHtmlArticle(bytes, options, &article)
                                      : Status(ErrorCode::kIo, "cannot read the file");
    if (!st.ok()) {
      ++failed;
      out << Dump(Json{{"file", file}, {"error", st.ToString()}}) << "\n";
      err << "annals extract: " << file << ": " << st.ToString() << "\n";
      continue;
    }
    out << Dump(Json{{"file", file},
                     {"url", article.url},
                     {"title", article.title},
                     {"author", article.author},
                     {"published", article.published},
                     {"language", article.language},
                     {"charset", article.charset},
                     {"text", article.text}})
        << "\n";
  }
  return ExitForFailures(failed);
}

}  // namespace annals::cli
