// The worker loop; the contract and the failure handling are described in
// worker.h.
#include "distributed/worker.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <thread>
#include <utility>
#include <vector>

#include "distributed/work_message.h"

namespace annals::internal {
namespace {

using Clock = std::chrono::steady_clock;

// A message this worker holds until its documents are committed.
struct Held {
  Delivery delivery;
  size_t first_doc = 0, end_doc = 0;  // its documents in the batch's vector
  bool single_document = false;       // a document message (not a file reference)
};

// Collects what the readers make of a referenced file.
class FileSink : public RecordSink {
 public:
  explicit FileSink(std::vector<Document>* docs) : docs_(docs) {}
  void OnDocument(Document&& doc) override { docs_->push_back(std::move(doc)); }
  void OnError(RecordError&& error) override { errors.push_back(error.Describe()); }
  std::vector<std::string> errors;

 private:
  std::vector<Document>* docs_;
};

Status ReadWholeFile(const std::string& path, size_t max_bytes, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot open '" + path + "'");
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status(ErrorCode::kIo, "cannot read '" + path + "'");
  if (out->size() > max_bytes) return Status(ErrorCode::kTooLarge, "'" + path + "' is too large");
  return Status::Ok();
}

class Worker {
 public:
  Worker(WorkQueue& queue, const StoreOpener& open_store, const Pipeline& pipeline,
         const WorkerOptions& options, WorkerEvents& events, WorkerCounts& counts)
      : queue_(queue),
        open_store_(open_store),
        pipeline_(pipeline),
        options_(options),
        events_(events),
        counts_(counts) {}

  Status Run();

 private:
  void Sleep(std::chrono::milliseconds d) { std::this_thread::sleep_for(d); }
  // Sends a message to the dead-letter stream and terminates it; if the
  // queue is away it is left to come back (and be judged again).
  void Dead(Delivery& d, const std::string& reason);
  // Decodes and processes one message, appending its documents to docs_;
  // false when the message was dealt with already (dead, returned).
  bool Prepare(Delivery& d, Held* held);
  void HandleBatch(std::vector<Delivery> batch);
  // Waits until every message before `first_sequence` is acknowledged;
  // false if that took longer than ack_wait without progress.
  bool WaitForTurn(uint64_t first_sequence, std::vector<Held>& run);
  // Writes docs_[first, end) with retries; false if it gave up.
  bool Write(std::vector<Held>& run, size_t first, size_t end, WriteResult* result);
  void KeepAlive(std::vector<Held>& run) {
    for (Held& h : run) (void)h.delivery.InProgress();
  }
  void GiveBack(std::vector<Held>& run) {
    for (Held& h : run) {
      const auto delay =
          BackoffDelay(options_.backoff, static_cast<uint32_t>(h.delivery.deliveries()),
                       h.delivery.stream_sequence());
      if (h.delivery.Nak(delay).ok()) ++counts_.returned;
    }
  }
  void Commit(std::vector<Held>& run);

