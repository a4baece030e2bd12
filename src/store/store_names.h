// Internal header (not public API): the names the store writes for enum
// values, so that the tables read well in plain SQL.
// Tested by store_test.cc (round trip of every kind).
#ifndef ANNALS_STORE_STORE_NAMES_H_
#define ANNALS_STORE_STORE_NAMES_H_

#include <string_view>

#include "annals/document.h"

namespace annals::internal {

inline std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kActor:
      return "actor";
    case MentionKind::kAgent:
      return "agent";
    case MentionKind::kVerb:
      return "verb";
    case MentionKind::kPlace:
      return "place";
    case MentionKind::kOther:
      return "other";
  }
  return "other";
}

// Unknown names (a newer program's kinds) read as kOther.
inline MentionKind ParseMentionKind(std::string_view name) {
  if (name == "actor") return MentionKind::kActor;
  if (name == "agent") return MentionKind::kAgent;
  if (name == "verb") return MentionKind::kVerb;
  if (name == "place") return MentionKind::kPlace;
  return MentionKind::kOther;
}

}  // namespace annals::internal

#endif  // ANNALS_STORE_STORE_NAMES_H_
