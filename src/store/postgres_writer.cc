// Writing a batch's rows into PostgreSQL with COPY: one COPY per table for
// the whole batch (documents, each child table, document_bands), through
// libpqxx's stream_to. Why COPY: one INSERT per row would cost a round
// trip each (tens of thousands per batch); COPY streams them all and the
// server parses them in one go. Values go as COPY's text format, each
// field escaped by libpqxx; NaN becomes NULL as in SQLite, bytea goes in
// its hex form. Child rows come from row_codec.h, as the SQLite writer's.
// Tested by postgres_store_test.cc.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "store/postgres_connection.h"
#include "store/postgres_store.h"
#include "store/row_codec.h"
#include "store/token_codec.h"

namespace annals::internal {

// One COPY field: its text, or NULL.
struct CopyField {
  std::string text;
  bool null = false;
};

}  // namespace annals::internal

namespace pqxx {

// How stream_to turns a CopyField into a field of a COPY line (it escapes
// the text itself).
template <>
struct string_traits<annals::internal::CopyField> {
  static constexpr const char* name() noexcept { return "CopyField"; }
  static constexpr bool has_null() noexcept { return true; }
  static bool is_null(const annals::internal::CopyField& f) { return f.null; }
  static annals::internal::CopyField null() { return {"", true}; }
  static void from_string(const char text[], annals::internal::CopyField& f) { f = {text, false}; }
  static std::string to_string(const annals::internal::CopyField& f) { return f.text; }
};

}  // namespace pqxx

namespace annals::internal {
namespace {

// A row of N fields, filled in column order by row_codec.h's Write (the
// Sink interface). Filling more or fewer than N fields is a programming
// error, reported (as an exception the store turns into kStore) rather
// than sent.
template <size_t N>
class CopyRow {
 public:
  CopyRow& Int(int64_t v) { return Put(std::to_string(v)); }
  CopyRow& Double(double v) {
    if (std::isnan(v)) return Null();
    if (std::isinf(v)) return Put(v > 0 ? "Infinity" : "-Infinity");
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;  // shortest exact form
    return Put(std::string(buf, end));
  }
  CopyRow& Text(std::string_view v) { return Put(std::string(v)); }
  CopyRow& TextCopy(std::string v) { return Put(std::move(v)); }
  CopyRow& Blob(std::string_view v) { return Put(ByteaHex(v)); }
  CopyRow& Null() {
    At().null = true;
    ++next_;
    return *this;
  }
  const std::array<CopyField, N>& fields() const {
    if (next_ != N) throw std::logic_error("a COPY row has the wrong number of fields");
    return fields_;
  }

 private:
  CopyField& At() {
    if (next_ >= N) throw std::logic_error("a COPY row has too many fields");
    return fields_[next_];
  }
  CopyRow& Put(std::string text) {
    At().text = std::move(text);
    ++next_;
    return *this;
  }
  std::array<CopyField, N> fields_;
  size_t next_ = 0;
};

template <size_t N>
std::vector<std::string> Columns(const std::array<std::string_view, N>& names, bool with_key) {
  std::vector<std::string> out;
  if (with_key) out = {"doc", "idx"};
  for (std::string_view c : names) out.emplace_back(c);
  return out;
}

constexpr std::array<std::string_view, 19> kDocumentColumns = {
    "rowid",          "id",       "content_hash", "format",    "origin_path",
    "origin_record",  "source",   "url",          "published", "title",
    "dateline_place", "language", "text",         "metadata",  "stages",
    "token_count",    "tokens",   "duplicate_of", "signature"};

}  // namespace

void PostgresStore::WriteRows(pqxx::transaction_base& tx, std::span<const Document> docs,
                              const std::vector<PgPending*>& pending) {
  std::vector<int64_t> replaced;
  for (const PgPending* p : pending)
    if (p->replaces >= 0) replaced.push_back(p->replaces);
  if (!replaced.empty()) {
    // The old versions' rows go by cascade; their copies stand alone now.
    tx.exec_params(
        "UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ANY($1::bigint[])",
        IntArray(replaced));
    tx.exec_params("DELETE FROM documents WHERE rowid = ANY($1::bigint[])", IntArray(replaced));
  }
  {
    pqxx::stream_to copy(tx, "documents", Columns(kDocumentColumns, false));
    std::string tokens;
    for (const PgPending* p : pending) {
      const Document& doc = docs[p->index];
      EncodeTokens(doc.tokens, &tokens);
      CopyRow<kDocumentColumns.size()> row;
      row.Int(p->rowid).Text(p->id).Text(p->hash).Text(doc.format).Text(doc.origin.path);
      row.Int(static_cast<int64_t>(doc.origin.record)).Text(doc.source).Text(doc.url);
      if (doc.published) {
        row.Text(doc.published->ToIso());
      } else {
        row.Null();
      }
      row.Text(doc.title).Text(doc.dateline_place).Text(doc.language).Text(doc.text);
      row.TextCopy(MetadataJson(doc)).TextCopy(StagesJson(doc));
      row.Int(static_cast<int64_t>(doc.tokens.size())).Blob(tokens);
      if (p->duplicate_of >= 0) {
        row.Int(p->duplicate_of);
      } else {
        row.Null();
      }
      row.Blob(p->signature);
      copy << row.fields();
    }
    copy.complete();
  }
  // Throws rather than returning a failure; the Status is always Ok.
  (void)ForEachChildTable([&](auto table) {
    using Table = decltype(table);
    bool any = false;
    for (const PgPending* p : pending) any = any || !Table::Items(docs[p->index]).empty();
    if (!any) return Status::Ok();
    pqxx::stream_to copy(tx, std::string(Table::kTable), Columns(Table::kColumns, true));
    for (const PgPending* p : pending) {
      const auto& items = Table::Items(docs[p->index]);
      for (size_t i = 0; i < items.size(); ++i) {
        CopyRow<Table::kColumns.size() + 2> row;
        row.Int(p->rowid).Int(static_cast<int64_t>(i));
        Table::Write(row, items[i]);
        copy << row.fields();
      }
    }
    copy.complete();
    return Status::Ok();
  });
  bool any_bands = false;
  for (const PgPending* p : pending) any_bands = any_bands || !p->bands.empty();
  if (!any_bands) return;
  pqxx::stream_to copy(tx, "document_bands", std::vector<std::string>{"band", "doc"});
  for (const PgPending* p : pending) {
    // The key is (band, doc): two bands of one signature hashing alike
    // (a 64-bit collision) must not fail the batch.
    std::vector<uint64_t> bands = p->bands;
    std::sort(bands.begin(), bands.end());
    bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
    for (const uint64_t band : bands) {
      CopyRow<2> row;
      row.Int(static_cast<int64_t>(band)).Int(p->rowid);
      copy << row.fields();
    }
  }
  copy.complete();
}

}  // namespace annals::internal
