// Progress reporting; see progress.h.
#include "cli/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace annals::cli {

std::string FormatSeconds(double seconds) {
  char buf[32];
  const char* format = seconds < 1 ? "%.3f s" : seconds < 100 ? "%.1f s" : "%.0f s";
  std::snprintf(buf, sizeof buf, format, seconds);
  return buf;
}

ProgressPrinter::ProgressPrinter(std::ostream& err, bool enabled)
    : err_(err), enabled_(enabled), tty_(isatty(STDERR_FILENO) != 0) {}

void ProgressPrinter::Update(const BatchProgress& p) {
  if (!enabled_ || p.seconds < 2.0) return;
  if (!tty_ && p.seconds - last_line_seconds_ < 10.0) return;
  last_line_seconds_ = p.seconds;
  char line[200];
  const double docs_per_s = p.documents / p.seconds;
  // Input bytes when known: they are what the file sizes and the ETA count.
  const double mb_per_s = (p.input_bytes > 0 ? p.input_bytes : p.bytes) / 1e6 / p.seconds;
  int n = std::snprintf(line, sizeof line, "%llu documents (%llu failed), %.0f docs/s, %.1f MB/s",
                        static_cast<unsigned long long>(p.documents),
                        static_cast<unsigned long long>(p.failed), docs_per_s, mb_per_s);
  if (p.total_bytes > 0 && p.input_bytes > 0) {
    const double done = std::min(1.0, static_cast<double>(p.input_bytes) / p.total_bytes);
    const double eta = done > 0 ? p.seconds * (1 - done) / done : 0;
    std::snprintf(line + n, sizeof line - n, ", %.0f%%, ETA %.0f s", done * 100, eta);
  }
  if (tty_) {
    err_ << "\r\033[K" << line << std::flush;
    drawn_ = true;
  } else {
    err_ << "annals: " << line << "\n" << std::flush;
  }
}

void ProgressPrinter::Finish() {
  if (drawn_) err_ << "\n" << std::flush;
  drawn_ = false;
}

}  // namespace annals::cli
