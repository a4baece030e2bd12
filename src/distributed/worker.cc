// The worker loop; the contract and the failure handling are described in
// worker.h.
//
// The worker keeps a pool of processed messages keyed by stream sequence.
// Each turn of the loop commits the pool's longest run that starts right
// after the consumer's ack floor (ordered mode) or everything (unordered),
// then fetches more work while the pool has room. A waiting worker keeps
// fetching, so the message every other worker waits for (one whose worker
// died, redelivered after ack_wait) is always picked up by someone, and
// messages are never handed back just to restore the order (each hand-back
// would count as a delivery towards max_deliveries).
#include "distributed/worker.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "distributed/work_message.h"

namespace annals::internal {
namespace {

using Clock = std::chrono::steady_clock;

// A processed message this worker holds until its documents are committed.
struct Entry {
  Delivery delivery;
  std::vector<Document> docs;    // its documents, through the pipeline
  bool single_document = false;  // a document message (not a file reference)
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
  // Decodes and processes one message into *entry; false when the message
  // was dealt with already (dead letter, handed back).
  bool Prepare(Delivery& d, Entry* entry);
  // Adds fetched messages to the pool, processing those not seen before (a
  // redelivery of a message in the pool keeps its processed documents).
  void Take(std::vector<Delivery> fetched);
  // Commits what may be committed now; true if anything was.
  bool CommitReady();
  // Says so when the pool has waited for message `next` much longer than a
  // crashed worker's message takes to come back (ack_wait): the first thing
  // to read when a run stalls.
  void NoteLongWait(uint64_t next);
  // Writes, then acknowledges, `run`; hands it back if the store stays away.
  void Commit(std::vector<Entry>& run);
  bool Write(std::vector<Entry>& run, std::vector<Document>& docs, WriteResult* result);
  void KeepAlive() {
    for (auto& [seq, e] : pool_) (void)e.delivery.InProgress();
  }

