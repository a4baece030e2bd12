// Reading inputs into work messages; see enqueue.h.
#include "distributed/enqueue.h"

#include <filesystem>
#include <thread>

#include "distributed/backoff.h"
#include "distributed/work_message.h"

namespace annals::internal {
namespace {

constexpr uint32_t kPublishAttempts = 10;  // ~1 minute of back-off in all

class Publisher : public RecordSink {
 public:
  Publisher(WorkQueue& queue, const EnqueueErrorSink& on_error, EnqueueCounts& counts)
      : queue_(queue), on_error_(on_error), counts_(counts) {}

  void OnDocument(Document&& doc) override {
    WorkItem item;
    item.document = std::move(doc);
    Publish(item, item.document.origin.Describe());
  }
  void OnError(RecordError&& error) override {
    ++counts_.records;
    ++counts_.failed;
    on_error_(error.Describe());
  }
  bool Cancelled() const override { return !stopped_.ok(); }

  void Publish(const WorkItem& item, const std::string& where) {
    ++counts_.records;
    bytes_.clear();
    EncodeWorkItem(item, &bytes_);
    if (static_cast<int64_t>(bytes_.size()) > queue_.max_payload()) {
      ++counts_.failed;
      on_error_(where + ": " + ErrorTag(ErrorCode::kQueue) + " the work message of " +
                std::to_string(bytes_.size()) + " bytes is over the server's max_payload (" +
                std::to_string(queue_.max_payload()) +
                "); raise max_payload or enqueue the file --by-reference");
      return;
    }
    const std::string id = WorkItemDedupId(item);
    const BackoffPolicy policy{std::chrono::milliseconds(250), std::chrono::milliseconds(15'000),
                               0.2};
    for (uint32_t attempt = 1;; ++attempt) {
      bool duplicate = false;
      Status s = queue_.Publish(bytes_, id, &duplicate);
      if (s.ok()) {
        ++(duplicate ? counts_.duplicates : counts_.published);
        if (!duplicate) counts_.bytes += bytes_.size();
        return;
      }
      if (attempt == kPublishAttempts) {
        stopped_ = s;
        return;
      }
      on_error_(where + ": " + s.ToString() + " (retrying)");
      std::this_thread::sleep_for(BackoffDelay(policy, attempt));
    }
  }

  const Status& stopped() const { return stopped_; }

 private:
  WorkQueue& queue_;
  const EnqueueErrorSink& on_error_;
  EnqueueCounts& counts_;
  std::string bytes_;
  Status stopped_;
};

}  // namespace

Status Enqueue(WorkQueue& queue, const std::vector<std::string>& paths, const ReadOptions& read,
               bool by_reference, const EnqueueErrorSink& on_error, EnqueueCounts* counts) {
  Publisher publisher(queue, on_error, *counts);
  if (!by_reference) {
    ReadPaths(paths, read, publisher);
    return publisher.stopped();
  }
  for (const auto& [path, size] : ListInputFiles(paths)) {
    if (path == "-") {
      ++counts->failed;
      on_error("-: standard input cannot be enqueued by reference");
      continue;
    }
    WorkItem item;
    item.kind = WorkKind::kFile;
    // Workers run elsewhere: a path relative to here means nothing there.
    item.path = std::filesystem::absolute(path).lexically_normal().string();
    item.format = read.format;
    publisher.Publish(item, path);
    if (!publisher.stopped().ok()) break;
  }
  return publisher.stopped();
}

}  // namespace annals::internal
