// The JetStream work queue; layout and contracts in work_queue.h.
#include "distributed/work_queue.h"

#include <nats/nats.h>

#include <utility>

namespace annals::internal {
namespace {

Status QueueError(std::string_view what, natsStatus s, jsErrCode js = static_cast<jsErrCode>(0)) {
  std::string msg(what);
  msg += ": ";
  msg += natsStatus_GetText(s);
  const char* last = nats_GetLastError(nullptr);
  if (last != nullptr && *last != '\0') {
    msg += " (";
    msg += last;
    msg += ")";
  }
  if (js != 0) msg += " [JetStream error " + std::to_string(static_cast<int>(js)) + "]";
  return Status(ErrorCode::kQueue, msg);
}

std::string WorkSubject(const QueueOptions& o) { return o.name + ".work"; }
std::string DeadStream(const QueueOptions& o) { return o.name + "_DEAD"; }
std::string DeadSubject(const QueueOptions& o) { return o.name + ".dead"; }

}  // namespace

bool ValidQueueName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// ---- Delivery

Delivery::Delivery(natsMsg* msg) : msg_(msg) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, msg_) == NATS_OK) {
    deliveries_ = meta->NumDelivered;
    stream_sequence_ = meta->Sequence.Stream;
    jsMsgMetaData_Destroy(meta);
  }
}

Delivery::Delivery(Delivery&& other) noexcept
    : msg_(std::exchange(other.msg_, nullptr)),
      deliveries_(other.deliveries_),
      stream_sequence_(other.stream_sequence_) {}

Delivery& Delivery::operator=(Delivery&& other) noexcept {
  if (this != &other) {
    if (msg_ != nullptr) natsMsg_Destroy(msg_);
    msg_ = std::exchange(other.msg_, nullptr);
    deliveries_ = other.deliveries_;
    stream_sequence_ = other.stream_sequence_;
  }
  return *this;
}

Delivery::~Delivery() {
  if (msg_ != nullptr) natsMsg_Destroy(msg_);
}

std::string_view Delivery::data() const {
  return std::string_view(natsMsg_GetData(msg_), static_cast<size_t>(natsMsg_GetDataLength(msg_)));
}

Status Delivery::Ack() {
  jsErrCode js = static_cast<jsErrCode>(0);
  const natsStatus s = natsMsg_AckSync(msg_, nullptr, &js);
  return s == NATS_OK ? Status::Ok() : QueueError("acknowledging a message", s, js);
}

Status Delivery::Nak(std::chrono::milliseconds delay) {
  const natsStatus s = natsMsg_NakWithDelay(msg_, delay.count(), nullptr);
  return s == NATS_OK ? Status::Ok() : QueueError("returning a message", s);
}

Status Delivery::InProgress() {
  const natsStatus s = natsMsg_InProgress(msg_, nullptr);
  return s == NATS_OK ? Status::Ok() : QueueError("extending a message's ack wait", s);
}

Status Delivery::Term() {
  const natsStatus s = natsMsg_Term(msg_, nullptr);
  return s == NATS_OK ? Status::Ok() : QueueError("terminating a message", s);
}

// ---- WorkQueue

struct WorkQueue::Handles {
  natsConnection* nc = nullptr;
  jsCtx* js = nullptr;
  natsSubscription* sub = nullptr;
  std::vector<natsSubscription*> retired;  // replaced subscriptions, see Fetch
  jsOptions js_options;

  ~Handles() {
    if (sub != nullptr) natsSubscription_Destroy(sub);
    for (natsSubscription* old : retired) natsSubscription_Destroy(old);
    if (js != nullptr) jsCtx_Destroy(js);
    if (nc != nullptr) {
      // Flushes pending acks before the socket goes.
      natsConnection_FlushTimeout(nc, 2000);
      natsConnection_Destroy(nc);
    }
  }
};

WorkQueue::WorkQueue(QueueOptions options)
    : options_(std::move(options)), h_(std::make_unique<Handles>()) {}

WorkQueue::~WorkQueue() = default;

StatusOr<std::unique_ptr<WorkQueue>> WorkQueue::Connect(const QueueOptions& options) {
  if (!ValidQueueName(options.name)) {
    return Status(ErrorCode::kInvalidArgument,
                  "queue name '" + options.name + "' must be 1-64 of A-Z a-z 0-9 _ -");
  }
  std::unique_ptr<WorkQueue> q(new WorkQueue(options));
  natsOptions* opts = nullptr;
  natsStatus s = natsOptions_Create(&opts);
  if (s == NATS_OK) s = natsOptions_SetURL(opts, options.url.c_str());
  if (s == NATS_OK) s = natsOptions_SetName(opts, "annals");
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts, -1);  // forever
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts, 250);
  // Acks and publishes made while the server is away are buffered (8 MiB)
  // and sent on reconnect rather than failing at once.
  if (s == NATS_OK) s = natsOptions_SetReconnectBufSize(opts, 8 << 20);
  if (s == NATS_OK) s = natsOptions_SetTimeout(opts, options.request_timeout.count());
  if (s == NATS_OK) s = natsConnection_Connect(&q->h_->nc, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) return QueueError("connecting to " + options.url, s);
  jsOptions_Init(&q->h_->js_options);
  q->h_->js_options.Wait = options.request_timeout.count();
  s = natsConnection_JetStream(&q->h_->js, q->h_->nc, &q->h_->js_options);
  if (s != NATS_OK) return QueueError("opening JetStream on " + options.url, s);
  return q;
}

