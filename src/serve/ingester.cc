// Uploads to documents in the store; see ingester.h.
#include "serve/ingester.h"

#include <xxhash.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "annals/ingest.h"

namespace annals::serve {
namespace {

class Collect : public RecordSink {
 public:
  void OnDocument(Document&& doc) override { docs.push_back(std::move(doc)); }
  void OnError(RecordError&& error) override { errors.push_back(error.Describe()); }
  std::vector<Document> docs;
  std::vector<std::string> errors;
};

// Like `annals ingest -` names standard input, from the bytes alone.
std::string UploadIdBase(std::string_view body) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(body.data(), body.size())));
  return "upload-" + std::string(hex, 12);
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

StatusOr<std::unique_ptr<Ingester>> Ingester::Create(const std::string& path) {
  StatusOr<Pipeline> pipeline = Pipeline::Standard();
  if (!pipeline.ok()) return pipeline.status();
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path, OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  std::unique_ptr<Ingester> ingester(
      new Ingester(std::move(pipeline).value(), std::move(store).value()));
  ANNALS_RETURN_IF_ERROR(ingester->db_.Open(path, /*read_only=*/true));
  ANNALS_RETURN_IF_ERROR(ingester->find_by_hash_.Prepare(
      ingester->db_, "SELECT id FROM documents WHERE content_hash = ?"));
  return ingester;
}

StatusOr<std::string> Ingester::StoredId(const std::string& content_hash) {
  internal::ResetOnExit reset(find_by_hash_);
  internal::Binder(find_by_hash_).Text(content_hash);
  const int rc = find_by_hash_.Step();
  if (rc == SQLITE_ROW) return internal::Row(find_by_hash_).Text();
  if (rc == SQLITE_DONE) return Status(ErrorCode::kNotFound, "no document has this content");
  return db_.Error("looking up an uploaded document");
}

ApiResponse Ingester::Ingest(std::string_view body, const Params& params) {
  StatusOr<UploadQuery> q = ParseUploadQuery(params);
  if (!q.ok()) return ErrorResponse(400, q.status().message());
  std::lock_guard<std::mutex> lock(mu_);
  Collect sink;
  ReadOptions options;
  options.max_document_bytes = body.size() + 1;
  // No extension: detection sniffs the content, as for standard input.
  const std::string origin = q->name.empty() ? "upload" : q->name;
  if (q->name.empty()) options.id_base = UploadIdBase(body);
  const Format format = DetectFormat(origin, body);
  ParseBuffer(body, origin, format, options, sink);

  PublishedTime date;
  const bool has_date = !q->date.empty() && PublishedTime::ParseIso(q->date, &date);
  const bool single = sink.docs.size() == 1;
  for (Document& doc : sink.docs) {
    if (!q->title.empty() && (single || doc.title.empty())) doc.title = q->title;
    if (has_date && (single || !doc.published)) doc.published = date;
  }

  nlohmann::json documents = nlohmann::json::array();
  nlohmann::json ids = nlohmann::json::array();
  uint64_t stored = 0, duplicates = 0;
  Scratch scratch;
  for (Document& doc : sink.docs) {
    if (const Status s = pipeline_.Process(doc, scratch); !s.ok()) {
      sink.errors.push_back(doc.id + ": " + s.ToString());
      continue;
    }
    // One document per batch: the store reports counts per batch, and the
    // page wants to know what became of each document.
    StatusOr<WriteResult> w = store_->WriteBatch(std::span<const Document>(&doc, 1));
    if (!w.ok()) return ErrorResponse(500, w.status().ToString());
    if (!w->refused.empty()) {
      sink.errors.push_back(doc.id + ": " + w->refused.front().second.ToString());
      continue;
    }
    StatusOr<std::string> id = StoredId(doc.content_hash);
    if (!id.ok()) return ErrorResponse(500, id.status().ToString());
    const char* status = w->duplicates > 0 ? "duplicate" : w->replaced > 0 ? "replaced" : "stored";
    (w->duplicates > 0 ? duplicates : stored) += 1;
    documents.push_back(
        {{"id", *id}, {"title", doc.title}, {"status", status}, {"events", doc.events.size()}});
    ids.push_back(*id);
  }
  nlohmann::json out = {{"stored", stored},
                        {"duplicates", duplicates},
                        {"format", FormatName(format)},
                        {"documents", documents},
                        {"ids", ids},
                        {"errors", sink.errors}};
  if (documents.empty()) {
    std::string reason;
    for (const std::string& e : sink.errors) reason += (reason.empty() ? "" : "; ") + e;
    out["error"] = reason.empty() ? "the upload holds no document" : reason;
    return ApiResponse{400, "application/json", Dump(out)};
  }
  return ApiResponse{200, "application/json", Dump(out)};
}

}  // namespace annals::serve
