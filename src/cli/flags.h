// A small command-line flag parser for the annals sub-commands.
//
// Flags are declared up front (name, whether it takes a value, help text) so
// that unknown flags are refused and --help is generated from the same table.
// Accepts "--name value", "--name=value" and "--" to end flags.
//
// Tested by flags_test.cc.
#ifndef ANNALS_CLI_FLAGS_H_
#define ANNALS_CLI_FLAGS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::cli {

struct FlagSpec {
  std::string name;        // without the leading "--"
  std::string value_name;  // empty for a boolean flag
  std::string help;
};

class Flags {
 public:
  // Parses args (after the sub-command name). False with *error on an
  // unknown flag or a missing value.
  bool Parse(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args,
             std::string* error);

  bool Has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
  std::optional<std::string> Get(std::string_view name) const;
  std::string GetOr(std::string_view name, std::string fallback) const;
  // False with *error when the value is not a whole number in [lo, hi].
  bool GetUnsigned(std::string_view name, unsigned long long lo, unsigned long long hi,
                   unsigned long long* out, std::string* error) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// "Usage: annals NAME USAGE\n\nSUMMARY\n\nOptions:\n  --flag VALUE  help..."
std::string HelpText(std::string_view name, std::string_view usage, std::string_view summary,
                     const std::vector<FlagSpec>& specs);

}  // namespace annals::cli

#endif  // ANNALS_CLI_FLAGS_H_