Status WorkQueue::EnsureQueue() {
  jsCtx* js = h_->js;
  const std::string work_subject = WorkSubject(options_);
  const std::string dead_stream = DeadStream(options_);
  const std::string dead_subject = DeadSubject(options_);
  auto ensure_stream = [&](const std::string& name, const std::string& subject,
                           bool work) -> Status {
    jsStreamInfo* si = nullptr;
    jsErrCode err = static_cast<jsErrCode>(0);
    if (js_GetStreamInfo(&si, js, name.c_str(), nullptr, &err) == NATS_OK) {
      jsStreamInfo_Destroy(si);
      return Status::Ok();
    }
    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    cfg.Name = name.c_str();
    const char* subjects[] = {subject.c_str()};
    cfg.Subjects = subjects;
    cfg.SubjectsLen = 1;
    cfg.Storage = js_FileStorage;
    cfg.Retention = work ? js_WorkQueuePolicy : js_LimitsPolicy;
    cfg.Duplicates = std::chrono::duration_cast<std::chrono::nanoseconds>(kDuplicateWindow).count();
    const natsStatus s = js_AddStream(&si, js, &cfg, nullptr, &err);
    if (s == NATS_OK || err == JSStreamNameExistErr) {
      if (si != nullptr) jsStreamInfo_Destroy(si);
      return Status::Ok();
    }
    return QueueError("creating stream " + name, s, err);
  };
  ANNALS_RETURN_IF_ERROR(ensure_stream(options_.name, work_subject, true));
  ANNALS_RETURN_IF_ERROR(ensure_stream(dead_stream, dead_subject, false));

  jsConsumerInfo* ci = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  if (js_GetConsumerInfo(&ci, js, options_.name.c_str(), kConsumerName, nullptr, &err) == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return Status::Ok();
  }
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = kConsumerName;
  cc.AckPolicy = js_AckExplicit;
  cc.AckWait = std::chrono::duration_cast<std::chrono::nanoseconds>(options_.ack_wait).count();
  // The worker counts deliveries and dead-letters itself (with a reason);
  // the server must never drop a message silently.
  cc.MaxDeliver = -1;
  cc.MaxAckPending = options_.max_ack_pending;
  cc.FilterSubject = work_subject.c_str();
  const natsStatus s = js_AddConsumer(&ci, js, options_.name.c_str(), &cc, nullptr, &err);
  if (s == NATS_OK || err == JSConsumerNameExistErr) {
    if (ci != nullptr) jsConsumerInfo_Destroy(ci);
    return Status::Ok();
  }
  return QueueError("creating consumer " + std::string(kConsumerName), s, err);
}

Status WorkQueue::Publish(std::string_view bytes, const std::string& dedup_id, bool* duplicate) {
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MsgId = dedup_id.c_str();
  po.MaxWait = options_.request_timeout.count();
  jsPubAck* ack = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  const std::string subject = WorkSubject(options_);
  const natsStatus s = js_Publish(&ack, h_->js, subject.c_str(), bytes.data(),
                                  static_cast<int>(bytes.size()), &po, &err);
  if (s != NATS_OK) return QueueError("publishing to " + subject, s, err);
  *duplicate = ack->Duplicate;
  jsPubAck_Destroy(ack);
  return Status::Ok();
}

Status WorkQueue::Bind() {
  if (h_->sub != nullptr) return Status::Ok();
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = options_.name.c_str();
  so.Consumer = kConsumerName;
  so.ManualAck = true;
  jsErrCode err = static_cast<jsErrCode>(0);
  const std::string subject = WorkSubject(options_);
  const natsStatus s =
      js_PullSubscribe(&h_->sub, h_->js, subject.c_str(), kConsumerName, nullptr, &so, &err);
  if (s != NATS_OK) {
    h_->sub = nullptr;
    return QueueError("subscribing to consumer " + std::string(kConsumerName), s, err);
  }
  return Status::Ok();
}

