// Internal: quotations and reported speech, and who said them.
//
// Quote marks are paired over the whole document (curly marks by their
// shape, straight ones by the spaces around them), so a quote may run over
// several sentences; one left open at the end of a paragraph closes there.
// Each pair is then read in its sentence's parse:
//   - scare quotes and titles: a quoted word or two used as a name ("the
//     'pause'", "so-called 'surgical' raid", the film "The Zone of
//     Interest") have no speaker;
//   - direct: the marks hold the utterance and a reporting verb stands
//     outside them ('"...," she said', 'Blinken said: "..."'), or the quote
//     is a whole sentence right after another quote of the same speaker;
//   - partial: a fragment inside the writer's clause, spoken by the subject
//     of the reporting verb above it ('called the move "absurd"').
// Indirect speech is the clause (ccomp) of a reporting verb, "X told Y to
// ...", or what "according to X" qualifies. A reporting verb after its
// clause ("..., Miller said") whose clause is itself reported speech
// ("Blinken stressed that ...") is the chain's reporter, as is "according
// to X" beside another speaker.
//
// Speakers: the subject of the reporting verb, as its name where the phrase
// has one ("the spokesman ..., Nasser Kanaani" -> Nasser Kanaani), with
// pronouns and bare last names taken back to the fullest earlier name, and
// the actor of actors.v1 that covers it for the CAMEO code.
#ifndef ANNALS_KNOWLEDGE_QUOTES_H_
#define ANNALS_KNOWLEDGE_QUOTES_H_

#include "annals/document.h"
#include "knowledge/knowledge_data.h"
#include "knowledge/words.h"

namespace annals::knowledge {

// Appends doc.quotes in text order of their content.
void FindQuotes(const KnowledgeData& data, const Words& words, Document& doc);

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_QUOTES_H_
