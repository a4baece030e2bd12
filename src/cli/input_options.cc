// Flags shared by ingest and process; see input_options.h.
#include "cli/input_options.h"

#include <ostream>

namespace annals::cli {

std::vector<FlagSpec> InputFlagSpecs() {
  return {
      {"input-format", "FORMAT",
       "auto (default), wire, text, jsonl, csv, html, warc or feed: force one reader"},
      {"csv-map", "MAP", "CSV columns for annals fields, e.g. text=body,title=headline"},
      {"max-doc-bytes", "N", "refuse documents larger than N bytes (default 8388608)"},
      {"threads", "N", "worker threads (default: all cores)"},
      {"batch-size", "N", "documents per batch / store transaction (default 256)"},
      {"quiet", "", "no progress on standard error"},
      {"help", "", "show this help"},
  };
}

bool ReadInputOptions(const Flags& flags, ReadOptions* read, BatchOptions* batch,
                      std::string* error) {
  if (auto f = flags.Get("input-format")) {
    if (!ParseFormatName(*f, &read->format)) {
      *error =
          "unknown --input-format '" + *f + "' (auto, wire, text, jsonl, csv, html, warc, feed)";
      return false;
    }
  }
  if (auto m = flags.Get("csv-map")) {
    if (!ParseCsvMap(*m, &read->csv_map, error)) return false;
  }
  unsigned long long n = read->max_document_bytes;
  if (!flags.GetUnsigned("max-doc-bytes", 1, 1ull << 32, &n, error)) return false;
  read->max_document_bytes = n;
  n = batch->threads;
  if (!flags.GetUnsigned("threads", 1, 1024, &n, error)) return false;
  batch->threads = static_cast<unsigned>(n);
  n = batch->batch_size;
  if (!flags.GetUnsigned("batch-size", 1, 100000, &n, error)) return false;
  batch->batch_size = n;
  return true;
}

std::optional<int> ParseInputCommand(std::string_view name, std::string_view usage,
                                     std::string_view summary, std::vector<FlagSpec> own_flags,
                                     const Args& args, std::ostream& out, std::ostream& err,
                                     InputCommand* cmd) {
  std::vector<FlagSpec> specs = std::move(own_flags);
  for (FlagSpec& spec : InputFlagSpecs()) specs.push_back(std::move(spec));
  std::string error;
  if (cmd->flags.Parse(specs, args, &error) && !cmd->flags.Has("help") &&
      ReadInputOptions(cmd->flags, &cmd->read, &cmd->batch, &error)) {
    return std::nullopt;
  }
  if (error.empty()) {
    out << HelpText(name, usage, summary, specs);
    return 0;
  }
  err << "annals " << name << ": " << error << "\n";
  return kExitUsage;
}

}  // namespace annals::cli
