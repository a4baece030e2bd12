#include "syntax/treebank.h"

#include "syntax/tagset.h"

namespace annals::syntax {

bool ToGold(const ConlluSentence& in, GoldSentence* out, std::string* error) {
  *out = GoldSentence();
  const std::string where = "sentence at line " + std::to_string(in.line) + ": word ";
  for (size_t i = 0; i < in.words.size(); ++i) {
    const ConlluWord& w = in.words[i];
    const uint8_t upos = UposId(w.upos), xpos = XposId(w.xpos), rel = DeprelId(w.deprel);
    if (upos == 0 || xpos == 0 || rel == 0 || w.head < 0) {
      *error = where + std::to_string(i + 1) + " '" + w.form +
               "': unknown UPOS, XPOS or DEPREL ('" + w.upos + "', '" + w.xpos + "', '" + w.deprel +
               "') or no HEAD";
      return false;
    }
    out->forms.push_back(w.form);
    out->lemmas.push_back(w.lemma);
    out->upos.push_back(upos);
    out->xpos.push_back(xpos);
    out->deprel.push_back(rel);
    out->heads.push_back(w.head);
  }
  return true;
}

}  // namespace annals::syntax
