// The PostgreSQL store: opening, a batch's decisions (duplicate, replace,
// rename, near-duplicate link) and its transaction, listing and statistics.
// The rules are the SQLite store's (sqlite_store.cc, docs/store.md); they are
// decided for the whole batch at once from three lookups, because each
// round trip to the server costs what a whole document's SQLite inserts do.
// Tested by postgres_store_test.cc.
#include "store/postgres_store.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "dedup/near_duplicates.h"
#include "store/postgres_connection.h"
#include "store/postgres_schema.h"
#include "store/row_codec.h"

namespace annals::internal {
namespace {

// Band keys are unsigned hashes; bigint holds them bit for bit.
int64_t BandColumn(uint64_t key) { return static_cast<int64_t>(key); }

// Read-only, and one snapshot for every statement.
using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

}  // namespace

StatusOr<std::unique_ptr<Store>> PostgresStore::Create(const std::string& url, OpenMode mode) {
  std::unique_ptr<PostgresStore> store(new PostgresStore());
  store->url_ = url;
  store->read_only_ = mode == OpenMode::kReadOnly;
  ANNALS_RETURN_IF_ERROR(store->EnsureConnected());
  ANNALS_RETURN_IF_ERROR(
      PreparePostgresSchema(*store->conn_, url, store->read_only_, &store->version_));
  return std::unique_ptr<Store>(std::move(store));
}

Status PostgresStore::EnsureConnected() {
  if (conn_ && conn_->is_open()) return Status::Ok();
  conn_.reset();
  StatusOr<std::unique_ptr<pqxx::connection>> conn = Connect(url_);
  if (!conn.ok()) return conn.status();
  conn_ = std::move(conn).value();
  return Status::Ok();
}

Status PostgresStore::PrepareLoad() {
  // libpqxx may have reconnected behind our back (a new backend has
  // neither the statements nor the session setting).
  if (prepared_backend_ == conn_->backendpid()) return Status::Ok();
  // Prepared with SQL PREPARE so that Load's pipeline can EXECUTE them
  // (libpqxx 6 pipelines take SQL text only); planning fourteen queries
  // per document cost more than running them. After the migrations:
  // PREPARE needs the tables.
  return Guard("preparing statements", url_, [&]() -> Status {
    pqxx::nontransaction tx(*conn_);
    std::string sql =
        std::string("PREPARE annals_load_document (text) AS ") + kPgLoadDocumentSql + "$1;";
    // A reader's every statement string is one read-only snapshot (see Load).
    if (read_only_)
      sql +=
          "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;";
    (void)ForEachChildTable([&](auto table) {
      using Table = decltype(table);
      sql += "PREPARE annals_load_" + std::string(Table::kTable) + " (text) AS SELECT " +
             ColumnList(Table::kColumns) + " FROM " + std::string(Table::kTable) +
             " WHERE doc = (SELECT rowid FROM documents WHERE id = $1) ORDER BY idx;";
      return Status::Ok();
    });
    tx.exec(sql);
    prepared_backend_ = conn_->backendpid();
    return Status::Ok();
  });
}

StatusOr<WriteResult> PostgresStore::WriteBatch(std::span<const Document> docs) {
  WriteResult result;
  if (docs.empty()) return result;
  if (read_only_)
    return Status(ErrorCode::kInvalidArgument,
                  "store '" + RedactUrl(url_) + "' was opened read-only");
  ANNALS_RETURN_IF_ERROR(EnsureConnected());
  std::vector<PgPending> pending;
  bool committing = false;
  Status s = Guard("writing a batch", url_, [&]() -> Status {
    pqxx::work tx(*conn_);
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kPgWriteLock) + ")");
    ANNALS_RETURN_IF_ERROR(Decide(tx, docs, &pending, &result));
    ANNALS_RETURN_IF_ERROR(WritePending(tx, docs, pending, &result));
    committing = true;
    tx.commit();
    return Status::Ok();
  });
  if (!s.ok()) {
    if (conn_ && !conn_->is_open()) conn_.reset();                    // the next batch reconnects
    if (committing && s.code() == ErrorCode::kUnavailable) return s;  // outcome unknown
    return Status(s.code(), s.message() + "; nothing of this batch was stored");
  }
  for (const PgPending& p : pending) {
    if (p.refused) continue;
    ++(p.replacing ? result.replaced : result.inserted);
    if (p.renamed) ++result.renamed;
    if (p.duplicate_of >= 0) ++result.near_duplicates;
    result.sentences += docs[p.index].sentences.size();
  }
  std::sort(result.refused.begin(), result.refused.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return result;
}

