// Flag parsing for the CLI; see flags.h.
#include "cli/flags.h"

#include <algorithm>
#include <charconv>

namespace annals::cli {

bool Flags::Parse(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args,
                  std::string* error) {
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (flags_done || a.size() < 3 || a.compare(0, 2, "--") != 0) {
      if (a == "--") {
        flags_done = true;
        continue;
      }
      positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::optional<std::string> inline_value;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      *error = "unknown option --" + name + " (see --help)";
      return false;
    }
    if (spec->value_name.empty()) {
      if (inline_value) {
        *error = "option --" + name + " takes no value";
        return false;
      }
      values_[name] = "true";
    } else if (inline_value) {
      values_[name] = *inline_value;
    } else if (i + 1 < args.size()) {
      values_[name] = args[++i];
    } else {
      *error = "option --" + name + " needs a value (" + spec->value_name + ")";
      return false;
    }
  }
  return true;
}

std::optional<std::string> Flags::Get(std::string_view name) const {
  auto it = values_.find(std::string(name));
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Flags::GetOr(std::string_view name, std::string fallback) const {
  auto v = Get(name);
  return v ? *v : std::move(fallback);
}

bool Flags::GetUnsigned(std::string_view name, unsigned long long lo, unsigned long long hi,
                        unsigned long long* out, std::string* error) const {
  auto v = Get(name);
  if (!v) return true;
  unsigned long long n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n < lo || n > hi) {
    *error = "option --" + std::string(name) + " wants a whole number from " + std::to_string(lo) +
             " to " + std::to_string(hi) + ", not '" + *v + "'";
    return false;
  }
  *out = n;
  return true;
}

std::string HelpText(std::string_view name, std::string_view usage, std::string_view summary,
                     const std::vector<FlagSpec>& specs) {
  std::string out = "Usage: annals " + std::string(name) + " " + std::string(usage) + "\n\n" +
                    std::string(summary) + "\n";
  if (specs.empty()) return out;
  out += "\nOptions:\n";
  size_t width = 0;
  for (const auto& s : specs) width = std::max(width, s.name.size() + s.value_name.size() + 1);
  for (const auto& s : specs) {
    std::string left = "--" + s.name + (s.value_name.empty() ? "" : " " + s.value_name);
    left.resize(width + 4, ' ');
    out += "  " + left + s.help + "\n";
  }
  return out;
}

}  // namespace annals::cli
