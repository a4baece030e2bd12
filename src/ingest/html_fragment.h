// Internal (not part of the public API): HTML fragments to plain text, for
// the HTML that feeds put inside items (content:encoded, description,
// Atom content) when the page extractor finds no article in it.
//
// A fragment is a few paragraphs of markup, not a page: there is no
// boilerplate to remove, so every text node is kept. Block elements (p,
// div, br, li, h1-h6, blockquote, tr) end a paragraph; script, style and
// comments are dropped; character references are decoded; white space is
// collapsed within paragraphs, and paragraphs are separated by one blank
// line. One pass, no recursion, output never longer than about the input.
//
// Tested by feed_reader_test.cc.
#ifndef ANNALS_INGEST_HTML_FRAGMENT_H_
#define ANNALS_INGEST_HTML_FRAGMENT_H_

#include <string>
#include <string_view>

namespace annals::internal {

// True when `s` holds markup: a '<' followed by a letter, '/' or '!'.
bool LooksLikeHtml(std::string_view s);

// `html` (UTF-8) as plain text, as described above.
std::string HtmlFragmentToText(std::string_view html);

// Decodes character references: &amp; &lt; &gt; &quot; &apos; &nbsp;, a
// few typographic names (&mdash; &rsquo; ...), &#N; and &#xH;. Unknown
// names and invalid code points are kept as written.
std::string DecodeCharacterReferences(std::string_view s);

}  // namespace annals::internal

#endif  // ANNALS_INGEST_HTML_FRAGMENT_H_