Status PostgresStore::Decide(pqxx::work& tx, std::span<const Document> docs,
                             std::vector<PgPending>* pending, WriteResult* result) {
  const size_t n = docs.size();
  std::vector<std::string> hashes(n), ids;
  for (size_t i = 0; i < n; ++i) {
    const Document& doc = docs[i];
    // Documents that skipped the normalize stage still get a stable identity.
    hashes[i] = doc.content_hash.empty() ? ContentHash(doc.title, doc.text) : doc.content_hash;
    ids.push_back(doc.id);
    ids.push_back(doc.id + "~" + hashes[i].substr(0, 8));
  }
  std::unordered_set<std::string> stored_hashes;
  for (const pqxx::row& r :
       tx.exec_params("SELECT content_hash FROM documents WHERE content_hash = ANY($1::text[])",
                      TextArray(hashes)))
    stored_hashes.insert(r[0].as<std::string>());
  // Who holds an id: a stored row, or a document earlier in this batch.
  struct Holder {
    int64_t rowid;
    std::string hash;
    int pending;  // index into *pending, -1 for a stored row
  };
  std::unordered_map<std::string, Holder> by_id;
  for (const pqxx::row& r :
       tx.exec_params("SELECT id, rowid, content_hash FROM documents WHERE id = ANY($1::text[])",
                      TextArray(ids)))
    by_id[r[0].as<std::string>()] = Holder{r[1].as<int64_t>(), r[2].as<std::string>(), -1};

  // The near-duplicate index holds only the stored documents that share a
  // band with one of the batch: FindOriginal never looks at any other.
  std::vector<dedup::Signature> sigs(n);
  std::vector<bool> has_sig(n);
  std::vector<int64_t> bands;
  for (size_t i = 0; i < n; ++i) {
    has_sig[i] = dedup::ComputeSignature(docs[i].text, &sigs[i]);
    if (!has_sig[i]) continue;
    for (int b = 0; b < dedup::kNumBands; ++b)
      bands.push_back(BandColumn(dedup::NearDuplicateIndex::BandKey(sigs[i], b)));
  }
  dedup::NearDuplicateIndex index;
  if (!bands.empty()) {
    for (const pqxx::row& r : tx.exec_params(
             "SELECT rowid, coalesce(duplicate_of, -1), signature FROM documents WHERE rowid IN"
             " (SELECT doc FROM document_bands WHERE band = ANY($1::bigint[]))",
             IntArray(bands))) {
      std::string blob;
      dedup::Signature sig;
      if (DecodeByteaHex(r[2].c_str(), &blob) && dedup::DecodeSignature(blob, &sig))
        index.Add(r[0].as<int64_t>(), sig, r[1].as<int64_t>());
    }
  }
  // Keys drawn under the write lock are larger than every stored one, so
  // rowid order stays insertion order across processes.
  std::vector<int64_t> rowids;
  for (const pqxx::row& r : tx.exec_params(
           "SELECT nextval('documents_rowid_seq') FROM generate_series(1, $1::integer)", n))
    rowids.push_back(r[0].as<int64_t>());
  std::sort(rowids.begin(), rowids.end());

  std::unordered_set<std::string> batch_hashes;
  for (size_t i = 0; i < n; ++i) {
    const Document& doc = docs[i];
    if (doc.id.empty()) {
      result->refused.emplace_back(i, Status(ErrorCode::kInvalidArgument, "document has no id"));
      continue;
    }
    const std::string& hash = hashes[i];
    if (stored_hashes.count(hash) || batch_hashes.count(hash)) {
      ++result->duplicates;
      continue;
    }
    PgPending p;
    p.index = i;
    p.hash = hash;
    p.id = doc.id;
    auto old = by_id.find(doc.id);
    // A derived id is no identity (see store.h): keep the stored document.
    if (old != by_id.end() && !doc.origin.id_given) {
      p.id = doc.id + "~" + hash.substr(0, 8);
      p.renamed = true;
      if (by_id.count(p.id)) {
        result->refused.emplace_back(
            i, Status(ErrorCode::kStore, "its id '" + p.id + "' is taken by other content"));
        continue;
      }
      old = by_id.end();
    }
    if (old != by_id.end()) {
      const Holder holder = old->second;
      p.replacing = true;
      if (holder.pending >= 0) {
        // The earlier version is not written; the stored one it replaced
        // is this one's to delete.
        PgPending& earlier = (*pending)[holder.pending];
        earlier.replaced_in_batch = true;
        p.replaces = earlier.replaces;
        p.replaces_pending = holder.pending;
        batch_hashes.erase(holder.hash);
      } else {
        p.replaces = holder.rowid;
        stored_hashes.erase(holder.hash);
      }
      // Its copies stand on their own now.
      index.Remove(holder.rowid);
      for (PgPending& q : *pending)
        if (q.duplicate_of == holder.rowid) q.duplicate_of = -1;
    }
    p.rowid = rowids[i];
    if (has_sig[i]) {
      p.duplicate_of = index.FindOriginal(sigs[i]);
      p.signature = dedup::EncodeSignature(sigs[i]);
      for (int b = 0; b < dedup::kNumBands; ++b)
        p.bands.push_back(dedup::NearDuplicateIndex::BandKey(sigs[i], b));
      index.Add(p.rowid, sigs[i], p.duplicate_of);
    }
    by_id[p.id] = Holder{p.rowid, hash, static_cast<int>(pending->size())};
    batch_hashes.insert(hash);
    pending->push_back(std::move(p));
  }
  return Status::Ok();
}

