// Internal header (not public API): the SQLite implementation of Store.
//
// All statements are prepared once, on open, and reused for every document
// (preparing is most of the cost of a small INSERT). WriteBatch runs each
// batch in one BEGIN IMMEDIATE transaction; dedupe and replace are decided
// by queries inside that transaction, which also dedupes within a batch.
// The code is split by direction: sqlite_store.cc (open, batch logic,
// listing, stats), store_writer.cc (one document out), store_reader.cc (one
// document in).
//
// Tested by store_test.cc.
#ifndef ANNALS_STORE_SQLITE_STORE_H_
#define ANNALS_STORE_SQLITE_STORE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "annals/store.h"
#include "dedup/near_duplicates.h"
#include "store/row_codec.h"
#include "store/sqlite.h"

namespace annals::internal {

// Cached statements, one per query the store runs per document.
enum class Query : int {
  kFindByHash,
  kFindById,
  kDeleteDocument,
  kInsertDocument,
  kLoadDocument,
  kListIds,
  kClearDuplicateLinks,
  kListNearDuplicates,
  kIndexedRow,
  kNumQueries,
};

class SqliteStore final : public Store {
 public:
  static StatusOr<std::unique_ptr<Store>> Create(const std::string& path, OpenMode mode);

  StatusOr<WriteResult> WriteBatch(std::span<const Document> docs) override;
  StatusOr<Document> Load(const std::string& id) override;
  StatusOr<std::vector<std::string>> ListIds(uint64_t limit) override;
  StatusOr<StoreStats> Stats() override;
  StatusOr<std::vector<std::pair<std::string, std::string>>> ListNearDuplicates() override;

 private:
  SqliteStore() = default;
  Status PrepareStatements();
  // Fills index_ from the stored signatures, computing those a store
  // migrated from v4 lacks (read-write only).
  Status LoadIndex(bool read_only);
  // Adds the documents stored after indexed_through_ (by this or any other
  // process) to index_.
  Status IndexNewRows();
  // The original index_ offers for `sig`, checked against the store:
  // another writer may have replaced it since this one indexed it (and
  // SQLite may have given its rowid to the new version).
  StatusOr<int64_t> FindOriginal(const dedup::Signature& sig);
  Stmt& q(Query query) { return stmts_[static_cast<int>(query)]; }

  // Decides duplicate / replace / insert for one document and writes it.
  Status WriteOne(const Document& doc, WriteResult* result);
  // store_writer.cc: the document row, then every child row.
  Status InsertDocument(const Document& doc, const std::string& id, const std::string& hash,
                        int64_t duplicate_of, const std::string& signature, int64_t* rowid);
  // One row per paragraph, sentence, diagnostic and annotation
  // (row_codec.h's tables).
  Status InsertChildren(const Document& doc, int64_t rowid);
  // store_reader.cc
  Status LoadDocument(const std::string& id, Document* doc);
  Status LoadChildren(int64_t rowid, Document* doc);

  StatusOr<StoreStats> ReadStats();
  // Steps a write statement once, expecting no rows.
  Status Done(Stmt& stmt, const char* what);

  Db db_;
  std::string path_;
  int version_ = 0;
  std::array<Stmt, static_cast<int>(Query::kNumQueries)> stmts_;
  // INSERT and SELECT for each of row_codec.h's ChildTables, in its order.
  std::array<Stmt, std::tuple_size_v<ChildTables>> insert_children_, load_children_;
  std::string buffer_;  // reused for the packed tokens
  // Near-duplicate index over the stored documents; keys are rowids.
  // Documents of the open batch are in it too, listed in batch_keys_ so
  // that a batch that is rolled back leaves no trace.
  dedup::NearDuplicateIndex index_;
  std::vector<int64_t> batch_keys_;
  int64_t pending_key_ = -1;  // the entry of the document being written
  // Every document up to this rowid is in index_ (or has no signature).
  int64_t indexed_through_ = 0;
  Stmt new_rows_;  // documents after a rowid, for IndexNewRows
};

}  // namespace annals::internal

#endif  // ANNALS_STORE_SQLITE_STORE_H_
