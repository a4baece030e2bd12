#include "knowledge/evaluate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

namespace annals::knowledge {
namespace {

using Json = nlohmann::json;

struct Located {
  Span span;
  const Json* entry;
};

// Expected entries in order, each found at or after the previous one's start.
std::vector<Located> Locate(const std::string& text, const Json& entries, const char* field) {
  std::vector<Located> out;
  size_t from = 0;
  for (const Json& e : entries) {
    const std::string want = e.value(field, "");
    const size_t at = want.empty() ? std::string::npos : text.find(want, from);
    if (at == std::string::npos) continue;
    out.push_back({{static_cast<uint32_t>(at), static_cast<uint32_t>(at + want.size())}, &e});
    from = at;
  }
  return out;
}

double Overlap(Span a, Span b) {
  const uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  if (hi <= lo) return 0;
  return static_cast<double>(hi - lo) / std::max(a.size(), b.size());
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return s;
}

std::string LastWord(const std::string& s) {
  std::string t = Lower(s);
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
  const size_t sp = t.find_last_of(' ');
  return sp == std::string::npos ? t : t.substr(sp + 1);
}

// The README's rule: the same text, or the same last word (a person's last
// name, an institution's head noun).
bool SameSpeaker(const std::string& want, const std::string& got) {
  if (want.empty() || got.empty()) return want.empty() && got.empty();
  return Lower(want) == Lower(got) || LastWord(want) == LastWord(got);
}

std::string Excerpt(const Document& doc, Span s) {
  std::string t(doc.Text(s));
  return t.size() > 60 ? t.substr(0, 57) + "..." : t;
}

class Scorer {
 public:
  Scorer(const Pipeline& p, KnowledgeScore* score) : pipeline_(p), score_(score) {}

  Status File(const std::string& path, const char* name) {
    std::ifstream in(path);
    if (!in) return Status(ErrorCode::kNotFound, "golden file '" + path + "': cannot open");
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty()) continue;
      const Json g = Json::parse(line, nullptr, false);
      if (g.is_discarded() || !g.is_object() || !g.contains("text"))
        return Status(ErrorCode::kInvalidArgument,
                      path + ":" + std::to_string(number) + ": not a golden record");
      Document doc;
      doc.id = g.value("id", "");
      doc.text = g["text"].get<std::string>();
      PublishedTime t;
      if (PublishedTime::ParseIso(g.value("date", ""), &t)) doc.published = t;
      if (Status s = pipeline_.Process(doc, scratch_); !s.ok()) return s;
      ++score_->documents;
      if (g.contains("quotes")) Quotes(doc, g["quotes"], name);
      if (g.contains("counts")) Counts(doc, g["counts"], name);
      if (g.contains("dates")) Dates(doc, g["dates"], name);
    }
    return Status::Ok();
  }

 private:
  void Error(const Document& doc, const char* file, const char* what, const std::string& detail) {
    score_->errors.push_back(doc.id + "\t" + file + "\t" + what + "\t" + detail);
  }

  void Quotes(const Document& doc, const Json& gold, const char* file) {
    Score& sc = score_->quotes;
    const std::vector<Located> want = Locate(doc.text, gold, "content");
    sc.expected += static_cast<int>(gold.size());
    sc.produced += static_cast<int>(doc.quotes.size());
    std::vector<bool> used(doc.quotes.size()), found(want.size());
    for (size_t w = 0; w < want.size(); ++w) {
      const Json& e = *want[w].entry;
      const QuoteKind kind = ParseQuoteKind(e.value("kind", ""));
      // The best overlapping output that is not used yet.
      int best = -1;
      double best_overlap = 0.8 - 1e-9;
      for (size_t q = 0; q < doc.quotes.size(); ++q) {
        const double o = Overlap(want[w].span, doc.quotes[q].span);
        if (!used[q] && o >= best_overlap) {
          best = static_cast<int>(q);
          best_overlap = o;
        }
      }
      if (best < 0) continue;
      const Quote& q = doc.quotes[static_cast<size_t>(best)];
      const bool scare = kind == QuoteKind::kScare;
      const bool ok =
          q.kind == kind &&
          (scare ? q.speaker_name.empty() : SameSpeaker(e.value("speaker", ""), q.speaker_name));
      used[static_cast<size_t>(best)] = true;
      if (!ok) {
        Error(doc, file, "wrong",
              Excerpt(doc, q.span) + " | want " + std::string(QuoteKindName(kind)) + " by '" +
                  e.value("speaker", "") + "', got " + std::string(QuoteKindName(q.kind)) +
                  " by '" + q.speaker_name + "'");
        continue;
      }
      found[w] = true;
      ++sc.right;
      if (!scare && !e.value("speaker_code", "").empty()) {
        ++score_->codes;
        score_->codes_right += q.speaker_code == e.value("speaker_code", "");
      }
      if (!e.value("reported_by", "").empty()) {
        ++score_->reporters;
        score_->reporters_right += SameSpeaker(e.value("reported_by", ""), q.reporter_name);
      }
    }
    // A nested partial counts as found with its indirect clause.
    for (size_t w = 0; w < want.size(); ++w) {
      if (found[w] || want[w].entry->value("kind", "") != "partial") continue;
      for (size_t o = 0; o < want.size(); ++o) {
        if (o == w || !found[o] || want[o].entry->value("kind", "") != "indirect") continue;
        if (want[o].span.begin <= want[w].span.begin && want[w].span.end <= want[o].span.end + 2)
          found[w] = true;
      }
    }
    for (size_t w = 0; w < want.size(); ++w) {
      sc.found += found[w];
      if (!found[w]) Error(doc, file, "missed", want[w].entry->value("content", "").substr(0, 60));
    }
    sc.expected -= static_cast<int>(gold.size() - want.size());  // unlocatable: not scored
    for (size_t q = 0; q < doc.quotes.size(); ++q)
      if (!used[q])
        Error(doc, file, "extra",
              std::string(QuoteKindName(doc.quotes[q].kind)) + " " +
                  Excerpt(doc, doc.quotes[q].span) + " by '" + doc.quotes[q].speaker_name + "'");
  }