Status PostgresStore::WritePending(pqxx::work& tx, std::span<const Document> docs,
                                   std::vector<PgPending>& pending, WriteResult* result) {
  std::vector<PgPending*> live;
  for (PgPending& p : pending)
    if (!p.replaced_in_batch) live.push_back(&p);
  if (live.empty()) return Status::Ok();
  try {
    pqxx::subtransaction all(tx, "batch");
    WriteRows(all, docs, live);
    all.commit();
    return Status::Ok();
  } catch (const pqxx::sql_error& e) {
    if (!RefusesData(e)) throw;
  }
  // The server refused some document's data: again, one savepoint each,
  // so that only the documents it refuses are lost. A refused document
  // that replaced an earlier one of the batch leaves that one standing, as
  // SQLite, writing them in turn, would.
  for (PgPending* p : live) {
    while (p != nullptr) {
      try {
        pqxx::subtransaction one(tx, "document");
        WriteRows(one, docs, {p});
        one.commit();
        break;
      } catch (const pqxx::sql_error& e) {
        if (!RefusesData(e)) throw;
        p->refused = true;
        std::string why = e.what();
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        result->refused.emplace_back(
            p->index, Status(ErrorCode::kStore, "PostgreSQL refused the document: " + why +
                                                    " (SQLSTATE " + e.sqlstate() + ")"));
        for (PgPending& q : pending)
          if (q.duplicate_of == p->rowid) q.duplicate_of = -1;
      }
      p = p->replaces_pending >= 0 ? &pending[static_cast<size_t>(p->replaces_pending)] : nullptr;
    }
  }
  return Status::Ok();
}

