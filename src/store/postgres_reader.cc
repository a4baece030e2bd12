// Reading one Document back from PostgreSQL: the documents row, then every
// child table in idx order through row_codec.h's readers (the SQLite
// store's), all in one read-only snapshot and one round trip. Chunks are rebuilt from the
// tokens' heads, as in SQLite. Tested by postgres_store_test.cc.
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

#include "store/postgres_connection.h"
#include "store/postgres_store.h"
#include "store/row_codec.h"
#include "store/token_codec.h"
#include "syntax/chunks.h"

namespace annals::internal {
namespace {

// row_codec.h's Source over a libpqxx row: columns in order, NULL reads as
// 0, NaN or "".
class PgSource {
 public:
  explicit PgSource(pqxx::row row) : row_(std::move(row)) {}
  int64_t Int() {
    const pqxx::field f = row_[next_++];
    return f.is_null() ? 0 : f.as<int64_t>();
  }
  double Double() {
    const pqxx::field f = row_[next_++];
    return f.is_null() ? std::numeric_limits<double>::quiet_NaN() : f.as<double>();
  }
  std::string Text() {
    const pqxx::field f = row_[next_++];
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }
  bool IsNull() const { return row_[next_].is_null(); }

 private:
  pqxx::row row_;  // a handle: shares the result, copied cheaply
  pqxx::row::size_type next_ = 0;
};

}  // namespace

Status PostgresStore::LoadDocument(pqxx::transaction_base& tx, const std::string& id,
                                   Document* doc) {
  // All fourteen statements (prepared on connecting, postgres_store.cc) in
  // one round trip (libpqxx's pipeline sends them as one message): the
  // children find the document by its id themselves.
  // A round trip per query made `export` of the BBC corpus 5 times slower
  // than SQLite's.
  const std::string key = tx.quote(id);
  pqxx::pipeline pipe(tx);
  pipe.retain(static_cast<int>(std::tuple_size_v<ChildTables>) + 2);
  const pqxx::pipeline::query_id doc_query =
      pipe.insert("EXECUTE annals_load_document(" + key + ")");
  std::vector<pqxx::pipeline::query_id> child_queries;
  (void)ForEachChildTable([&](auto table) {
    using Table = decltype(table);
    child_queries.push_back(
        pipe.insert("EXECUTE annals_load_" + std::string(Table::kTable) + "(" + key + ")"));
    return Status::Ok();
  });
  pipe.complete();
  const pqxx::result found = pipe.retrieve(doc_query);
  if (found.empty()) return Status(ErrorCode::kNotFound, "no document with id '" + id + "'");
  PgSource r(found[0]);
  r.Int();  // rowid: the children were found by id
  ANNALS_RETURN_IF_ERROR(ReadDocumentRow(
      r,
      [&id](PgSource& row, std::string* bytes) {
        if (DecodeByteaHex(row.Text(), bytes)) return Status::Ok();
        return Status(ErrorCode::kStore, "stored tokens of '" + id + "' are not bytea");
      },
      doc));
  size_t next = 0;
  ANNALS_RETURN_IF_ERROR(ForEachChildTable([&](auto table) {
    using Table = decltype(table);
    auto& items = Table::Items(*doc);
    for (const pqxx::row& row : pipe.retrieve(child_queries[next++])) {
      PgSource source(row);
      ANNALS_RETURN_IF_ERROR(Table::Read(source, &items.emplace_back()));
    }
    return Status::Ok();
  }));
  syntax::BuildChunks(*doc);
  return Status::Ok();
}

}  // namespace annals::internal
