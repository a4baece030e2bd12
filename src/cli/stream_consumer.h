// A Consumer that prints what each document renders to, in input order, and
// reports records that failed on the error stream: the shape of every
// sub-command that prints per document (parse, code).
#ifndef ANNALS_CLI_STREAM_CONSUMER_H_
#define ANNALS_CLI_STREAM_CONSUMER_H_

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "annals/batch.h"

namespace annals::cli {

class StreamConsumer : public Consumer {
 public:
  using RenderFn = std::function<std::string(const Document&)>;
  StreamConsumer(std::ostream& out, std::ostream& err, RenderFn render)
      : out_(out), err_(err), render_(std::move(render)) {}
  std::string Render(const Document& doc) const override { return render_(doc); }
  Status OnBatch(std::vector<Document>&, std::vector<std::string>& rendered) override {
    for (const std::string& r : rendered) out_ << r;
    if (!out_.flush()) return Status(ErrorCode::kIo, "could not write standard output");
    return Status::Ok();
  }
  void OnError(const RecordError& error) override {
    err_ << "annals: " << error.Describe() << "\n";
  }

 private:
  std::ostream& out_;
  std::ostream& err_;
  RenderFn render_;
};

}  // namespace annals::cli

#endif  // ANNALS_CLI_STREAM_CONSUMER_H_
