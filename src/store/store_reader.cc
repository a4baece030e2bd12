// Reading one Document back from the store: the documents row, then every
// child table in idx order (row_codec.h). Chunks are not stored: they are rebuilt from the
// tokens' heads, so they always agree with the stored parse.
// Tested by store_test.cc.
#include "store/row_codec.h"
#include "store/sqlite_store.h"
#include "store/token_codec.h"
#include "syntax/chunks.h"

namespace annals::internal {
namespace {

// Runs `query` for document `rowid` and calls read(row) for each row.
template <typename Fn>
Status ForEachRow(Db& db, Stmt& query, int64_t rowid, Fn read) {
  ResetOnExit reset(query);
  Binder(query).Int(rowid);
  int rc;
  while ((rc = query.Step()) == SQLITE_ROW) {
    Row r(query);
    ANNALS_RETURN_IF_ERROR(read(r));
  }
  if (rc != SQLITE_DONE) return db.Error("reading a document");
  return Status::Ok();
}

}  // namespace

Status SqliteStore::LoadDocument(const std::string& id, Document* doc) {
  Stmt& load = q(Query::kLoadDocument);
  int64_t rowid = 0;
  {
    ResetOnExit reset(load);
    Binder(load).Text(id);
    const int rc = load.Step();
    if (rc == SQLITE_DONE) return Status(ErrorCode::kNotFound, "no document with id '" + id + "'");
    if (rc != SQLITE_ROW) return db_.Error("reading document '" + id + "'");
    Row r(load);
    rowid = r.Int();
    ANNALS_RETURN_IF_ERROR(ReadDocumentRow(
        r,
        [](Row& row, std::string* bytes) {
          *bytes = row.Blob();
          return Status::Ok();
        },
        doc));
  }
  ANNALS_RETURN_IF_ERROR(LoadChildren(rowid, doc));
  syntax::BuildChunks(*doc);
  return Status::Ok();
}

Status SqliteStore::LoadChildren(int64_t rowid, Document* doc) {
  size_t t = 0;
  return ForEachChildTable([&](auto table) {
    using Table = decltype(table);
    auto& items = Table::Items(*doc);
    return ForEachRow(db_, load_children_[t++], rowid,
                      [&](Row& r) { return Table::Read(r, &items.emplace_back()); });
  });
}

}  // namespace annals::internal
