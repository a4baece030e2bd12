// Status formatting. Tested by status_test.cc.
#include "annals/status.h"

#include <cstdio>

namespace annals {

std::string ErrorTag(ErrorCode code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "[E%03d]", static_cast<int>(code));
  return buf;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return ErrorTag(code_) + " " + message_;
}

}  // namespace annals
