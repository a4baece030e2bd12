// Internal: the word lists and lexicons knowledge.v1 reads, loaded and
// checked once (include/annals/knowledge.h says from where).
#ifndef ANNALS_KNOWLEDGE_KNOWLEDGE_DATA_H_
#define ANNALS_KNOWLEDGE_KNOWLEDGE_DATA_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dict/fields.h"
#include "knowledge/counts.h"
#include "knowledge/phrase_list.h"
#include "knowledge/vocabulary.h"

namespace annals::knowledge {

struct ListLine {
  std::string name;  // category or theme
  uint32_t line = 0;
};

struct ReportingVerb {
  bool says = false;   // governs what was said
  bool tells = false;  // names a hearer first ("told Gallant that ...")
};

struct KnowledgeData {
  // Every word the lists below start with (knowledge/vocabulary.h).
  Vocabulary vocab;

  // AFINN-165: valence -5..+5 by vocabulary id (0 for words it lacks).
  std::vector<int8_t> valence;
  std::string valence_file;

  // framing.txt: term -> index into framing_terms.
  PhraseList framing;
  struct FramingTerm {
    std::string term;
    uint32_t category = 0;  // into framing_categories
    uint32_t line = 0;
  };
  std::vector<FramingTerm> framing_terms;
  std::vector<ListLine> framing_categories;
  std::string framing_file;

  // themes.txt: cue -> index into theme_cues.
  PhraseList theme_phrases;
  struct ThemeCue {
    uint32_t theme = 0;  // into themes
    bool strong = false;
  };
  std::vector<ThemeCue> theme_cues;
  std::vector<ListLine> themes;
  std::string themes_file;

  // Reporting verbs by vocabulary id of their lemma (null: not one).
  std::vector<const ReportingVerb*> reporting_by_id;
  std::unordered_map<std::string, ReportingVerb, dict::StringHash, std::equal_to<>> reporting;
  std::string reporting_file;

  // Words a date expression can start with (dates.cc), by vocabulary id.
  std::vector<uint8_t> date_words;
  bool DateWord(uint32_t id) const { return id < date_words.size() && date_words[id]; }

  int8_t Valence(uint32_t id) const { return id < valence.size() ? valence[id] : 0; }
  const ReportingVerb* Reporting(uint32_t id) const {
    return id < reporting_by_id.size() ? reporting_by_id[id] : nullptr;
  }

  std::shared_ptr<const CountLexicon> counts;
};

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_KNOWLEDGE_DATA_H_