  WorkQueue& queue_;
  const StoreOpener& open_store_;
  const Pipeline& pipeline_;
  const WorkerOptions& options_;
  WorkerEvents& events_;
  WorkerCounts& counts_;
  std::unique_ptr<Store> store_;
  Scratch scratch_;
  std::vector<Document> docs_;
};

void Worker::Dead(Delivery& d, const std::string& reason) {
  Status s = queue_.PublishDead(d.data(), d.stream_sequence(), d.deliveries(), reason);
  if (s.ok()) s = d.Term();
  if (s.ok()) {
    ++counts_.dead;
    events_.Note("message " + std::to_string(d.stream_sequence()) +
                 " to the dead letters: " + reason);
  } else {
    events_.Note("could not dead-letter message " + std::to_string(d.stream_sequence()) + ": " +
                 s.ToString());
  }
}

bool Worker::Prepare(Delivery& d, Held* held) {
  ++counts_.messages;
  if (d.deliveries() > options_.max_deliveries) {
    Dead(d, "delivered " + std::to_string(d.deliveries()) +
                " times without being stored (a worker may have crashed on it)");
    return false;
  }
  StatusOr<WorkItem> item = DecodeWorkItem(d.data());
  if (!item.ok()) {
    Dead(d, item.status().ToString());
    return false;
  }
  held->first_doc = docs_.size();
  if (item->kind == WorkKind::kDocument) {
    Document& doc = docs_.emplace_back(std::move(item->document));
    if (Status s = pipeline_.Process(doc, scratch_); !s.ok()) {
      const std::string reason = doc.origin.Describe() + ": " + s.ToString();
      docs_.pop_back();
      Dead(d, reason);
      return false;
    }
    held->single_document = true;
  } else {
    std::string bytes;
    Status s = ReadWholeFile(item->path, options_.read.max_file_bytes, &bytes);
    if (!s.ok()) {
      // A shared file system may be back later; a file that stays away
      // ends in the dead letters after max_deliveries.
      events_.Note(s.ToString());
      const auto delay = BackoffDelay(options_.backoff, static_cast<uint32_t>(d.deliveries()),
                                      d.stream_sequence());
      if (d.Nak(delay).ok()) ++counts_.returned;
      return false;
    }
    ReadOptions read = options_.read;
    read.id_base = item->id_base;
    FileSink sink(&docs_);
    ParseBuffer(bytes, item->path, item->format, read, sink);
    for (const std::string& e : sink.errors) events_.Note(e);
    counts_.record_errors += sink.errors.size();
    // Documents the pipeline refuses are record errors too; the rest stay.
    size_t kept = held->first_doc;
    for (size_t i = held->first_doc; i < docs_.size(); ++i) {
      if (Status p = pipeline_.Process(docs_[i], scratch_); !p.ok()) {
        events_.Note(docs_[i].origin.Describe() + ": " + p.ToString());
        ++counts_.record_errors;
        continue;
      }
      if (kept != i) docs_[kept] = std::move(docs_[i]);
      ++kept;
    }
    docs_.resize(kept);
  }
  held->end_doc = docs_.size();
  return true;
}

bool Worker::WaitForTurn(uint64_t first_sequence, std::vector<Held>& run) {
  if (!options_.ordered || first_sequence <= 1) return true;
  uint64_t last_floor = 0;
  auto progress_at = Clock::now();
  auto alive_at = Clock::now();
  while (true) {
    StatusOr<uint64_t> floor = queue_.AckFloor();
    if (floor.ok() && *floor + 1 >= first_sequence) return true;
    const auto now = Clock::now();
    if (floor.ok() && *floor != last_floor) {
      last_floor = *floor;
      progress_at = now;
    }
    if (now - progress_at > options_.ack_wait) return false;
    if (now - alive_at > options_.ack_wait / 3) {
      KeepAlive(run);
      alive_at = now;
    }
    Sleep(std::chrono::milliseconds(floor.ok() ? 5 : 250));
  }
}

bool Worker::Write(std::vector<Held>& run, size_t first, size_t end, WriteResult* result) {
  const std::span<const Document> docs(docs_.data() + first, end - first);
  for (uint32_t attempt = 1;; ++attempt) {
    Status s;
    if (store_ == nullptr) {
      StatusOr<std::unique_ptr<Store>> opened = open_store_();
      if (opened.ok()) store_ = std::move(*opened);
      s = opened.status();
    }
    if (store_ != nullptr) {
      StatusOr<WriteResult> r = store_->WriteBatch(docs);
      if (r.ok()) {
        *result = std::move(*r);
        return true;
      }
      s = r.status();
      // A connection that failed once is not trusted again.
      store_.reset();
    }
    if (attempt >= options_.write_attempts) {
      events_.Note("giving up on a batch after " + std::to_string(attempt) +
                   " store writes: " + s.ToString());
      return false;
    }
    ++counts_.write_retries;
    events_.Note("store write failed (attempt " + std::to_string(attempt) +
                 "), retrying: " + s.ToString());
    KeepAlive(run);
    Sleep(BackoffDelay(options_.backoff, attempt, run.front().delivery.stream_sequence()));
  }
}

void Worker::Commit(std::vector<Held>& run) {
  if (run.empty()) return;
  if (!WaitForTurn(run.front().delivery.stream_sequence(), run)) {
    events_.Note("earlier messages are taking too long (a worker may have died); returning " +
                 std::to_string(run.size()) + " messages");
    for (Held& h : run) {
      if (h.delivery.Nak(std::chrono::milliseconds(500)).ok()) ++counts_.returned;
    }
    return;
  }
  const size_t first = run.front().first_doc, end = run.back().end_doc;
  WriteResult result;
  if (first < end && !Write(run, first, end, &result)) {
    GiveBack(run);
    return;
  }
  counts_.documents += result.inserted + result.replaced;
  counts_.duplicates += result.duplicates;
  counts_.sentences += result.sentences;
  std::vector<bool> refused(end - first, false);
  for (const auto& [index, status] : result.refused) {
    refused[index] = true;
    const Document& doc = docs_[first + index];
    events_.Note(doc.origin.Describe() + ": the store refused it: " + status.ToString());
  }
  for (Held& h : run) {
    if (h.single_document && h.end_doc > h.first_doc && refused[h.first_doc - first]) {
      Dead(h.delivery, "the store refused it");
      continue;
    }
    // Committed: a lost acknowledgement only means a redelivery that the
    // store will call "already stored".
    if (Status s = h.delivery.Ack(); !s.ok()) events_.Note(s.ToString());
  }
}

void Worker::HandleBatch(std::vector<Delivery> batch) {
  std::sort(batch.begin(), batch.end(), [](const Delivery& a, const Delivery& b) {
    return a.stream_sequence() < b.stream_sequence();
  });
  docs_.clear();
  // Consecutive sequences form a run, committed together; a gap (a message
  // another worker holds) means the run after it must wait its turn.
  std::vector<std::vector<Held>> runs;
  uint64_t previous = 0;
  for (Delivery& d : batch) {
    const uint64_t seq = d.stream_sequence();
    const bool joins = !runs.empty() && seq == previous + 1;
    previous = seq;
    Held held{std::move(d)};
    if (!Prepare(held.delivery, &held)) {
      // Dealt with already; it no longer separates its neighbours.
      if (!runs.empty() && joins) continue;
      runs.emplace_back();
      continue;
    }
    if (!joins || runs.empty()) runs.emplace_back();
    runs.back().push_back(std::move(held));
  }
  for (auto& run : runs) Commit(run);
  events_.Progress(counts_);
}

Status Worker::Run() {
  StatusOr<std::unique_ptr<Store>> opened = open_store_();
  if (!opened.ok()) return opened.status();
  store_ = std::move(*opened);
  auto last_work = Clock::now();
  uint32_t failures = 0;
  while (!events_.StopRequested()) {
    StatusOr<std::vector<Delivery>> batch = queue_.Fetch(options_.batch, options_.fetch_wait);
    if (!batch.ok()) {
      ++failures;
      if (failures == 1 || failures % 20 == 0) events_.Note(batch.status().ToString());
      Sleep(std::min(BackoffDelay(options_.backoff, failures), std::chrono::milliseconds(2000)));
      continue;
    }
    if (failures > 0) events_.Note("the queue is back");
    failures = 0;
    if (batch->empty()) {
      if (options_.idle_exit.count() > 0 && Clock::now() - last_work >= options_.idle_exit) break;
      continue;
    }
    HandleBatch(std::move(*batch));
    last_work = Clock::now();
  }
  return Status::Ok();
}

}  // namespace

Status RunWorker(WorkQueue& queue, const StoreOpener& open_store, const Pipeline& pipeline,
                 const WorkerOptions& options, WorkerEvents& events, WorkerCounts* counts) {
  Worker worker(queue, open_store, pipeline, options, events, *counts);
  return worker.Run();
}

}  // namespace annals::internal
