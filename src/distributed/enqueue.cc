// Reading inputs into work messages; see enqueue.h.
#include "distributed/enqueue.h"

#include <filesystem>
#include <thread>

#include "distributed/backoff.h"
#include "distributed/work_message.h"

namespace annals::internal {
namespace {

constexpr uint32_t kPublishAttempts = 10;  // ~1 minute of back-off in all
// Polling a full work stream: soon at first, then every 2 s or so.
constexpr BackoffPolicy kRoomPolicy{std::chrono::milliseconds(100),
                                    std::chrono::milliseconds(2'000), 0.2};

class Publisher : public RecordSink {
 public:
  Publisher(WorkQueue& queue, uint64_t max_backlog_bytes, const EnqueueErrorSink& on_error,
            EnqueueCounts& counts)
      : queue_(queue), max_backlog_(max_backlog_bytes), on_error_(on_error), counts_(counts) {}

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
    if (!WaitForRoom()) return;
    const std::string id = WorkItemDedupId(item);
    const BackoffPolicy policy{std::chrono::milliseconds(250), std::chrono::milliseconds(15'000),
                               0.2};
    for (uint32_t attempt = 1;; ++attempt) {
      bool duplicate = false;
      Status s = queue_.Publish(bytes_, id, &duplicate);
      if (s.ok()) {
        ++(duplicate ? counts_.duplicates : counts_.published);
        if (!duplicate) {
          counts_.bytes += bytes_.size();
          unseen_ += bytes_.size();
        }
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
  // With a backlog limit: false (and stopped_ set) when the stream's size
  // cannot be read. The stream is asked only when what it held when last
  // asked plus what was published since would pass the limit, so a stream
  // far below it costs no requests.
  bool WaitForRoom() {
    if (max_backlog_ == 0) return true;
    uint32_t waits = 0;
    while (held_ + unseen_ + bytes_.size() > max_backlog_) {
      StatusOr<QueueCounts> c = queue_.Counts();
      if (!c.ok()) {
        stopped_ = c.status();
        return false;
      }
      held_ = c->bytes;
      unseen_ = 0;
      // An empty stream always takes one message, however big.
      if (held_ == 0 || held_ + bytes_.size() <= max_backlog_) break;
      if (!said_full_) {
        on_error_("note: the work stream holds " + std::to_string(held_ >> 10) +
                  " KB, over --max-backlog-kb " + std::to_string(max_backlog_ >> 10) +
                  "; waiting for workers to make room");
        said_full_ = true;
      }
      std::this_thread::sleep_for(BackoffDelay(kRoomPolicy, ++waits));
    }
    if (waits > 0) ++counts_.waited;
    return true;
  }

  WorkQueue& queue_;
  const uint64_t max_backlog_;
  uint64_t held_ = 0;    // the stream's size when last asked
  uint64_t unseen_ = 0;  // bytes published since
  bool said_full_ = false;
  const EnqueueErrorSink& on_error_;
  EnqueueCounts& counts_;
  std::string bytes_;
  Status stopped_;
};

}  // namespace

Status Enqueue(WorkQueue& queue, const std::vector<std::string>& paths,
               const EnqueueOptions& options, const EnqueueErrorSink& on_error,
               EnqueueCounts* counts) {
  Publisher publisher(queue, options.max_backlog_bytes, on_error, *counts);
  const ReadOptions& read = options.read;
  if (!options.by_reference) {
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
