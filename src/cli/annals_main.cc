// annals: the command-line front end. Dispatches to one sub-command; all the
// work is in libannals (see src/cli/commands.h for the exit statuses).
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const annals::cli::Args&, std::ostream&, std::ostream&);
};

constexpr Command kCommands[] = {
    {"ingest", "read articles, process them and store them (SQLite)", annals::cli::RunIngest},
    {"process", "read articles, process them and print JSON; no store", annals::cli::RunProcess},
    {"show", "print one stored document as JSON", annals::cli::RunShow},
    {"list", "print the ids of stored documents", annals::cli::RunList},
    {"stats", "print what the store holds", annals::cli::RunStats},
    {"export", "write stored events as GDELT 2.0 Events rows", annals::cli::RunExport},
    {"parse", "tag, lemmatise and parse; print CoNLL-U", annals::cli::RunParse},
    {"code", "code events (CAMEO, PLOVER) and print them as JSON Lines", annals::cli::RunCode},
    {"validate", "run a TABARI/PETRARCH validation file and score it", annals::cli::RunValidate},
    {"train-syntax", "train the syntax model on a UD treebank", annals::cli::RunTrainSyntax},
    {"places", "find and resolve place names; print them as JSON Lines", annals::cli::RunPlaces},
    {"knowledge", "quotes, counts, dates, tone, framing, themes as JSON Lines",
     annals::cli::RunKnowledge},
    {"extract", "web pages to article text and metadata (JSON Lines)", annals::cli::RunExtract},
    {"gazetteer", "build the gazetteer index, or look a place name up", annals::cli::RunGazetteer},
    {"serve", "serve the store as a JSON API and a web page (HTTP)", annals::cli::RunServe},
    {"enqueue", "publish articles as work for distributed workers (NATS)", annals::cli::RunEnqueue},
    {"worker", "process and store work from the queue (NATS)", annals::cli::RunWorker},
    {"status", "backlog, in flight, done and dead letters of the work queue",
     annals::cli::RunStatus},
};

void PrintUsage(std::ostream& out) {
  out << "annals " ANNALS_VERSION
         ": news articles to structured, explainable event data\n\n"
         "Usage: annals COMMAND [ARGS...]   (annals COMMAND --help for details)\n\n"
         "Commands:\n";
  for (const Command& c : kCommands) {
    std::string name(c.name);
    name.resize(14, ' ');
    out << "  " << name << c.summary << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    PrintUsage(std::cerr);
    return annals::cli::kExitUsage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "annals " ANNALS_VERSION "\n";
    return 0;
  }
  for (const Command& c : kCommands) {
    if (c.name == name) {
      const annals::cli::Args args(argv + 2, argv + argc);
      const int code = c.run(args, std::cout, std::cerr);
      // Output cut short (disk full, closed pipe) must not look like success.
      if (!std::cout.flush()) {
        std::cerr << "annals " << name << ": could not write standard output\n";
        return annals::cli::kExitFatal;
      }
      return code;
    }
  }
  std::cerr << "annals: unknown command '" << name << "'\n\n";
  PrintUsage(std::cerr);
  return annals::cli::kExitUsage;
}
