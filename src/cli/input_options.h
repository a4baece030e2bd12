// Options shared by the sub-commands that read articles (ingest, process):
// input format, CSV mapping, size budget, threads, batch size, progress.
#ifndef ANNALS_CLI_INPUT_OPTIONS_H_
#define ANNALS_CLI_INPUT_OPTIONS_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/batch.h"
#include "annals/ingest.h"
#include "cli/commands.h"
#include "cli/flags.h"

namespace annals::cli {

std::vector<FlagSpec> InputFlagSpecs();
// Fills the options from parsed flags; false with *error on a bad value.
bool ReadInputOptions(const Flags& flags, ReadOptions* read, BatchOptions* batch,
                      std::string* error);

// The command line of a sub-command that reads articles.
struct InputCommand {
  Flags flags;
  ReadOptions read;
  BatchOptions batch;
};
// Parses `args` against the command's own flags plus the input ones. When
// the command is finished already it returns the exit status: 0 after
// printing --help, kExitUsage after printing a usage error (prefixed
// "annals NAME: "). Otherwise nullopt, with *cmd filled.
std::optional<int> ParseInputCommand(std::string_view name, std::string_view usage,
                                     std::string_view summary, std::vector<FlagSpec> own_flags,
                                     const Args& args, std::ostream& out, std::ostream& err,
                                     InputCommand* cmd);

}  // namespace annals::cli

#endif  // ANNALS_CLI_INPUT_OPTIONS_H_
