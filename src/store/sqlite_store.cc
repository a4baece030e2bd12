// The SQLite store's opening, batch logic, listing and statistics.
// Why one transaction per batch: SQLite commits cost an fsync each, so
// per-document commits would cap ingest at a few hundred documents a second;
// a batch is also the unit that lands whole or not at all.
// Tested by store_test.cc.
#include "store/sqlite_store.h"

#include <algorithm>
#include <utility>

#include "store/row_codec.h"
#include "store/schema.h"

namespace annals::internal {

namespace {

constexpr const char* kSql[] = {
    // kFindByHash
    "SELECT rowid FROM documents WHERE content_hash = ?",
    // kFindById
    "SELECT rowid FROM documents WHERE id = ?",
    // kDeleteDocument
    "DELETE FROM documents WHERE rowid = ?",
    // kInsertDocument
    "INSERT INTO documents (id, content_hash, format, origin_path, origin_record, source, url,"
    " published, title, dateline_place, language, text, metadata, stages, token_count, tokens,"
    " duplicate_of, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    // kLoadDocument
    "SELECT rowid, id, content_hash, format, origin_path, origin_record, source, url, published,"
    " title, dateline_place, language, text, metadata, stages, tokens,"
    " (SELECT o.id FROM documents o WHERE o.rowid = documents.duplicate_of)"
    " FROM documents WHERE id = ?",
    // kListIds
    "SELECT id FROM documents ORDER BY rowid LIMIT ?",
    // kClearDuplicateLinks
    "UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ?",
    // kListNearDuplicates
    ("SELECT c.id, o.id FROM documents c JOIN documents o ON o.rowid = c.duplicate_of"
     " ORDER BY c.rowid"),
    // kIndexedRow
    "SELECT coalesce(duplicate_of, -1), signature FROM documents WHERE rowid = ?",
};
static_assert(std::size(kSql) == static_cast<size_t>(Query::kNumQueries));

// SQLite errors about one document's data, as opposed to the database as a
// whole (full, locked, I/O), which must stop the batch.
bool RefusesOneDocument(int primary_code) {
  return primary_code == SQLITE_TOOBIG || primary_code == SQLITE_CONSTRAINT ||
         primary_code == SQLITE_MISMATCH || primary_code == SQLITE_RANGE;
}

}  // namespace

StatusOr<std::unique_ptr<Store>> SqliteStore::Create(const std::string& path, OpenMode mode) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  store->path_ = path;
  const bool read_only = mode == OpenMode::kReadOnly;
  ANNALS_RETURN_IF_ERROR(store->db_.Open(path, read_only));
  ANNALS_RETURN_IF_ERROR(PrepareSchema(store->db_, path, read_only, &store->version_));
  ANNALS_RETURN_IF_ERROR(store->PrepareStatements());
  ANNALS_RETURN_IF_ERROR(store->LoadIndex(read_only));
  return std::unique_ptr<Store>(std::move(store));
}

Status SqliteStore::PrepareStatements() {
  for (int i = 0; i < static_cast<int>(Query::kNumQueries); ++i) {
    Status s = stmts_[i].Prepare(db_, kSql[i]);
    if (!s.ok()) return Status(ErrorCode::kStore, "store '" + path_ + "': " + s.message());
  }
  size_t i = 0;
  return ForEachChildTable([&](auto table) {
    using Table = decltype(table);
    std::string insert = "INSERT INTO " + std::string(Table::kTable) + " (" +
                         ColumnList(Table::kColumns, "doc, idx") + ") VALUES (?, ?";
    for (size_t c = 0; c < Table::kColumns.size(); ++c) insert += ", ?";
    insert += ")";
    const std::string load = "SELECT " + ColumnList(Table::kColumns) + " FROM " +
                             std::string(Table::kTable) + " WHERE doc = ? ORDER BY idx";
    Status s = insert_children_[i].Prepare(db_, insert.c_str());
    if (s.ok()) s = load_children_[i].Prepare(db_, load.c_str());
    ++i;
    if (!s.ok()) return Status(ErrorCode::kStore, "store '" + path_ + "': " + s.message());
    return Status::Ok();
  });
}

