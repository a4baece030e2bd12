// Store: the database that holds documents and annotations: an embedded
// SQLite file by default, or a PostgreSQL server named by a URL
// (postgresql://... or postgres://..., see docs/store.md) when several
// processes or machines write to one store. Both have the same tables,
// rules and query results; what follows says "file" for either.
//
// One file, WAL journal, schema version in PRAGMA user_version with
// migrations applied in order on open (a newer schema than this program
// knows is refused, kSchema). Every batch is one transaction: a batch lands
// whole or not at all, so a crash or a bad document never leaves half a
// document behind.
//
// Identity: a document whose content_hash is already stored is skipped
// (re-ingesting is a no-op). A document whose id is stored with other
// content replaces it (its old sentences and annotations go with it) when
// the input gave that id (Origin::id_given). An id annals derived from a
// file name is no identity: such a document is stored under
// "<id>~<first 8 hex digits of its content hash>" instead, so that, say,
// each day's export/articles.csv never overwrites the day before.
//
// Near duplicates: a new document whose text is a near-duplicate of a
// stored one (MinHash estimate of shingle Jaccard similarity >= 0.5; see
// docs/ingest-archives.md) is stored with everything it has, and linked
// to the earliest such document's original (Document::duplicate_of), so
// that exports count its events as further mentions of the original's
// rather than as new events. The signatures are stored with the documents,
// and the index is rebuilt from them on open.
//
// A Store is used from one thread at a time.
#ifndef ANNALS_STORE_H_
#define ANNALS_STORE_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

struct WriteResult {
  uint64_t inserted = 0;         // new documents
  uint64_t replaced = 0;         // same id, new content
  uint64_t duplicates = 0;       // content already stored (under any id)
  uint64_t renamed = 0;          // new documents stored under "<id>~<hash>" (see above)
  uint64_t near_duplicates = 0;  // new documents linked to an earlier original (see above)
  uint64_t sentences = 0;        // sentences written
  // Documents SQLite refused on their own (e.g. too big), by index into the
  // batch, with the reason; the rest of the batch was written.
  std::vector<std::pair<size_t, Status>> refused;
};

enum class OpenMode {
  kReadWrite,  // create the file if needed and apply pending migrations
  kReadOnly,   // an existing store at this program's schema version; never written
};

struct StoreStats {
  int schema_version = 0;
  uint64_t documents = 0;
  uint64_t paragraphs = 0;
  uint64_t sentences = 0;
  uint64_t tokens = 0;
  uint64_t text_bytes = 0;
  uint64_t mentions = 0, actors = 0, events = 0, places = 0, quotes = 0, counts = 0, tones = 0;
  uint64_t dates = 0, framings = 0, themes = 0;
  uint64_t diagnostics = 0;
  uint64_t near_duplicates = 0;  // documents linked to an original
  std::vector<std::pair<std::string, uint64_t>> documents_by_format;
};

class Store {
 public:
  static constexpr int kSchemaVersion = 6;

  // Opens the database at `path` (see OpenMode): a SQLite file, or a
  // PostgreSQL server when IsServerUrl(path). An empty path and ":memory:"
  // are refused: SQLite would use a store that vanishes on close. A server
  // that cannot be reached is kUnavailable ([E020]).
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path,
                                               OpenMode mode = OpenMode::kReadWrite);

  // True for a postgresql:// or postgres:// URL (libpq's connection URL:
  // postgresql://user[:password]@host[:port]/database[?param=value...]).
  static bool IsServerUrl(std::string_view path);
  // `path` for messages: a URL's password is replaced by "***".
  static std::string DisplayName(std::string_view path);
  virtual ~Store() = default;

  // Writes the documents in one transaction. A document the database
  // refuses on its own is rolled back alone and listed in
  // WriteResult::refused; any other failure (disk full, I/O, lock time-out,
  // a lost server: kUnavailable) writes nothing of the batch and the Status
  // says what it met. Retrying a failed batch is safe: what is stored is
  // skipped by content hash.
  virtual StatusOr<WriteResult> WriteBatch(std::span<const Document> docs) = 0;

  // Loads a stored document with everything stored for it.
  virtual StatusOr<Document> Load(const std::string& id) = 0;

  // Ids of stored documents, in insertion order, at most `limit`.
  virtual StatusOr<std::vector<std::string>> ListIds(uint64_t limit) = 0;

  virtual StatusOr<StoreStats> Stats() = 0;

  // Every near-duplicate link: (copy id, original id), in insertion order
  // of the copies.
  virtual StatusOr<std::vector<std::pair<std::string, std::string>>> ListNearDuplicates() = 0;
};

}  // namespace annals

#endif  // ANNALS_STORE_H_