StatusOr<std::vector<Delivery>> WorkQueue::Fetch(int max, std::chrono::milliseconds timeout) {
  ANNALS_RETURN_IF_ERROR(Bind());
  natsMsgList list{};
  jsErrCode err = static_cast<jsErrCode>(0);
  const natsStatus s = natsSubscription_Fetch(&list, h_->sub, max, timeout.count(), &err);
  std::vector<Delivery> out;
  if (s == NATS_TIMEOUT) return out;
  if (s != NATS_OK) {
    natsMsgList_Destroy(&list);
    // Start from a fresh subscription next time: after a server restart
    // the old one may point at an inbox the server no longer knows. It is
    // kept, not destroyed: messages the worker still holds acknowledge
    // through it.
    h_->retired.push_back(h_->sub);
    h_->sub = nullptr;
    return QueueError("fetching work", s, err);
  }
  out.reserve(static_cast<size_t>(list.Count));
  for (int i = 0; i < list.Count; ++i) {
    out.emplace_back(list.Msgs[i]);
    list.Msgs[i] = nullptr;  // owned by the Delivery now
  }
  natsMsgList_Destroy(&list);
  return out;
}

Status WorkQueue::PublishDead(std::string_view bytes, uint64_t stream_sequence, uint64_t deliveries,
                              const std::string& reason) {
  const std::string subject = DeadSubject(options_);
  natsMsg* msg = nullptr;
  natsStatus s =
      natsMsg_Create(&msg, subject.c_str(), nullptr, bytes.data(), static_cast<int>(bytes.size()));
  // Header values are one line.
  std::string one_line = reason;
  for (char& c : one_line) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  const std::string seq = std::to_string(stream_sequence);
  const std::string count = std::to_string(deliveries);
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Annals-Reason", one_line.c_str());
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Annals-Work-Sequence", seq.c_str());
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Annals-Deliveries", count.c_str());
  jsPubOptions po;
  jsPubOptions_Init(&po);
  const std::string id = "dead-" + seq;
  po.MsgId = id.c_str();
  po.MaxWait = options_.request_timeout.count();
  jsPubAck* ack = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  if (s == NATS_OK) s = js_PublishMsg(&ack, h_->js, msg, &po, &err);
  if (ack != nullptr) jsPubAck_Destroy(ack);
  if (msg != nullptr) natsMsg_Destroy(msg);
  return s == NATS_OK ? Status::Ok() : QueueError("publishing a dead letter", s, err);
}

StatusOr<QueueCounts> WorkQueue::Counts() {
  QueueCounts c;
  jsErrCode err = static_cast<jsErrCode>(0);
  jsStreamInfo* si = nullptr;
  natsStatus s = js_GetStreamInfo(&si, h_->js, options_.name.c_str(), nullptr, &err);
  if (s != NATS_OK) return QueueError("reading stream " + options_.name, s, err);
  c.published = si->State.LastSeq;
  const uint64_t unfinished = si->State.Msgs;
  c.bytes = si->State.Bytes;
  jsStreamInfo_Destroy(si);
  const std::string dead = DeadStream(options_);
  s = js_GetStreamInfo(&si, h_->js, dead.c_str(), nullptr, &err);
  if (s != NATS_OK) return QueueError("reading stream " + dead, s, err);
  c.dead = si->State.Msgs;
  jsStreamInfo_Destroy(si);
  jsConsumerInfo* ci = nullptr;
  s = js_GetConsumerInfo(&ci, h_->js, options_.name.c_str(), kConsumerName, nullptr, &err);
  if (s == NATS_OK) {
    c.backlog = ci->NumPending;
    c.in_flight = static_cast<uint64_t>(ci->NumAckPending);
    c.redelivered = static_cast<uint64_t>(ci->NumRedelivered);
    jsConsumerInfo_Destroy(ci);
  } else {
    c.backlog = unfinished;
  }
  // Work-queue retention removes a message when it is acknowledged or
  // terminated; the terminated ones are the dead letters.
  const uint64_t removed = c.published >= unfinished ? c.published - unfinished : 0;
  c.done = removed >= c.dead ? removed - c.dead : 0;
  return c;
}

int64_t WorkQueue::max_payload() const { return natsConnection_GetMaxPayload(h_->nc); }

StatusOr<uint64_t> WorkQueue::AckFloor() {
  jsStreamInfo* si = nullptr;
  jsErrCode err = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetStreamInfo(&si, h_->js, options_.name.c_str(), nullptr, &err);
  if (s != NATS_OK) return QueueError("reading stream " + options_.name, s, err);
  // An empty stream reports first = last + 1 (or 0 when it never held one).
  const uint64_t first = si->State.Msgs == 0 ? si->State.LastSeq + 1 : si->State.FirstSeq;
  jsStreamInfo_Destroy(si);
  return first == 0 ? 0 : first - 1;
}

}  // namespace annals::internal
