// Internal header (not public API): the PostgreSQL implementation of Store,
// chosen by Store::Open for a postgresql:// or postgres:// URL.
//
// Same tables, same identity rules and same query results as the SQLite
// store (docs/store.md, "PostgreSQL"). What differs is how a batch is
// written, because several processes may write at once and round trips
// to a server cost more than SQLite's function calls:
//  - one transaction per batch, holding pg_advisory_xact_lock(kPgWriteLock)
//    from its start, so the dedupe and near-duplicate lookups of one batch
//    see every batch committed before it and none half-written;
//  - the decisions (duplicate, replace, rename, near-duplicate link) are
//    made for the whole batch from a few "= ANY($1)" queries, then the rows
//    go in with one COPY per table inside one savepoint;
//  - if the server refuses the data (an invalid byte, a constraint, a
//    trigger), that savepoint is rolled back and the batch is written again
//    one document per savepoint, so only the refused documents are lost.
// A broken connection fails the batch with kUnavailable and nothing of it
// stored; the next call reconnects.
//
// The code is split by direction: postgres_store.cc (open, batch
// decisions, listing, stats), postgres_writer.cc (COPY), postgres_reader.cc
// (Load). Tested by postgres_store_test.cc.
#ifndef ANNALS_STORE_POSTGRES_STORE_H_
#define ANNALS_STORE_POSTGRES_STORE_H_

#include <cstdint>
#include <memory>
#include <pqxx/pqxx>
#include <span>
#include <string>
#include <vector>

#include "annals/store.h"

namespace annals::internal {

// The documents row as Load reads it, up to "WHERE id = " (the quoted id
// follows).
inline constexpr char kPgLoadDocumentSql[] =
    "SELECT rowid, id, content_hash, format, origin_path, origin_record, source, url, published,"
    " title, dateline_place, language, text, metadata, stages, tokens,"
    " (SELECT o.id FROM documents o WHERE o.rowid = d.duplicate_of)"
    " FROM documents d WHERE id = ";

// A document the batch will write, with what the decisions gave it.
struct PgPending {
  size_t index = 0;                // in the batch
  int64_t rowid = 0;               // drawn from documents_rowid_seq
  std::string id;                  // the document's id, or "<id>~<hash>" when renamed
  std::string hash;                // content hash
  int64_t replaces = -1;           // rowid of the stored version deleted first
  int64_t duplicate_of = -1;       // rowid of the original (near-duplicate link)
  std::string signature;           // encoded MinHash signature, "" for a short text
  std::vector<uint64_t> bands;     // its band keys (none for a short text)
  bool replaced_in_batch = false;  // a later document of the batch replaces it
  int replaces_pending = -1;       // the earlier one of the batch it replaces (index in pending)
  bool replacing = false, renamed = false;
  bool refused = false;
};

class PostgresStore final : public Store {
 public:
  static StatusOr<std::unique_ptr<Store>> Create(const std::string& url, OpenMode mode);

  StatusOr<WriteResult> WriteBatch(std::span<const Document> docs) override;
  StatusOr<Document> Load(const std::string& id) override;
  StatusOr<std::vector<std::string>> ListIds(uint64_t limit) override;
  StatusOr<StoreStats> Stats() override;
  StatusOr<std::vector<std::pair<std::string, std::string>>> ListNearDuplicates() override;

 private:
  PostgresStore() = default;
  // Connects again after a broken connection (kUnavailable if it cannot).
  Status EnsureConnected();
  // Prepares Load's statements (and a reader's snapshot setting) on this
  // connection, once.
  Status PrepareLoad();
  // postgres_store.cc: the decisions for a batch, inside `tx`.
  Status Decide(pqxx::work& tx, std::span<const Document> docs, std::vector<PgPending>* pending,
                WriteResult* result);
  // postgres_writer.cc: deletes replaced rows and COPYs the pending
  // documents (those not refused or replaced in the batch); throws.
  void WriteRows(pqxx::transaction_base& tx, std::span<const Document> docs,
                 const std::vector<PgPending*>& pending);
  // Writes all pending documents, falling back to one savepoint each when
  // the server refuses data; refused ones are marked and listed.
  Status WritePending(pqxx::work& tx, std::span<const Document> docs,
                      std::vector<PgPending>& pending, WriteResult* result);
  // postgres_reader.cc
  Status LoadDocument(pqxx::transaction_base& tx, const std::string& id, Document* doc);

  std::string url_;
  bool read_only_ = false;
  int version_ = 0;
  std::unique_ptr<pqxx::connection> conn_;
  int prepared_backend_ = 0;  // the server process PrepareLoad ran on
};

}  // namespace annals::internal

#endif  // ANNALS_STORE_POSTGRES_STORE_H_