  WorkQueue& queue_;
  const StoreOpener& open_store_;
  const Pipeline& pipeline_;
  const WorkerOptions& options_;
  WorkerEvents& events_;
  WorkerCounts& counts_;
  std::unique_ptr<Store> store_;
  Scratch scratch_;
  std::map<uint64_t, Entry> pool_;                  // by stream sequence
  Clock::time_point alive_at_ = Clock::now();       // the last keep-alive of what we hold
  std::optional<Clock::time_point> waiting_since_;  // nothing committable since
  Clock::time_point wait_noted_at_;
};

void Worker::NoteLongWait(uint64_t next) {
  const auto now = Clock::now();
  if (!waiting_since_) {
    waiting_since_ = now;
    return;
  }
  if (now - *waiting_since_ < 2 * options_.ack_wait || now - wait_noted_at_ < options_.ack_wait)
    return;
  wait_noted_at_ = now;
  const auto waited = std::chrono::duration_cast<std::chrono::seconds>(now - *waiting_since_);
  events_.Note("waiting " + std::to_string(waited.count()) + " s for message " +
               std::to_string(next) + " to be committed before the " +
               std::to_string(pool_.size()) + " held here (from " +
               std::to_string(pool_.begin()->first) + ")");
}

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

bool Worker::Prepare(Delivery& d, Entry* entry) {
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
  if (item->kind == WorkKind::kDocument) {
    Document& doc = item->document;
    if (Status s = pipeline_.Process(doc, scratch_); !s.ok()) {
      Dead(d, doc.origin.Describe() + ": " + s.ToString());
      return false;
    }
    entry->docs.push_back(std::move(doc));
    entry->single_document = true;
    return true;
  }
  std::string bytes;
  Status s = ReadWholeFile(item->path, options_.read.max_file_bytes, &bytes);
  if (!s.ok()) {
    // A shared file system may be back later; a file that stays away ends
    // in the dead letters after max_deliveries.
    events_.Note(s.ToString());
    const auto delay =
        BackoffDelay(options_.backoff, static_cast<uint32_t>(d.deliveries()), d.stream_sequence());
    if (d.Nak(delay).ok()) ++counts_.returned;
    return false;
  }
  ReadOptions read = options_.read;
  read.id_base = item->id_base;
  std::vector<Document> docs;
  FileSink sink(&docs);
  ParseBuffer(bytes, item->path, item->format, read, sink);
  for (const std::string& e : sink.errors) events_.Note(e);
  counts_.record_errors += sink.errors.size();
  for (Document& doc : docs) {
    // Documents the pipeline refuses are record errors; the rest stay.
    if (Status p = pipeline_.Process(doc, scratch_); !p.ok()) {
      events_.Note(doc.origin.Describe() + ": " + p.ToString());
      ++counts_.record_errors;
      continue;
    }
    entry->docs.push_back(std::move(doc));
  }
  return true;
}

void Worker::Take(std::vector<Delivery> fetched) {
  for (size_t i = 0; i < fetched.size(); ++i) {
    Delivery& d = fetched[i];
    // Processing a batch on a busy machine can take longer than ack_wait:
    // keep what is held, and what is still to be processed, ours.
    if (Clock::now() - alive_at_ > options_.ack_wait / 4) {
      KeepAlive();
      for (size_t j = i; j < fetched.size(); ++j) (void)fetched[j].InProgress();
      alive_at_ = Clock::now();
    }
    ++counts_.messages;
    const uint64_t seq = d.stream_sequence();
    if (auto it = pool_.find(seq); it != pool_.end()) {
      // Redelivered to us while we held it (our keep-alive was lost): the
      // new delivery is the one the server will accept an ack for.
      it->second.delivery = std::move(d);
      continue;
    }
    Entry entry{std::move(d)};
    if (Prepare(entry.delivery, &entry)) pool_.emplace(seq, std::move(entry));
  }
}

bool Worker::CommitReady() {
  if (pool_.empty()) {
    waiting_since_.reset();
    return false;
  }
  std::vector<Entry> run;
  if (!options_.ordered) {
    for (auto& [seq, e] : pool_) run.push_back(std::move(e));
    pool_.clear();
  } else {
    StatusOr<uint64_t> floor = queue_.AckFloor();
    if (!floor.ok()) return false;
    // Messages at or below the floor were finished by another worker (a
    // redelivery raced ours): acknowledging ours changes nothing.
    while (!pool_.empty() && pool_.begin()->first <= *floor) {
      (void)pool_.begin()->second.delivery.Ack();
      pool_.erase(pool_.begin());
    }
    uint64_t next = *floor + 1;
    while (!pool_.empty() && pool_.begin()->first == next) {
      run.push_back(std::move(pool_.begin()->second));
      pool_.erase(pool_.begin());
      ++next;
    }
    if (run.empty()) {
      if (pool_.empty()) {
        waiting_since_.reset();
      } else {
        NoteLongWait(next);
      }
      return false;
    }
  }
  waiting_since_.reset();
  Commit(run);
  return true;
}

bool Worker::Write(std::vector<Entry>& run, std::vector<Document>& docs, WriteResult* result) {
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
    for (Entry& e : run) (void)e.delivery.InProgress();
    KeepAlive();
    alive_at_ = Clock::now();
    Sleep(BackoffDelay(options_.backoff, attempt, run.front().delivery.stream_sequence()));
  }
}

void Worker::Commit(std::vector<Entry>& run) {
  std::vector<Document> docs;
  std::vector<size_t> owner;  // docs[i] belongs to run[owner[i]]
  for (size_t i = 0; i < run.size(); ++i) {
    for (Document& doc : run[i].docs) {
      docs.push_back(std::move(doc));
      owner.push_back(i);
    }
  }
  WriteResult result;
  if (!docs.empty() && !Write(run, docs, &result)) {
    for (Entry& e : run) {
      const auto delay =
          BackoffDelay(options_.backoff, static_cast<uint32_t>(e.delivery.deliveries()),
                       e.delivery.stream_sequence());
      if (e.delivery.Nak(delay).ok()) ++counts_.returned;
    }
    return;
  }
  counts_.documents += result.inserted + result.replaced;
  counts_.duplicates += result.duplicates;
  counts_.sentences += result.sentences;
  std::vector<bool> refused(run.size(), false);
  for (const auto& [index, status] : result.refused) {
    events_.Note(docs[index].origin.Describe() + ": the store refused it: " + status.ToString());
    if (run[owner[index]].single_document) refused[owner[index]] = true;
  }
  for (size_t i = 0; i < run.size(); ++i) {
    if (refused[i]) {
      Dead(run[i].delivery, "the store refused it");
      continue;
    }
    // Committed: a lost acknowledgement only means a redelivery that the
    // store will call "already stored".
    if (Status s = run[i].delivery.Ack(); !s.ok()) events_.Note(s.ToString());
  }
}

Status Worker::Run() {
  // Retried: the database may be restarting, or other workers starting at
  // the same moment may be creating the schema of a new store.
  for (uint32_t attempt = 1;; ++attempt) {
    StatusOr<std::unique_ptr<Store>> opened = open_store_();
    if (opened.ok()) {
      store_ = std::move(*opened);
      break;
    }
    if (attempt >= options_.write_attempts) return opened.status();
    events_.Note("opening the store (attempt " + std::to_string(attempt) +
                 "), retrying: " + opened.status().ToString());
    Sleep(BackoffDelay(options_.backoff, attempt));
  }
  const size_t room = static_cast<size_t>(options_.batch) * 4;
  auto last_work = Clock::now();
  uint32_t failures = 0;
  while (!events_.StopRequested()) {
    while (CommitReady()) events_.Progress(counts_);
    const auto now = Clock::now();
    if (!pool_.empty() && now - alive_at_ > options_.ack_wait / 4) {
      KeepAlive();
      alive_at_ = now;
    }
    // A full pool still takes one message at a time: it may be the one the
    // whole queue waits for.
    const int want = pool_.size() < room ? options_.batch : 1;
    const auto wait = pool_.empty() ? options_.fetch_wait : std::chrono::milliseconds(20);
    StatusOr<std::vector<Delivery>> batch = queue_.Fetch(want, wait);
    if (!batch.ok()) {
      ++failures;
      if (failures == 1 || failures % 20 == 0) events_.Note(batch.status().ToString());
      Sleep(std::min(BackoffDelay(options_.backoff, failures), std::chrono::milliseconds(2000)));
      continue;
    }
    if (failures > 0) events_.Note("the queue is back");
    failures = 0;
    if (batch->empty()) {
      if (pool_.empty() && options_.idle_exit.count() > 0 &&
          Clock::now() - last_work >= options_.idle_exit) {
        break;
      }
      continue;
    }
    Take(std::move(*batch));
    last_work = Clock::now();
  }
  // Stopping: what is processed but not committable is handed back at once.
  for (auto& [seq, e] : pool_) {
    if (e.delivery.Nak(std::chrono::milliseconds(0)).ok()) ++counts_.returned;
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