Status SqliteStore::LoadIndex(bool read_only) {
  if (!read_only) {
    // Signatures a v4 store never had, in one transaction.
    ANNALS_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
    Stmt missing, set;
    Status st = missing.Prepare(db_, "SELECT rowid, text FROM documents WHERE signature IS NULL");
    if (st.ok()) st = set.Prepare(db_, "UPDATE documents SET signature = ? WHERE rowid = ?");
    int rc = SQLITE_DONE;
    while (st.ok() && (rc = missing.Step()) == SQLITE_ROW) {
      Row r(missing);
      const int64_t rowid = r.Int();
      dedup::Signature sig;
      const std::string blob =
          dedup::ComputeSignature(r.Text(), &sig) ? dedup::EncodeSignature(sig) : std::string();
      Binder(set).Blob(blob).Int(rowid);
      st = Done(set, "storing a near-duplicate signature");
    }
    if (st.ok() && rc != SQLITE_DONE) st = db_.Error("store '" + path_ + "': reading texts");
    sqlite3_exec(db_.get(), st.ok() ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
    ANNALS_RETURN_IF_ERROR(st);
  }
  if (read_only) return Status::Ok();  // readers never look for duplicates
  ANNALS_RETURN_IF_ERROR(
      new_rows_.Prepare(db_,
                        "SELECT rowid, coalesce(duplicate_of, -1), signature FROM documents"
                        " WHERE rowid > ? ORDER BY rowid"));
  return IndexNewRows();
}

Status SqliteStore::IndexNewRows() {
  ResetOnExit reset(new_rows_);
  Binder(new_rows_).Int(indexed_through_);
  int rc;
  while ((rc = new_rows_.Step()) == SQLITE_ROW) {
    Row r(new_rows_);
    const int64_t rowid = r.Int();
    const int64_t original = r.Int();
    dedup::Signature sig;
    if (dedup::DecodeSignature(r.Blob(), &sig)) index_.Add(rowid, sig, original);
    indexed_through_ = rowid;
  }
  if (rc != SQLITE_DONE) return db_.Error("store '" + path_ + "': reading signatures");
  return Status::Ok();
}

StatusOr<int64_t> SqliteStore::FindOriginal(const dedup::Signature& sig) {
  for (;;) {
    const int64_t original = index_.FindOriginal(sig);
    if (original < 0) return original;
    Stmt& row = q(Query::kIndexedRow);
    ResetOnExit reset(row);
    Binder(row).Int(original);
    const int rc = row.Step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_.Error("looking up an original");
    dedup::Signature stored;
    bool has_stored = false;
    int64_t stored_original = -1;
    if (rc == SQLITE_ROW) {
      Row r(row);
      stored_original = r.Int();
      has_stored = dedup::DecodeSignature(r.Blob(), &stored);
    }
    const dedup::Signature* indexed = index_.Find(original);
    if (has_stored && indexed != nullptr && *indexed == stored) return original;
    // Stale: what the store holds there now replaces what was indexed.
    index_.Remove(original);
    if (has_stored) index_.Add(original, stored, stored_original);
  }
}

Status SqliteStore::Done(Stmt& stmt, const char* what) {
  ResetOnExit reset(stmt);
  if (stmt.Step() != SQLITE_DONE) return db_.Error(what);
  return Status::Ok();
}

StatusOr<WriteResult> SqliteStore::WriteBatch(std::span<const Document> docs) {
  WriteResult result;
  if (docs.empty()) return result;
  if (sqlite3_exec(db_.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return db_.Error("store '" + path_ + "': starting a batch");
  batch_keys_.clear();
  // Other processes may have written since our last batch (several
  // distributed workers on one file): index their documents first, under
  // the write lock, so near-duplicates are found across writers.
  if (Status s = IndexNewRows(); !s.ok()) {
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  const int64_t indexed_before = indexed_through_;
  // A batch that does not commit must leave the index as it found it.
  auto forget_batch = [&] {
    for (const int64_t key : batch_keys_) index_.Remove(key);
    batch_keys_.clear();
    indexed_through_ = indexed_before;
  };
  // Each document in a savepoint, so that one SQLite refuses on its own can
  // be taken back alone while the rest of the batch goes in.
  for (size_t i = 0; i < docs.size(); ++i) {
    const Document& doc = docs[i];
    ANNALS_RETURN_IF_ERROR(db_.Exec("SAVEPOINT doc"));
    pending_key_ = -1;
    Status s = WriteOne(doc, &result);
    const int rc = sqlite3_extended_errcode(db_.get()) & 0xFF;
    if (s.ok()) {
      ANNALS_RETURN_IF_ERROR(db_.Exec("RELEASE doc"));
      continue;
    }
    sqlite3_exec(db_.get(), "ROLLBACK TO doc; RELEASE doc", nullptr, nullptr, nullptr);
    if (!batch_keys_.empty() && pending_key_ == batch_keys_.back()) {
      index_.Remove(pending_key_);  // the refused document's own entry
      batch_keys_.pop_back();
    }
    if (s.code() != ErrorCode::kStore || RefusesOneDocument(rc)) {
      result.refused.emplace_back(i, std::move(s));
      continue;
    }
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    forget_batch();
    return Status(s.code(), "document '" + doc.id + "' (" + doc.origin.Describe() +
                                "): " + s.message() + "; nothing of this batch was stored");
  }
  if (sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    Status s = db_.Error("store '" + path_ + "': committing a batch");
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    forget_batch();
    return s;
  }
  return result;
}

Status SqliteStore::WriteOne(const Document& doc, WriteResult* result) {
  if (doc.id.empty()) return Status(ErrorCode::kInvalidArgument, "document has no id");
  // Documents that skipped the normalize stage still get a stable identity.
  const std::string hash =
      doc.content_hash.empty() ? ContentHash(doc.title, doc.text) : doc.content_hash;
  {
    Stmt& find = q(Query::kFindByHash);
    ResetOnExit reset(find);
    Binder(find).Text(hash);
    const int rc = find.Step();
    if (rc == SQLITE_ROW) {
      ++result->duplicates;
      return Status::Ok();
    }
    if (rc != SQLITE_DONE) return db_.Error("looking up content hash");
  }
  int64_t old_rowid = -1;
  {
    Stmt& find = q(Query::kFindById);
    ResetOnExit reset(find);
    Binder(find).Text(doc.id);
    const int rc = find.Step();
    if (rc == SQLITE_ROW) {
      old_rowid = Row(find).Int();
    } else if (rc != SQLITE_DONE) {
      return db_.Error("looking up id");
    }
  }
  // A derived id is no identity (see store.h): keep the stored document.
  std::string renamed;
  if (old_rowid >= 0 && !doc.origin.id_given) {
    renamed = doc.id + "~" + hash.substr(0, 8);
    old_rowid = -1;
  }
  if (old_rowid >= 0) {
    Binder(q(Query::kDeleteDocument)).Int(old_rowid);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kDeleteDocument), "deleting the old version"));
    // Its copies stand on their own now (the index does the same).
    Binder(q(Query::kClearDuplicateLinks)).Int(old_rowid);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kClearDuplicateLinks), "unlinking copies"));
    index_.Remove(old_rowid);
  }
  dedup::Signature sig;
  const bool has_sig = dedup::ComputeSignature(doc.text, &sig);
  int64_t original = -1;
  if (has_sig) {
    StatusOr<int64_t> found = FindOriginal(sig);
    if (!found.ok()) return found.status();
    original = *found;
  }
  int64_t rowid = 0;
  ANNALS_RETURN_IF_ERROR(InsertDocument(doc, renamed.empty() ? doc.id : renamed, hash, original,
                                        has_sig ? dedup::EncodeSignature(sig) : std::string(),
                                        &rowid));
  ANNALS_RETURN_IF_ERROR(InsertChildren(doc, rowid));
  ++(old_rowid >= 0 ? result->replaced : result->inserted);
  if (!renamed.empty()) ++result->renamed;
  if (original >= 0) ++result->near_duplicates;
  indexed_through_ = std::max(indexed_through_, rowid);
  if (has_sig) {
    index_.Add(rowid, sig, original);
    batch_keys_.push_back(rowid);
    pending_key_ = rowid;
  }
  result->sentences += doc.sentences.size();
  return Status::Ok();
}

