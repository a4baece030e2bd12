// annals validate: runs a TABARI/PETRARCH validation file (records with the
// events each should give) through the TABARI-compatible coder with the
// dictionaries the file names, and reports each record and a summary by
// category. docs/compat.md.
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/flags.h"
#include "compat/tabari_coder.h"
#include "compat/validation_records.h"

namespace annals::cli {
namespace {

constexpr char kValidateUsage[] = "FILE.xml [--dictionaries DIR] [--jsonl OUT] [--quiet]";
constexpr char kValidateSummary[] =
    "Reads a TABARI/PETRARCH validation file, codes each record's Text with the\n"
    "dictionaries its <Environment> names (from DIR, default: the file's folder)\n"
    "using annals' TABARI-compatible coder, ignoring any <Parse>, and prints per\n"
    "record PASS or FAIL with the expected and produced events, then the pass\n"
    "rate by category. A record passes when it gives exactly the expected set\n"
    "of (source, target, code), or nothing for noevents. Records that test a\n"
    "malformed <Parse> (error=...) are counted apart: annals reads no parses.\n\n"
    "Exit status: 0 done (whatever the pass rate); 101 unreadable file or\n"
    "dictionary; 102 usage.";

std::string Show(const std::vector<compat::ExpectedEvent>& events) {
  std::string s = "[";
  for (const auto& e : events) {
    if (s.size() > 1) s += ' ';
    s += e.source + ">" + e.target + ":" + e.code;
  }
  return s + "]";
}

}  // namespace

int RunValidate(const Args& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  const std::vector<FlagSpec> specs = {
      {"dictionaries", "DIR", "where the named dictionaries are (default: the file's folder)"},
      {"jsonl", "OUT", "also write one JSON object per record to OUT"},
      {"quiet", "", "print the summary only"},
      {"help", "", "show this help"}};
  std::string error;
  if (!flags.Parse(specs, args, &error)) {
    err << "annals validate: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("validate", kValidateUsage, kValidateSummary, specs);
    return 0;
  }
  if (flags.positional().size() != 1) {
    err << "annals validate: give one validation file (see --help)\n";
    return kExitUsage;
  }
  const std::string path = flags.positional().front();
  compat::ValidationFile file;
  if (Status s = compat::ReadValidationFile(path, &file); !s.ok()) {
    err << "annals validate: " << s.ToString() << "\n";
    return kExitFatal;
  }
  const std::string dir = flags.Get("dictionaries")
                              ? *flags.Get("dictionaries")
                              : std::filesystem::path(path).parent_path().string();
  auto at = [&](const std::string& name) { return (std::filesystem::path(dir) / name).string(); };
  compat::TabariDictionary dict;
  Status s = dict.LoadVerbs(at(file.verbs));
  if (s.ok()) s = dict.LoadActors(at(file.actors));
  if (s.ok() && !file.agents.empty()) s = dict.LoadAgents(at(file.agents));
  if (s.ok() && !file.discards.empty()) s = dict.LoadDiscards(at(file.discards));
  if (!s.ok()) {
    err << "annals validate: " << s.ToString() << "\n";
    return kExitFatal;
  }
  std::ofstream jsonl;
  if (auto o = flags.Get("jsonl")) {
    jsonl.open(*o, std::ios::binary);
    if (!jsonl) {
      err << "annals validate: cannot write '" << *o << "'\n";
      return kExitFatal;
    }
  }
  const compat::TabariCoder coder(dict);
  std::map<std::string, std::pair<int, int>> by_category;  // passed, total
  int passed = 0, scored = 0, parse_tests = 0;
  for (const compat::ValidationRecord& r : file.records) {
    std::vector<compat::ExpectedEvent> produced;
    for (const compat::TabariEvent& e : coder.Code(compat::TabariWords(r.text), r.date))
      produced.push_back({e.source, e.target, e.code});
    std::sort(produced.begin(), produced.end());
    // error="bad_input_parse" tests PETRARCH's reading of a broken <Parse>,
    // which annals never reads; the discard errors ("storydiscard",
    // "sentencediscard") expect no events from the text and are scored.
    const bool parse_test = r.error.starts_with("bad_input");
    const bool pass = !parse_test && produced == r.expected;
    if (parse_test) {
      ++parse_tests;
    } else {
      ++scored;
      passed += pass;
      auto& c = by_category[r.category];
      c.first += pass;
      ++c.second;
    }
    const char* verdict = parse_test ? "PARSE-TEST" : pass ? "PASS" : "FAIL";
    if (!flags.Has("quiet")) {
      out << r.id << "\t" << r.category << "\t" << verdict << "\texpected "
          << (r.no_events ? "none" : Show(r.expected)) << "\tproduced " << Show(produced) << "\n";
    }
    if (jsonl) {
      nlohmann::ordered_json j{{"id", r.id},
                               {"category", r.category},
                               {"line", r.line},
                               {"verdict", verdict},
                               {"expected", nlohmann::json::array()},
                               {"produced", nlohmann::json::array()}};
      for (const auto& e : r.expected) j["expected"].push_back({e.source, e.target, e.code});
      for (const auto& e : produced) j["produced"].push_back({e.source, e.target, e.code});
      jsonl << j.dump() << "\n";
    }
  }
  out << "\ncategory\tpassed\trecords\n";
  for (const auto& [category, c] : by_category)
    out << category << "\t" << c.first << "\t" << c.second << "\n";
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.1f", scored ? 100.0 * passed / scored : 0.0);
  out << "total\t" << passed << "\t" << scored << "\t(" << pct << "%)\n";
  if (parse_tests)
    out << "parse-input tests not scored (annals reads no <Parse>): " << parse_tests << "\n";
  return 0;
}

}  // namespace annals::cli
