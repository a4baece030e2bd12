// Folding runs once per token of every article the resolver reads, so
// ASCII takes a table and only other code points reach utf8proc.
#include "places/name_folding.h"

#include <utf8proc.h>

#include <array>

#include "text/utf8.h"

// Token hashing is on the lookup path: inline XXH3 rather than call it.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace annals::places {
namespace {

constexpr auto kFoldOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);

// ASCII byte -> folded byte, 0 for a separator.
constexpr std::array<char, 128> kAsciiFold = [] {
  std::array<char, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

// Latin letters that NFKD leaves alone, as news spells them in ASCII.
std::string_view LatinSpelling(char32_t cp) {
  switch (cp) {
    case 0xF8:  // o with stroke
      return "o";
    case 0xE6:  // ae
      return "ae";
    case 0x153:  // oe
      return "oe";
    case 0xDF:  // sharp s (case folding already gives "ss")
      return "ss";
    case 0x111:  // d with stroke
    case 0xF0:   // eth
      return "d";
    case 0x142:  // l with stroke
      return "l";
    case 0x131:  // dotless i
      return "i";
    case 0xFE:  // thorn
      return "th";
    case 0x127:  // h with stroke
      return "h";
    case 0x167:  // t with stroke
      return "t";
    default:
      return {};
  }
}

class Folder {
 public:
  explicit Folder(std::string* out) : out_(out) { out_->clear(); }

  void Ascii(unsigned char b) {
    const char c = kAsciiFold[b];
    if (c == 0) {
      gap_ = true;
    } else {
      Open();
      out_->push_back(c);
    }
  }
  void Separator() { gap_ = true; }
  void CodePoint(char32_t cp) {
    utf8proc_int32_t buf[32];
    int boundclass = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 32,
                                                       kFoldOptions, &boundclass);
    if (n < 0 || n > 32) return Separator();
    for (utf8proc_ssize_t k = 0; k < n; ++k) Folded(static_cast<char32_t>(buf[k]));
  }

 private:
  void Folded(char32_t cp) {
    if (cp < 0x80) return Ascii(static_cast<unsigned char>(cp));
    if (const std::string_view latin = LatinSpelling(cp); !latin.empty()) {
      Open();
      out_->append(latin);
      return;
    }
    // Modifier letters used as apostrophes (Hawai'i, Kyyivs'ka).
    if (cp >= 0x2B9 && cp <= 0x2BF) return Separator();
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO:
        Open();
        internal::AppendUtf8(cp, out_);
        return;
      default:
        return Separator();
    }
  }
  // A pending separator becomes one space, unless nothing precedes it.
  void Open() {
    if (gap_ && !out_->empty()) out_->push_back(' ');
    gap_ = false;
  }

  std::string* out_;
  bool gap_ = false;
};

}  // namespace

void FoldName(std::string_view name, std::string* out) {
  Folder f(out);
  for (size_t i = 0; i < name.size();) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      f.Ascii(b);
      ++i;
      continue;
    }
    char32_t cp = 0;
    const size_t n = internal::DecodeUtf8(name, i, &cp);
    if (n == 0) {
      f.Separator();
      ++i;
      continue;
    }
    f.CodePoint(cp);
    i += n;
  }
}

bool IsLatinFolded(std::string_view folded) {
  bool letter = false;
  for (const char c : folded) {
    if (c >= 'a' && c <= 'z') {
      letter = true;
    } else if (!(c >= '0' && c <= '9') && c != ' ') {
      return false;
    }
  }
  return letter;
}

void NameKey::Add(std::string_view folded) {
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    if (j > i) {
      hash_ = XXH3_64bits_withSeed(folded.data() + i, j - i, hash_);
      ++tokens_;
    }
    i = j + 1;
  }
}

}  // namespace annals::places
