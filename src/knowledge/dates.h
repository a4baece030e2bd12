// Internal: dates and relative time expressions, resolved against the
// story's date (Document::published), and the events they date.
//
// What counts as a date and how it resolves is the convention of the golden
// set (tests/golden/knowledge/README.md): a weekday in the past tense is the
// latest such day on or before the story date, in the future tense the first
// on or after it; "last week" is that week's Monday (granularity week); "last
// month" its first day; "since 2014" 1 January 2014. The span takes the
// preposition of weekdays ("on Monday"), months ("in October") and "since",
// and a part of day ("Tuesday night"), but not the "on" of a calendar date
// ("on March 25" -> "March 25"). Ordinals of a duration ("in its sixth
// month") are not dates.
#ifndef ANNALS_KNOWLEDGE_DATES_H_
#define ANNALS_KNOWLEDGE_DATES_H_

#include "annals/document.h"
#include "knowledge/knowledge_data.h"
#include "knowledge/words.h"

namespace annals::knowledge {

// Appends the dates of every sentence to doc.dates, in text order. Without
// a story date, expressions are found but left unresolved (empty resolved)
// unless they carry their own year.
void FindDates(const KnowledgeData& data, const Words& words, Document& doc);

// Gives each event the day of the date in its clause (Event::date), when
// that date has day granularity.
void DateEvents(Document& doc);

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_DATES_H_
