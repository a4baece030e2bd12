// Tested by fields_test.cc.
#include "dict/fields.h"

#include <fstream>
#include <sstream>

#include "annals/text.h"

namespace annals::dict {

std::string_view Trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

Status LineError(std::string_view path, uint32_t line, std::string_view reason) {
  std::string m(path);
  m += ':';
  m += std::to_string(line);
  m += ": ";
  m += reason;
  return Status(ErrorCode::kBadDictionary, std::move(m));
}

Status ReadFieldFile(const std::string& path, char separator, FieldFile* file) {
  file->path = path;
  file->lines.clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot open dictionary '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  file->text = std::move(ss).str();
  size_t bad = 0;
  if (!IsValidUtf8(file->text, &bad)) {
    std::string_view before(file->text.data(), bad);
    uint32_t line = 1;
    for (char c : before) line += c == '\n';
    return LineError(path, line, "not UTF-8");
  }
  std::string_view rest(file->text);
  uint32_t number = 0;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++number;
    if (line.find('\0') != std::string_view::npos) return LineError(path, number, "NUL byte");
    if (const size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    if (Trim(line).empty()) continue;
    FieldLine fl;
    fl.number = number;
    for (;;) {
      const size_t sep = line.find(separator);
      fl.fields.push_back(Trim(line.substr(0, sep)));
      if (sep == std::string_view::npos) break;
      line.remove_prefix(sep + 1);
    }
    file->lines.push_back(std::move(fl));
  }
  return Status::Ok();
}

std::vector<std::string_view> SplitList(std::string_view field) {
  std::vector<std::string_view> out;
  for (;;) {
    const size_t sep = field.find(';');
    if (std::string_view item = Trim(field.substr(0, sep)); !item.empty()) out.push_back(item);
    if (sep == std::string_view::npos) break;
    field.remove_prefix(sep + 1);
  }
  return out;
}

namespace {
bool Digits(std::string_view s, size_t n, int* value) {
  if (s.size() != n) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}
int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}
}  // namespace

bool ParseDictDate(std::string_view s, bool end, int* yyyymmdd) {
  if (s.empty()) {
    *yyyymmdd = 0;
    return true;
  }
  int year = 0, month = end ? 12 : 1, day = 0;
  if (!Digits(s.substr(0, 4), 4, &year) || year < 1000) return false;
  if (s.size() > 4) {
    if (s.size() < 7 || s[4] != '-' || !Digits(s.substr(5, 2), 2, &month) || month < 1 ||
        month > 12) {
      return false;
    }
  }
  day = end ? DaysIn(year, month) : 1;
  if (s.size() > 7) {
    if (s.size() != 10 || s[7] != '-' || !Digits(s.substr(8, 2), 2, &day) || day < 1 ||
        day > DaysIn(year, month)) {
      return false;
    }
  }
  *yyyymmdd = year * 10000 + month * 100 + day;
  return true;
}

}  // namespace annals::dict