StatusOr<Document> SqliteStore::Load(const std::string& id) {
  if (sqlite3_exec(db_.get(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
    return db_.Error("store '" + path_ + "': starting a read");
  Document doc;
  // One read transaction: every table is read from the same snapshot.
  Status s = LoadDocument(id, &doc);
  sqlite3_exec(db_.get(), s.ok() ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
  if (!s.ok()) return s;
  return doc;
}

StatusOr<std::vector<std::string>> SqliteStore::ListIds(uint64_t limit) {
  std::vector<std::string> ids;
  Stmt& list = q(Query::kListIds);
  ResetOnExit reset(list);
  // SQLite limits are signed; anything above INT64_MAX means "all".
  Binder(list).Int(limit > static_cast<uint64_t>(INT64_MAX) ? -1 : static_cast<int64_t>(limit));
  int rc;
  while ((rc = list.Step()) == SQLITE_ROW) ids.push_back(Row(list).Text());
  if (rc != SQLITE_DONE) return db_.Error("store '" + path_ + "': listing ids");
  return ids;
}

StatusOr<std::vector<std::pair<std::string, std::string>>> SqliteStore::ListNearDuplicates() {
  std::vector<std::pair<std::string, std::string>> links;
  Stmt& list = q(Query::kListNearDuplicates);
  ResetOnExit reset(list);
  int rc;
  while ((rc = list.Step()) == SQLITE_ROW) {
    Row r(list);
    std::string copy = r.Text();
    links.emplace_back(std::move(copy), r.Text());
  }
  if (rc != SQLITE_DONE) return db_.Error("store '" + path_ + "': listing near-duplicates");
  return links;
}

StatusOr<StoreStats> SqliteStore::Stats() {
  // One read transaction, so the counts agree with each other even while
  // another process writes.
  if (sqlite3_exec(db_.get(), "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
    return db_.Error("store '" + path_ + "': starting a read");
  StatusOr<StoreStats> stats = ReadStats();
  sqlite3_exec(db_.get(), "COMMIT", nullptr, nullptr, nullptr);
  return stats;
}

StatusOr<StoreStats> SqliteStore::ReadStats() {
  StoreStats stats;
  stats.schema_version = version_;
  Stmt docs;
  ANNALS_RETURN_IF_ERROR(
      docs.Prepare(db_,
                   "SELECT count(*), coalesce(sum(token_count), 0),"
                   " coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents"));
  if (docs.Step() != SQLITE_ROW) return db_.Error("store '" + path_ + "': stats");
  Row row(docs);
  stats.documents = static_cast<uint64_t>(row.Int());
  stats.tokens = static_cast<uint64_t>(row.Int());
  stats.text_bytes = static_cast<uint64_t>(row.Int());
  const auto tables = CountedTables(stats);
  for (const auto& [table, out] : tables) {
    Stmt count;
    ANNALS_RETURN_IF_ERROR(
        count.Prepare(db_, (std::string("SELECT count(*) FROM ") + table).c_str()));
    if (count.Step() != SQLITE_ROW) return db_.Error("store '" + path_ + "': stats");
    *out = static_cast<uint64_t>(Row(count).Int());
  }
  Stmt linked;
  ANNALS_RETURN_IF_ERROR(
      linked.Prepare(db_, "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"));
  if (linked.Step() != SQLITE_ROW) return db_.Error("store '" + path_ + "': stats");
  stats.near_duplicates = static_cast<uint64_t>(Row(linked).Int());
  Stmt formats;
  ANNALS_RETURN_IF_ERROR(formats.Prepare(
      db_, "SELECT format, count(*) FROM documents GROUP BY format ORDER BY format"));
  int rc;
  while ((rc = formats.Step()) == SQLITE_ROW) {
    Row r(formats);
    std::string name = r.Text();
    stats.documents_by_format.emplace_back(std::move(name), static_cast<uint64_t>(r.Int()));
  }
  if (rc != SQLITE_DONE) return db_.Error("store '" + path_ + "': stats");
  return stats;
}

}  // namespace annals::internal
