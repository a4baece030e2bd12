// Writing one Document into the store: the documents row, then one row per
// paragraph, sentence and annotation, all through cached statements.
// Lists inside a row (metadata, stages, an actor's mentions) are stored as
// JSON text so that SQL users can read them with json_each().
// Tested by store_test.cc.
#include "store/row_codec.h"
#include "store/sqlite_store.h"
#include "store/token_codec.h"

namespace annals::internal {

Status SqliteStore::InsertDocument(const Document& doc, const std::string& id,
                                   const std::string& hash, int64_t duplicate_of,
                                   const std::string& signature, int64_t* rowid) {
  EncodeTokens(doc.tokens, &buffer_);
  const std::string metadata = MetadataJson(doc);
  const std::string stages = StagesJson(doc);
  const std::string published = doc.published ? doc.published->ToIso() : std::string();
  Stmt& ins = q(Query::kInsertDocument);
  Binder b(ins);
  b.Text(id).Text(hash).Text(doc.format).Text(doc.origin.path);
  b.Int(static_cast<int64_t>(doc.origin.record)).Text(doc.source).Text(doc.url);
  if (doc.published) {
    b.Text(published);
  } else {
    b.Null();
  }
  b.Text(doc.title).Text(doc.dateline_place).Text(doc.language).Text(doc.text);
  b.Text(metadata).Text(stages).Int(static_cast<int64_t>(doc.tokens.size())).Blob(buffer_);
  if (duplicate_of >= 0) {
    b.Int(duplicate_of);
  } else {
    b.Null();
  }
  b.Blob(signature);
  ANNALS_RETURN_IF_ERROR(Done(ins, "inserting the document"));
  *rowid = sqlite3_last_insert_rowid(db_.get());
  return Status::Ok();
}

Status SqliteStore::InsertChildren(const Document& doc, int64_t rowid) {
  size_t t = 0;
  return ForEachChildTable([&](auto table) {
    using Table = decltype(table);
    Stmt& stmt = insert_children_[t++];
    const auto& items = Table::Items(doc);
    for (size_t i = 0; i < items.size(); ++i) {
      Binder b(stmt);
      b.Int(rowid).Int(static_cast<int64_t>(i));
      Table::Write(b, items[i]);
      ANNALS_RETURN_IF_ERROR(Done(stmt, ("inserting into " + std::string(Table::kTable)).c_str()));
    }
    return Status::Ok();
  });
}

}  // namespace annals::internal
