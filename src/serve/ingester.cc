// Uploads to documents to the store; see ingester.h.
#include "serve/ingester.h"

#include <nlohmann/json.hpp>
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

}  // namespace

StatusOr<std::unique_ptr<Ingester>> Ingester::Create(const std::string& path) {
  StatusOr<Pipeline> pipeline = Pipeline::Standard();
  if (!pipeline.ok()) return pipeline.status();
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path, OpenMode::kReadWrite);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Ingester>(
      new Ingester(std::move(pipeline).value(), std::move(store).value()));
}

ApiResponse Ingester::Ingest(std::string_view body, const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  Collect sink;
  ReadOptions options;
  options.max_document_bytes = body.size() + 1;
  ParseBuffer(body, name.empty() ? "upload.txt" : name, Format::kAuto, options, sink);
  Scratch scratch;
  std::vector<Document> done;
  for (Document& doc : sink.docs) {
    const Status s = pipeline_.Process(doc, scratch);
    if (s.ok()) {
      done.push_back(std::move(doc));
    } else {
      sink.errors.push_back(doc.id + ": " + s.ToString());
    }
  }
  StatusOr<WriteResult> w = store_->WriteBatch(done);
  if (!w.ok()) return ErrorResponse(500, w.status().ToString());
  nlohmann::json ids = nlohmann::json::array();
  for (const Document& d : done) ids.push_back(d.id);
  const nlohmann::json out = {{"stored", w->inserted + w->replaced},
                              {"duplicates", w->duplicates},
                              {"ids", ids},
                              {"errors", sink.errors}};
  return ApiResponse{sink.docs.empty() ? 400 : 200, "application/json",
                     out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace annals::serve
