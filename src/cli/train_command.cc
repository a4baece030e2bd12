// annals train-syntax: trains the tagger, parser and lemmatiser on a UD
// treebank and writes the model file that annals loads (models/).
#include <cstdlib>
#include <fstream>
#include <ostream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "syntax/train_syntax.h"

namespace annals::cli {
namespace {

constexpr char kTrainUsage[] = "--train FILE --dev FILE --out FILE [--seed N] [--folds N]";
constexpr char kTrainSummary[] =
    "Trains the syntax model (tagger, lemmatiser, dependency parser) on the\n"
    "CoNLL-U --train file, scores it on --dev, and writes it to --out. Same\n"
    "data and seed, same bytes. scripts/train-syntax.sh runs it on the UD\n"
    "English Web Treebank (docs/syntax.md).\n\n"
    "Exit status: 0 written; 101 bad data or the file could not be written;\n"
    "102 usage.";

}  // namespace

int RunTrainSyntax(const Args& args, std::ostream& out, std::ostream& err) {
  const std::vector<FlagSpec> specs = {
      {"train", "FILE", "training treebank (CoNLL-U)"},
      {"dev", "FILE", "development treebank, for the scores printed at the end"},
      {"out", "FILE", "model file to write"},
      {"seed", "N", "random seed for shuffling and exploration (default 1)"},
      {"folds", "N", "jackknife folds for the parser's training tags (default 5)"},
      {"tagger-iterations", "N", "passes over the data for the tagger"},
      {"parser-iterations", "N", "passes over the data for the parser"},
      {"parser-min-weight", "X", "parser weights smaller than this are dropped (default 0.8)"},
      {"max-sentences", "N", "use only the first N sentences of each file (tests)"},
      {"wordnet", "DIR",
       "WordNet's files for the tagger's lexicon (default /usr/share/wordnet; '' for none)"},
      {"help", "", "show this help"}};
  Flags flags;
  std::string error;
  if (!flags.Parse(specs, args, &error)) {
    err << "annals train-syntax: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("train-syntax", kTrainUsage, kTrainSummary, specs);
    return 0;
  }
  syntax::TrainSyntaxOptions o;
  const auto train = flags.Get("train"), dev = flags.Get("dev"), path = flags.Get("out");
  if (!train || !dev || !path || !flags.positional().empty()) {
    err << "annals train-syntax: needs --train, --dev and --out, and nothing else\n";
    return kExitUsage;
  }
  o.train_path = *train;
  o.dev_path = *dev;
  if (const auto wordnet = flags.Get("wordnet")) o.wordnet_dir = *wordnet;
  unsigned long long v = 0;
  auto number = [&](const char* name, unsigned long long lo, unsigned long long hi, auto* field) {
    if (!flags.Has(name)) return true;
    if (!flags.GetUnsigned(name, lo, hi, &v, &error)) return false;
    *field = static_cast<std::remove_pointer_t<decltype(field)>>(v);
    return true;
  };
  if (!number("seed", 0, UINT64_MAX, &o.seed) || !number("folds", 1, 50, &o.folds) ||
      !number("tagger-iterations", 1, 100, &o.tagger.iterations) ||
      !number("parser-iterations", 1, 100, &o.parser.iterations) ||
      !number("max-sentences", 1, 100000000, &o.max_sentences)) {
    err << "annals train-syntax: " << error << "\n";
    return kExitUsage;
  }
  if (const auto w = flags.Get("parser-min-weight")) {
    char* end = nullptr;
    const double x = std::strtod(w->c_str(), &end);
    if (end == w->c_str() || *end != '\0' || !(x >= 0 && x <= 100)) {
      err << "annals train-syntax: --parser-min-weight takes a number from 0 to 100\n";
      return kExitUsage;
    }
    o.parser.min_weight = static_cast<float>(x);
  }
  auto model = syntax::TrainSyntaxModel(o, err);
  if (!model.ok()) {
    err << "annals train-syntax: " << model.status().ToString() << "\n";
    return kExitFatal;
  }
  std::ofstream file(*path, std::ios::binary | std::ios::trunc);
  file << *model;
  if (!file.flush()) {
    err << "annals train-syntax: could not write '" << *path << "'\n";
    return kExitFatal;
  }
  err << "wrote " << *path << "\n";
  return 0;
}

}  // namespace annals::cli
