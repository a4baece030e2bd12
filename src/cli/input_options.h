// Options shared by the sub-commands that read articles (ingest, process):
// input format, CSV mapping, size budget, threads, batch size, progress.
#ifndef ANNALS_CLI_INPUT_OPTIONS_H_
#define ANNALS_CLI_INPUT_OPTIONS_H_

#include <string>
#include <vector>

#include "annals/batch.h"
#include "annals/ingest.h"
#include "cli/flags.h"

namespace annals::cli {

std::vector<FlagSpec> InputFlagSpecs();
// Fills the options from parsed flags; false with *error on a bad value.
bool ReadInputOptions(const Flags& flags, ReadOptions* read, BatchOptions* batch,
                      std::string* error);

}  // namespace annals::cli

#endif  // ANNALS_CLI_INPUT_OPTIONS_H_
