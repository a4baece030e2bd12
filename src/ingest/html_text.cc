// Block text assembly: the kept blocks of a page as plain text.
//
// Each block is already one paragraph with white space collapsed (the
// parser does that as it reads), so assembly is joining them with a blank
// line. Consecutive blocks with identical text are written once: pages
// repeat a paragraph for a second layout (mobile and desktop copies, a
// pull quote that restates the body).
//
// Tested by html_extract_test.cc.
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_internal.h"

namespace annals::internal {

std::string AssembleText(const HtmlPage& page, const std::vector<uint32_t>& blocks) {
  std::string out;
  std::string_view previous;
  for (const uint32_t i : blocks) {
    const std::string_view text = page.BlockText(page.blocks[i]);
    if (text.empty() || text == previous) continue;
    if (!out.empty()) out += "\n\n";
    out.append(text);
    previous = text;
  }
  return out;
}

}  // namespace annals::internal