  void Counts(const Document& doc, const Json& gold, const char* file) {
    Score& sc = score_->counts;
    const std::vector<Located> want = Locate(doc.text, gold, "text");
    sc.expected += static_cast<int>(want.size());
    sc.produced += static_cast<int>(doc.counts.size());
    std::vector<bool> used(doc.counts.size());
    for (const Located& w : want) {
      const Json& e = *w.entry;
      int hit = -1;
      for (size_t c = 0; c < doc.counts.size() && hit < 0; ++c)
        if (!used[c] && doc.counts[c].span == w.span) hit = static_cast<int>(c);
      if (hit < 0) {
        Error(doc, file, "missed", e.value("text", ""));
        continue;
      }
      used[static_cast<size_t>(hit)] = true;
      const Count& c = doc.counts[static_cast<size_t>(hit)];
      const double value = e.value("value", 0.0);
      const bool fraction = e.value("unit", "") == "fraction";
      const bool value_ok = fraction ? std::fabs(c.value - value) <= 0.001
                                     : std::fabs(c.value - value) <= 1e-9 * std::fabs(value);
      const bool ok = value_ok && CountQualifierName(c.qualifier) == e.value("qualifier", "") &&
                      c.type == e.value("type", "");
      if (!ok) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", c.value);
        Error(doc, file, "wrong",
              e.value("text", "") + " | want " + e.value("type", "") + " " +
                  e.value("qualifier", "") + ", got " + buf + " " + c.type + " " +
                  std::string(CountQualifierName(c.qualifier)));
        continue;
      }
      ++sc.right;
      ++sc.found;
    }
    for (size_t c = 0; c < doc.counts.size(); ++c)
      if (!used[c]) Error(doc, file, "extra", Excerpt(doc, doc.counts[c].span));
  }

  void Dates(const Document& doc, const Json& gold, const char* file) {
    Score& sc = score_->dates;
    const std::vector<Located> want = Locate(doc.text, gold, "text");
    sc.expected += static_cast<int>(want.size());
    sc.produced += static_cast<int>(doc.dates.size());
    std::vector<bool> used(doc.dates.size());
    for (const Located& w : want) {
      const Json& e = *w.entry;
      int hit = -1;
      for (size_t d = 0; d < doc.dates.size() && hit < 0; ++d)
        if (!used[d] && doc.dates[d].span == w.span) hit = static_cast<int>(d);
      if (hit < 0) {
        Error(doc, file, "missed", e.value("text", ""));
        continue;
      }
      used[static_cast<size_t>(hit)] = true;
      const DateMention& d = doc.dates[static_cast<size_t>(hit)];
      if (d.resolved != e.value("resolved", "") || d.granularity != e.value("granularity", "")) {
        Error(doc, file, "wrong",
              e.value("text", "") + " | want " + e.value("resolved", "") + " " +
                  e.value("granularity", "") + ", got " + d.resolved + " " + d.granularity);
        continue;
      }
      ++sc.right;
      ++sc.found;
    }
    for (size_t d = 0; d < doc.dates.size(); ++d)
      if (!used[d]) Error(doc, file, "extra", Excerpt(doc, doc.dates[d].span));
  }

  const Pipeline& pipeline_;
  KnowledgeScore* score_;
  Scratch scratch_;
};

}  // namespace

StatusOr<KnowledgeScore> EvaluateKnowledge(const std::string& dir, const Pipeline& pipeline) {
  KnowledgeScore score;
  Scorer scorer(pipeline, &score);
  for (const char* name : {"quotes.jsonl", "counts.jsonl", "dates.jsonl"})
    ANNALS_RETURN_IF_ERROR(scorer.File(dir + "/" + name, name));
  return score;
}

std::string FormatScore(const KnowledgeScore& s) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "documents %d\n", s.documents);
  out += buf;
  auto line = [&](const char* name, const Score& x) {
    std::snprintf(buf, sizeof buf,
                  "%-7s expected %4d  produced %4d  right %4d  precision %.3f  recall %.3f\n", name,
                  x.expected, x.produced, x.right, x.Precision(), x.Recall());
    out += buf;
  };
  line("quotes", s.quotes);
  line("counts", s.counts);
  line("dates", s.dates);
  std::snprintf(buf, sizeof buf,
                "speaker codes right %d of %d; attribution chains right %d of %d\n", s.codes_right,
                s.codes, s.reporters_right, s.reporters);
  out += buf;
  return out;
}

}  // namespace annals::knowledge
