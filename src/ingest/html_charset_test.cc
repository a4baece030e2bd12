// Tests for charset detection and conversion (html_charset.cc) and gzip
// input (html_gzip.cc).
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "annals/html.h"
#include "ingest/html_internal.h"

namespace annals {
namespace {

constexpr char kSentence[] =
    " owes the caf\xC3\xA9 on the corner of the square a great deal, said the mayor on "
    "Sunday.";  // UTF-8: caf\u00e9

std::string PageWith(const std::string& head, const std::string& paragraph) {
  return "<html><head>" + head + "</head><body><p>" + paragraph + "</p></body></html>";
}

HtmlArticle ExtractBytes(const std::string& bytes, Status* st = nullptr,
                         const HtmlOptions& options = HtmlOptions{}) {
  HtmlArticle a;
  const Status s = ExtractHtmlArticle(bytes, options, &a);
  EXPECT_TRUE(st != nullptr || s.ok()) << s.ToString();
  if (st != nullptr) *st = s;
  return a;
}

TEST(HtmlCharset, Windows1252) {
  // \x93 \x94: curly quotes in windows-1252 only; \xE9: e acute.
  const HtmlArticle a = ExtractBytes(
      PageWith("<meta charset=\"windows-1252\">",
               "The \x93"
               "caf\xE9\x94 owes its name to the corner of the square, said the mayor."));
  EXPECT_EQ(a.charset, "windows-1252");
  EXPECT_EQ(a.text,
            "The \xE2\x80\x9C"
            "caf\xC3\xA9\xE2\x80\x9D owes its name to the corner of the "
            "square, said the mayor.");
}

TEST(HtmlCharset, Latin1LabelReadsAsWindows1252) {
  const HtmlArticle a = ExtractBytes(PageWith(
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
      "The caf\xE9 on the corner of the square is to close after forty years, said its owner."));
  EXPECT_EQ(a.charset, "windows-1252");
  EXPECT_NE(a.text.find("caf\xC3\xA9"), std::string::npos);
}

TEST(HtmlCharset, ShiftJis) {
  // "Nihon" (\u65e5\u672c) in Shift_JIS is 93 FA 96 7B.
  const HtmlArticle a = ExtractBytes(PageWith(
      "<meta charset=\"Shift_JIS\">",
      "\x93\xFA\x96\x7B: the long paragraph of a story that is mostly in English, so that it "
      "counts as prose."));
  EXPECT_EQ(a.charset, "shift_jis");
  EXPECT_TRUE(a.text.starts_with("\xE6\x97\xA5\xE6\x9C\xAC:")) << a.text;
}

TEST(HtmlCharset, Utf16WithAndWithoutByteOrderMark) {
  const std::string page = PageWith("", std::string("The square") + kSentence);
  std::string le = "\xFF\xFE", bare_be;
  for (const char c : page) {
    // All ASCII except the two bytes of \u00e9, which become one UTF-16 unit.
    le.push_back(c);
    le.push_back('\0');
  }
  // Fix \u00e9 (C3 A9 -> E9 00).
  const size_t at = le.find(std::string("\xC3\0\xA9\0", 4));
  ASSERT_NE(at, std::string::npos);
  le.replace(at, 4, std::string("\xE9\0", 2));
  const HtmlArticle a = ExtractBytes(le);
  EXPECT_EQ(a.charset, "utf-16le");
  EXPECT_NE(a.text.find("caf\xC3\xA9"), std::string::npos) << a.text;
  for (size_t i = 2; i + 1 < le.size(); i += 2) {
    bare_be.push_back(le[i + 1]);
    bare_be.push_back(le[i]);
  }
  const HtmlArticle b = ExtractBytes(bare_be);
  EXPECT_EQ(b.charset, "utf-16be");
  EXPECT_EQ(b.text, a.text);
}

TEST(HtmlCharset, MetaThatLies) {
  // Says ISO-8859-1, is UTF-8: the bytes win.
  const HtmlArticle a = ExtractBytes(
      PageWith("<meta charset=\"iso-8859-1\">", std::string("The square") + kSentence));
  EXPECT_EQ(a.charset, "utf-8");
  EXPECT_NE(a.text.find("caf\xC3\xA9 on"), std::string::npos) << a.text;
  // Says UTF-8, is windows-1252 throughout: guessed afresh.
  const HtmlArticle b =
      ExtractBytes(PageWith("<meta charset=\"utf-8\">",
                            "Le caf\xE9 de la place ferme apr\xE8s quarante ann\xE9"
                            "es, a d\xE9"
                            "clar\xE9 son "
                            "propri\xE9taire \xE0 la presse mardi \xE0 midi, tr\xE8s \xE9mu."));
  EXPECT_NE(b.charset, "utf-8");
  EXPECT_NE(b.text.find("caf\xC3\xA9"), std::string::npos) << b.charset << " " << b.text;
}

TEST(HtmlCharset, DeclaredCharsetWins) {
  HtmlOptions options;
  options.declared_charset = "windows-1251";
  const HtmlArticle a = ExtractBytes(
      PageWith("<meta charset=\"utf-8\">",
               "\xCC\xEE\xF1\xEA\xE2\xE0 is where the long paragraph of this story takes "
               "place, said the reporter."),
      nullptr, options);
  EXPECT_EQ(a.charset, "windows-1251");
  EXPECT_TRUE(a.text.starts_with("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"))
      << a.text;  // "Moskva" in Cyrillic
}

TEST(HtmlCharset, SniffsDeclarations) {
  EXPECT_EQ(internal::SniffMetaCharset("<meta charset='UTF-8'>"), "utf-8");
  EXPECT_EQ(internal::SniffMetaCharset(
                "<META HTTP-EQUIV=\"content-type\" CONTENT=\"text/html;charset=euc-jp\">"),
            "euc-jp");
  EXPECT_EQ(internal::SniffMetaCharset("<?xml version=\"1.0\" encoding=\"koi8-r\"?>"), "koi8-r");
  EXPECT_EQ(internal::SniffMetaCharset("<meta name=x><p>charset=x"), "");
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(HtmlGzip, InflatesPages) {
  const std::string page = PageWith("", std::string("The square") + kSentence);
  const HtmlArticle a = ExtractBytes(Gzip(page));
  EXPECT_TRUE(a.text.starts_with("The square owes")) << a.text;
  Status st;
  ExtractBytes(Gzip(page).substr(0, 30), &st);
  EXPECT_EQ(st.code(), ErrorCode::kBadArchive);
  HtmlOptions small;
  small.max_bytes = 64;
  ExtractBytes(Gzip(std::string(100000, ' ')), &st, small);
  EXPECT_EQ(st.code(), ErrorCode::kTooLarge);
}

}  // namespace
}  // namespace annals
