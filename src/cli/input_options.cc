// Flags shared by ingest and process; see input_options.h.
#include "cli/input_options.h"

namespace annals::cli {

std::vector<FlagSpec> InputFlagSpecs() {
  return {
      {"input-format", "FORMAT", "auto (default), wire, text, jsonl or csv: force one reader"},
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
      *error = "unknown --input-format '" + *f + "' (auto, wire, text, jsonl, csv)";
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

}  // namespace annals::cli
