// Internal: tone, GDELT-style, per sentence and for the whole document,
// and the framing words and themes of the story.
//
// Tone counts words: the share with a positive and with a negative AFINN
// valence, the share of main verbs (activity) and of first-person and
// third-person plural pronouns (self and group reference). A word the text
// negates is not flipped: GDELT does not either, and the shares stay
// comparable with its figures.
#ifndef ANNALS_KNOWLEDGE_TONE_H_
#define ANNALS_KNOWLEDGE_TONE_H_

#include "annals/document.h"
#include "knowledge/knowledge_data.h"
#include "knowledge/words.h"

namespace annals::knowledge {

// doc.tones: the document first (sentence -1), then one per sentence.
void ScoreTone(const KnowledgeData& data, const Words& words, Document& doc);
// doc.framings: every framing term, longest match first, in text order.
void FindFramings(const KnowledgeData& data, const Words& words, Document& doc);
// doc.themes: themes with two cue hits or one strong cue, in list order.
void FindThemes(const KnowledgeData& data, const Words& words, Document& doc);

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_TONE_H_
