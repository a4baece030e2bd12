// Connecting to PostgreSQL and mapping libpqxx's exceptions; see
// postgres_connection.h. Tested by postgres_store_test.cc.
#include "store/postgres_connection.h"

namespace annals::internal {

bool IsPostgresUrl(std::string_view target) {
  return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t start = scheme + 3;
    const size_t end = out.find_first_of("/?", start);
    const size_t at = out.rfind('@', end == std::string::npos ? out.size() : end);
    if (at != std::string::npos && at > start) {
      const size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    const size_t value = p + 9;
    const size_t end = out.find('&', value);
    out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
  }
  return out;
}

StatusOr<std::unique_ptr<pqxx::connection>> Connect(const std::string& url) {
  std::string target = url;
  if (target.find("connect_timeout=") == std::string::npos)
    target +=
        (target.find('?') == std::string::npos ? "?" : "&") + std::string("connect_timeout=10");
  try {
    return std::make_unique<pqxx::connection>(target);
  } catch (const std::exception& e) {
    std::string why = e.what();
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    return Status(ErrorCode::kUnavailable,
                  "cannot reach the PostgreSQL server at " + RedactUrl(url) + ": " + why);
  }
}

Status FromException(const std::exception& e, std::string_view context, std::string_view where) {
  std::string why = e.what();
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  const std::string prefix = "store '" + RedactUrl(where) + "': " + std::string(context) + ": ";
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr)
    return Status(ErrorCode::kUnavailable, prefix + "lost the connection to the server: " + why);
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr)
    return Status(ErrorCode::kUnavailable,
                  prefix +
                      "the connection broke during COMMIT (a retry is safe: stored "
                      "documents are skipped): " +
                      why);
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    // 57P01..57P03: the server is shutting down or restarting.
    if (sql->sqlstate().starts_with("57P") || sql->sqlstate().starts_with("08"))
      return Status(ErrorCode::kUnavailable, prefix + why);
    return Status(ErrorCode::kStore, prefix + why + " (SQLSTATE " + sql->sqlstate() + ")");
  }
  return Status(ErrorCode::kStore, prefix + why);
}

bool RefusesData(const pqxx::sql_error& e) {
  const std::string& state = e.sqlstate();
  return state.starts_with("22") || state.starts_with("23") || state.starts_with("54") ||
         state.starts_with("P0");
}

std::string TextArray(const std::vector<std::string>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string IntArray(const std::vector<int64_t>& values) {
  std::string out = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  return out + "}";
}

std::string ByteaHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + 2 * bytes.size());
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

bool DecodeByteaHex(std::string_view text, std::string* out) {
  if (!text.starts_with("\\x") || text.size() % 2 != 0) return false;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out->clear();
  out->reserve(text.size() / 2 - 1);
  for (size_t i = 2; i < text.size(); i += 2) {
    const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi << 4 | lo));
  }
  return true;
}

}  // namespace annals::internal
