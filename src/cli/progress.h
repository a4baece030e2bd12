// Progress on standard error for long runs: documents/s, MB/s and, when the
// input size is known, percent done and ETA. On a terminal the line is
// redrawn in place; otherwise a line is written every 10 seconds. Runs that
// finish within 2 seconds print nothing.
#ifndef ANNALS_CLI_PROGRESS_H_
#define ANNALS_CLI_PROGRESS_H_

#include <iosfwd>
#include <string>

#include "annals/batch.h"

namespace annals::cli {

// "0.004 s", "12.3 s", "95 s": enough digits to read, no more.
std::string FormatSeconds(double seconds);

class ProgressPrinter {
 public:
  // `enabled` false silences it (--quiet).
  ProgressPrinter(std::ostream& err, bool enabled);
  void Update(const BatchProgress& p);
  // Ends a redrawn line so later output starts on a fresh line.
  void Finish();

 private:
  std::ostream& err_;
  bool enabled_;
  bool tty_;
  bool drawn_ = false;
  double last_line_seconds_ = 0;
};

}  // namespace annals::cli

#endif  // ANNALS_CLI_PROGRESS_H_