StatusOr<Document> PostgresStore::Load(const std::string& id) {
  ANNALS_RETURN_IF_ERROR(EnsureConnected());
  ANNALS_RETURN_IF_ERROR(PrepareLoad());
  Document doc;
  Status s = Guard("reading document '" + id + "'", url_, [&]() -> Status {
    if (!read_only_) {
      Snapshot tx(*conn_);
      return LoadDocument(tx, id, &doc);
    }
    // A reader's session is REPEATABLE READ (EnsureConnected), and Load's
    // statements travel as one message, which PostgreSQL runs as one
    // transaction: one snapshot in one round trip, where BEGIN and
    // ROLLBACK would cost two more (on a busy machine, each round trip
    // waits for the server to be scheduled: 5 s instead of 2 for
    // exporting the BBC corpus).
    pqxx::nontransaction tx(*conn_);
    return LoadDocument(tx, id, &doc);
  });
  if (!s.ok()) return s;
  return doc;
}

StatusOr<std::vector<std::string>> PostgresStore::ListIds(uint64_t limit) {
  ANNALS_RETURN_IF_ERROR(EnsureConnected());
  std::vector<std::string> ids;
  Status s = Guard("listing ids", url_, [&]() -> Status {
    pqxx::read_transaction tx(*conn_);
    std::string sql = "SELECT id FROM documents ORDER BY rowid";
    if (limit <= static_cast<uint64_t>(INT64_MAX)) sql += " LIMIT " + std::to_string(limit);
    for (const pqxx::row& r : tx.exec(sql)) ids.push_back(r[0].as<std::string>());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return ids;
}

StatusOr<std::vector<std::pair<std::string, std::string>>> PostgresStore::ListNearDuplicates() {
  ANNALS_RETURN_IF_ERROR(EnsureConnected());
  std::vector<std::pair<std::string, std::string>> links;
  Status s = Guard("listing near-duplicates", url_, [&]() -> Status {
    pqxx::read_transaction tx(*conn_);
    for (const pqxx::row& r :
         tx.exec("SELECT c.id, o.id FROM documents c JOIN documents o ON o.rowid = c.duplicate_of"
                 " ORDER BY c.rowid"))
      links.emplace_back(r[0].as<std::string>(), r[1].as<std::string>());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return links;
}

StatusOr<StoreStats> PostgresStore::Stats() {
  ANNALS_RETURN_IF_ERROR(EnsureConnected());
  StoreStats stats;
  stats.schema_version = version_;
  Status s = Guard("reading statistics", url_, [&]() -> Status {
    // One snapshot, so the counts agree with each other while others write;
    // one statement, so one round trip.
    Snapshot tx(*conn_);
    const auto tables = CountedTables(stats);
    std::string sql =
        "SELECT count(*), coalesce(sum(token_count), 0), coalesce(sum(octet_length(text)), 0),"
        " count(duplicate_of)";
    for (const auto& [table, out] : tables)
      sql += std::string(", (SELECT count(*) FROM ") + table + ")";
    sql += " FROM documents";
    const pqxx::row r = tx.exec1(sql);
    stats.documents = r[0].as<uint64_t>();
    stats.tokens = r[1].as<uint64_t>();
    stats.text_bytes = r[2].as<uint64_t>();
    stats.near_duplicates = r[3].as<uint64_t>();
    int column = 4;
    for (const auto& [table, out] : tables) *out = r[column++].as<uint64_t>();
    // Byte order, as SQLite sorts, whatever the database's collation.
    for (const pqxx::row& f : tx.exec("SELECT format, count(*) FROM documents GROUP BY format "
                                      "ORDER BY format COLLATE \"C\""))
      stats.documents_by_format.emplace_back(f[0].as<std::string>(), f[1].as<uint64_t>());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return stats;
}

}  // namespace annals::internal
