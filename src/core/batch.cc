// BatchRunner: one reader thread, N pipeline workers, results in input order.
//
// Every record the reader produces (document or error) gets a sequence
// number; workers may finish out of order, and the calling thread releases
// results strictly by sequence. The reader may run at most `window` records
// ahead of what the consumer has released, which bounds memory even when one
// huge document holds up the line.
//
// Tested by batch_test.cc.
#include "annals/batch.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace annals {
namespace {

unsigned ResolveThreads(unsigned threads) {
  if (threads != 0) return threads;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : hw;
}

struct Item {
  uint64_t seq = 0;
  uint64_t input_bytes = 0;  // input read up to and including this record
  std::optional<Document> doc;
  std::optional<RecordError> error;
  std::string rendered;  // Consumer::Render() of doc
};

// The state shared by the reader, the workers and the consumer. One mutex
// guards all of it: the work per item (a whole document through the
// pipeline) dwarfs the locking.
class Exchange {
 public:
  explicit Exchange(uint64_t window) : window_(window) {}

  // Reader: waits until the item fits in the window, then queues it.
  void Push(Item&& item) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return stopped_ || next_seq_ - released_ < window_; });
    if (stopped_) return;
    item.seq = next_seq_++;
    if (item.doc) {
      todo_.push_back(std::move(item));
      work_.notify_one();
    } else {
      done_.emplace(item.seq, std::move(item));
      ready_.notify_one();
    }
  }

  void CloseInput() {
    std::lock_guard lock(mu_);
    input_closed_ = true;
    work_.notify_all();
    ready_.notify_all();
  }

  // Worker: the next document to process, or nothing when all is read.
  std::optional<Item> Take() {
    std::unique_lock lock(mu_);
    work_.wait(lock, [&] { return stopped_ || input_closed_ || !todo_.empty(); });
    if (stopped_ || todo_.empty()) return std::nullopt;
    Item item = std::move(todo_.front());
    todo_.pop_front();
    return item;
  }

  void Finish(Item&& item) {
    std::lock_guard lock(mu_);
    const uint64_t seq = item.seq;
    done_.emplace(seq, std::move(item));
    if (seq == released_) ready_.notify_one();
  }

  // Consumer: the next item in sequence; waits at most `wait`. Returns
  // nothing on time-out or when everything has been released.
  std::optional<Item> Next(std::chrono::milliseconds wait, bool* finished) {
    std::unique_lock lock(mu_);
    ready_.wait_for(lock, wait, [&] {
      return done_.count(released_) > 0 || (input_closed_ && released_ == next_seq_);
    });
    auto it = done_.find(released_);
    if (it == done_.end()) {
      *finished = input_closed_ && released_ == next_seq_;
      return std::nullopt;
    }
    Item item = std::move(it->second);
    done_.erase(it);
    ++released_;
    space_.notify_one();
    *finished = false;
    return item;
  }

  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    work_.notify_all();
    space_.notify_all();
    ready_.notify_all();
  }
  bool stopped() {
    std::lock_guard lock(mu_);
    return stopped_;
  }

 private:
  std::mutex mu_;
  std::condition_variable space_, work_, ready_;
  std::deque<Item> todo_;
  std::map<uint64_t, Item> done_;
  const uint64_t window_;
  uint64_t next_seq_ = 0;  // sequence number of the next pushed item
  uint64_t released_ = 0;  // items handed to the consumer so far
  bool input_closed_ = false;
  bool stopped_ = false;
};

// Queues what the reader produces, noting how far into the input each
// record ends, for progress: files before the current one count whole.
class QueueSink : public RecordSink {
 public:
  QueueSink(Exchange& ex, const std::vector<std::pair<std::string, uint64_t>>& files)
      : ex_(ex), sizes_(files.begin(), files.end()) {}
  void OnDocument(Document&& doc) override {
    Item item;
    item.input_bytes = InputBytes(doc.origin);
    item.doc = std::move(doc);
    ex_.Push(std::move(item));
  }
  void OnError(RecordError&& error) override {
    Item item;
    item.input_bytes = InputBytes(error.origin);
    item.error = std::move(error);
    ex_.Push(std::move(item));
  }
  bool Cancelled() const override { return ex_.stopped(); }

