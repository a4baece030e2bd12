// Sub-commands that read the store: show (one document as JSON), list (ids),
// stats (counts) and export (events in other tools' layouts).
#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <set>

#include "annals/coding.h"
#include "annals/export.h"
#include "annals/json.h"
#include "annals/store.h"
#include "cli/commands.h"
#include "cli/flags.h"

namespace annals::cli {
namespace {

// Parses flags, handles --help, opens the store. Returns nullptr after
// printing why, with *exit_code set.
std::unique_ptr<Store> OpenFromFlags(std::string_view name, std::string_view usage,
                                     std::string_view summary, std::vector<FlagSpec> specs,
                                     const Args& args, std::ostream& out, std::ostream& err,
                                     Flags* flags, int* exit_code) {
  specs.insert(specs.begin(), {"db", "FILE|URL",
                               "the store to read (required): a SQLite file, or a "
                               "postgresql://... URL"});
  specs.push_back({"help", "", "show this help"});
  std::string error;
  const std::string who = "annals " + std::string(name) + ": ";
  if (!flags->Parse(specs, args, &error)) {
    err << who << error << "\n";
    *exit_code = kExitUsage;
    return nullptr;
  }
  if (flags->Has("help")) {
    out << HelpText(name, usage, summary, specs);
    *exit_code = 0;
    return nullptr;
  }
  const auto db = flags->Get("db");
  if (!db) {
    err << who << "needs --db FILE (see --help)\n";
    *exit_code = kExitUsage;
    return nullptr;
  }
  if (!Store::IsServerUrl(*db) && !std::filesystem::exists(*db)) {
    err << who << "no store at " << *db << " (create one with 'annals ingest')\n";
    *exit_code = kExitFatal;
    return nullptr;
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open(*db, OpenMode::kReadOnly);
  if (!store.ok()) {
    err << who << store.status().ToString() << "\n";
    *exit_code = kExitFatal;
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace

int RunShow(const Args& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  int code = 0;
  auto store =
      OpenFromFlags("show", "DOC_ID --db FILE|URL",
                    "Prints the stored document DOC_ID with everything known about it\n"
                    "as JSON (docs/schema.md).",
                    {{"no-tokens", "", "leave the token list out"}}, args, out, err, &flags, &code);
  if (!store) return code;
  if (flags.positional().size() != 1) {
    err << "annals show: needs exactly one DOC_ID ('annals list' shows them)\n";
    return kExitUsage;
  }
  StatusOr<Document> doc = store->Load(flags.positional()[0]);
  if (!doc.ok()) {
    err << "annals show: " << doc.status().ToString() << "\n";
    return doc.status().code() == ErrorCode::kNotFound ? kExitNotFound : kExitFatal;
  }
  JsonOptions json;
  json.pretty = true;
  json.with_tokens = !flags.Has("no-tokens");
  out << ToJson(*doc, json) << "\n";
  return 0;
}

int RunList(const Args& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  int code = 0;
  auto store = OpenFromFlags("list", "--db FILE|URL [--limit N]",
                             "Prints the ids of stored documents, one per line, oldest first.",
                             {{"limit", "N", "at most N ids (default: all)"}}, args, out, err,
                             &flags, &code);
  if (!store) return code;
  unsigned long long limit = ~0ull;
  std::string error;
  if (!flags.GetUnsigned("limit", 1, ~0ull, &limit, &error)) {
    err << "annals list: " << error << "\n";
    return kExitUsage;
  }
  StatusOr<std::vector<std::string>> ids = store->ListIds(limit);
  if (!ids.ok()) {
    err << "annals list: " << ids.status().ToString() << "\n";
    return kExitFatal;
  }
  for (const std::string& id : *ids) out << id << "\n";
  return 0;
}

int RunStats(const Args& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  int code = 0;
  auto store =
      OpenFromFlags("stats", "--db FILE|URL [--json]",
                    "Prints what the store holds: documents, sentences, tokens and\n"
                    "annotation counts, by input format.",
                    {{"json", "", "print as one JSON object"}}, args, out, err, &flags, &code);
  if (!store) return code;
  StatusOr<StoreStats> s = store->Stats();
  if (!s.ok()) {
    err << "annals stats: " << s.status().ToString() << "\n";
    return kExitFatal;
  }
  const std::pair<const char*, uint64_t> rows[] = {{"documents", s->documents},
                                                   {"paragraphs", s->paragraphs},
                                                   {"sentences", s->sentences},
                                                   {"tokens", s->tokens},
                                                   {"text_bytes", s->text_bytes},
                                                   {"mentions", s->mentions},
                                                   {"actors", s->actors},
                                                   {"events", s->events},
                                                   {"places", s->places},
                                                   {"quotes", s->quotes},
                                                   {"counts", s->counts},
                                                   {"tones", s->tones},
                                                   {"dates", s->dates},
                                                   {"framings", s->framings},
                                                   {"themes", s->themes},
                                                   {"diagnostics", s->diagnostics},
                                                   {"near_duplicates", s->near_duplicates}};
  if (flags.Has("json")) {
    out << "{\"schema_version\": " << s->schema_version;
    for (const auto& [k, v] : rows) out << ", \"" << k << "\": " << v;
    out << ", \"documents_by_format\": {";
    bool first = true;
    for (const auto& [fmt, n] : s->documents_by_format) {
      out << (first ? "" : ", ") << "\"" << fmt << "\": " << n;
      first = false;
    }
    out << "}}\n";
    return 0;
  }
  out << "schema_version  " << s->schema_version << "\n";
  for (const auto& [k, v] : rows) {
    std::string key = k;
    key.resize(16, ' ');
    out << key << v << "\n";
  }
  for (const auto& [fmt, n] : s->documents_by_format) {
    std::string key = "  format " + fmt;
    key.resize(16, ' ');
    out << key << n << "\n";
  }
  return 0;
}

}  // namespace annals::cli

namespace annals::cli {

int RunExport(const Args& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  int code = 0;
  auto store = OpenFromFlags(
      "export", "--gdelt-events|--gdelt-gkg --db FILE|URL [--header] [--all] [--json] [--data DIR]",
      "Writes what the store holds in GDELT's layouts (docs/gdelt.md), columns we\n"
      "cannot fill left empty:\n"
      "  --gdelt-events  GDELT 2.0 Events: one tab-separated line of 61 columns\n"
      "                  per event. Negated and hypothetical events are left out\n"
      "                  unless --all is given.\n"
      "  --gdelt-gkg     GDELT GKG 2.1: one line of 27 columns per document\n"
      "                  (counts, themes, places, persons, organisations, tone,\n"
      "                  dates, quotations, names, amounts); with --json, one JSON\n"
      "                  object per document instead.\n\n"
      "Exit status: 0 written; 101 store, dictionary or output failure; 102 usage.",
      {{"gdelt-events", "", "GDELT 2.0 Events layout"},
       {"gdelt-gkg", "", "GDELT Global Knowledge Graph 2.1 layout"},
       {"json", "", "with --gdelt-gkg: JSON Lines instead of tab-separated rows"},
       {"header", "", "print the column names first"},
       {"all", "", "include negated and hypothetical events"},
       {"data", "DIR", "ontologies for the codes (default: " + DefaultDataDir() + ")"}},
      args, out, err, &flags, &code);
  if (!store) return code;
  const bool events = flags.Has("gdelt-events"), gkg = flags.Has("gdelt-gkg");
  if (events == gkg) {
    err << "annals export: say which layout: --gdelt-events or --gdelt-gkg\n";
    return kExitUsage;
  }
  const bool json = gkg && flags.Has("json");
  StatusOr<std::shared_ptr<const CodingData>> data = std::shared_ptr<const CodingData>();
  if (events) data = flags.Get("data") ? LoadCodingData(*flags.Get("data")) : DefaultCodingData();
  if (!data.ok()) {
    err << "annals export: " << data.status().ToString() << "\n";
    return kExitFatal;
  }
  if (flags.Has("header") && !json) {
    bool first = true;
    for (std::string_view c : events ? GdeltEventColumns() : GdeltGkgColumns()) {
      out << (first ? "" : "\t") << c;
      first = false;
    }
    out << "\n";
  }
  StatusOr<std::vector<std::string>> ids = store->ListIds(~0ull);
  if (!ids.ok()) {
    err << "annals export: " << ids.status().ToString() << "\n";
    return kExitFatal;
  }
  GdeltOptions options;
  options.include_unasserted = flags.Has("all");
  // Events: a near-duplicate's events are mentions of its original's
  // (docs/gdelt.md), so copies are read with their original, not alone.
  std::map<std::string, std::vector<std::string>> copies_of;
  std::set<std::string> copies;
  if (events) {
    auto links = store->ListNearDuplicates();
    if (!links.ok()) {
      err << "annals export: " << links.status().ToString() << "\n";
      return kExitFatal;
    }
    for (auto& [copy, original] : *links) {
      copies.insert(copy);
      copies_of[original].push_back(std::move(copy));
    }
  }
  std::string rows;
  std::vector<Document> loaded_copies;
  for (const std::string& id : *ids) {
    if (copies.count(id)) continue;
    loaded_copies.clear();
    for (const std::string& copy_id : copies_of[id]) {
      StatusOr<Document> copy = store->Load(copy_id);
      if (!copy.ok()) {
        err << "annals export: " << copy.status().ToString() << "\n";
        return kExitFatal;
      }
      loaded_copies.push_back(std::move(copy).value());
    }
    StatusOr<Document> doc = store->Load(id);
    if (!doc.ok()) {
      err << "annals export: " << doc.status().ToString() << "\n";
      return kExitFatal;
    }
    rows.clear();
    if (events)
      AppendGdeltEvents(*doc, loaded_copies, **data, options, &rows);
    else if (json)
      AppendGkgJson(*doc, &rows);
    else
      AppendGdeltGkg(*doc, &rows);
    out << rows;
  }
  if (!out.flush()) {
    err << "annals export: could not write standard output\n";
    return kExitFatal;
  }
  return 0;
}

}  // namespace annals::cli
