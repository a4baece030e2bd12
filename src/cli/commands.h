// The annals sub-commands. Each takes its arguments (after the sub-command
// name) and the streams to talk to, and returns the process exit status.
//
// Exit statuses, the same for every sub-command:
//   0        everything worked
//   1..100   that many input records failed (100 means 100 or more); the
//            rest of the batch was processed and stored. For 'show': 1 when
//            the document is not in the store
//   101      a fatal error: the store could not be opened or written, or
//            standard output could not be written (disk full, closed pipe)
//   102      a usage error: unknown option, missing argument
#ifndef ANNALS_CLI_COMMANDS_H_
#define ANNALS_CLI_COMMANDS_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace annals::cli {

inline constexpr int kExitNotFound = 1;
inline constexpr int kExitFatal = 101;
inline constexpr int kExitUsage = 102;
// 0 for no failures, else min(failed, 100).
int ExitForFailures(uint64_t failed);

using Args = std::vector<std::string>;
int RunIngest(const Args& args, std::ostream& out, std::ostream& err);
int RunProcess(const Args& args, std::ostream& out, std::ostream& err);
int RunShow(const Args& args, std::ostream& out, std::ostream& err);
int RunList(const Args& args, std::ostream& out, std::ostream& err);
int RunStats(const Args& args, std::ostream& out, std::ostream& err);
int RunExport(const Args& args, std::ostream& out, std::ostream& err);
int RunParse(const Args& args, std::ostream& out, std::ostream& err);
int RunCode(const Args& args, std::ostream& out, std::ostream& err);
int RunValidate(const Args& args, std::ostream& out, std::ostream& err);
int RunTrainSyntax(const Args& args, std::ostream& out, std::ostream& err);
int RunGazetteer(const Args& args, std::ostream& out, std::ostream& err);
int RunPlaces(const Args& args, std::ostream& out, std::ostream& err);
int RunKnowledge(const Args& args, std::ostream& out, std::ostream& err);
int RunExtract(const Args& args, std::ostream& out, std::ostream& err);
int RunServe(const Args& args, std::ostream& out, std::ostream& err);
int RunEnqueue(const Args& args, std::ostream& out, std::ostream& err);
int RunWorker(const Args& args, std::ostream& out, std::ostream& err);
int RunStatus(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace annals::cli

#endif  // ANNALS_CLI_COMMANDS_H_