 private:
  uint64_t InputBytes(const Origin& origin) {
    if (origin.path != path_) {
      done_ += size_;
      path_ = origin.path;
      const auto it = sizes_.find(path_);
      size_ = it == sizes_.end() ? 0 : it->second;
    }
    return done_ + (origin.end_offset == 0 ? size_ : std::min(origin.end_offset, size_));
  }

  Exchange& ex_;
  const std::unordered_map<std::string, uint64_t> sizes_;
  std::string path_;   // the file being read
  uint64_t size_ = 0;  // its size
  uint64_t done_ = 0;  // bytes of the files read before it
};

// Runs the pipeline and the consumer's Render() on one document; any
// failure, even an exception from deep inside a library, becomes a
// RecordError for that document alone.
void ProcessItem(const Pipeline& pipeline, const Consumer& consumer, Scratch& scratch, Item& item) {
  Status status;
  try {
    status = pipeline.Process(*item.doc, scratch);
    if (status.ok()) item.rendered = consumer.Render(*item.doc);
  } catch (const std::exception& e) {
    status = Status(ErrorCode::kInternal, std::string("exception: ") + e.what());
  }
  if (!status.ok()) {
    item.error = RecordError{item.doc->origin, std::move(status)};
    item.doc.reset();
  }
}

}  // namespace

Status RunBatch(const std::vector<std::string>& paths, const ReadOptions& read_options,
                const Pipeline& pipeline, const BatchOptions& options, Consumer& consumer,
                BatchProgress* final_progress) {
  const unsigned threads = ResolveThreads(options.threads);
  const size_t batch_size = std::max<size_t>(1, options.batch_size);
  Exchange ex(uint64_t{4} * threads * batch_size);

  BatchProgress progress;
  const std::vector<std::pair<std::string, uint64_t>> files = ListInputFiles(paths);
  for (const auto& [path, size] : files) progress.total_bytes += size;
  const auto start = std::chrono::steady_clock::now();

  std::thread reader([&] {
    QueueSink sink(ex, files);
    ReadPaths(paths, read_options, sink);
    ex.CloseInput();
  });
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      Scratch scratch;
      while (std::optional<Item> item = ex.Take()) {
        ProcessItem(pipeline, consumer, scratch, *item);
        ex.Finish(std::move(*item));
      }
    });
  }

  Status result;
  std::vector<Document> batch;
  std::vector<std::string> rendered;
  batch.reserve(batch_size);
  rendered.reserve(batch_size);
  auto last_report = start;
  auto flush = [&] {
    if (batch.empty() || !result.ok()) return;
    result = consumer.OnBatch(batch, rendered);
    batch.clear();
    rendered.clear();
    if (!result.ok()) ex.Stop();
  };
  for (;;) {
    bool finished = false;
    std::optional<Item> item = ex.Next(std::chrono::milliseconds(200), &finished);
    if (!result.ok()) break;  // the consumer failed: what is left is not stored
    if (item) {
      ++progress.documents;
      progress.input_bytes = std::max(progress.input_bytes, item->input_bytes);
      if (item->doc) {
        progress.sentences += item->doc->sentences.size();
        progress.bytes += item->doc->text.size();
        batch.push_back(std::move(*item->doc));
        rendered.push_back(std::move(item->rendered));
        if (batch.size() >= batch_size) flush();
      } else {
        ++progress.failed;
        consumer.OnError(*item->error);
      }
    } else if (finished || ex.stopped()) {
      break;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - last_report > std::chrono::milliseconds(500)) {
      last_report = now;
      progress.seconds = std::chrono::duration<double>(now - start).count();
      consumer.OnProgress(progress);
    }
  }
  flush();
  ex.Stop();
  reader.join();
  for (auto& w : workers) w.join();
  progress.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  consumer.OnProgress(progress);
  if (final_progress != nullptr) *final_progress = progress;
  return result;
}

}  // namespace annals
