// Internal header (not public API): the bytes of one work item on the
// queue, and their checked decoding.
//
// A work item is either a document as a reader produced it (before any
// stage ran: the worker runs the whole pipeline) or a reference to an input
// file that every worker can read (a shared file system), which the worker
// splits into documents itself; references keep big WARC archives off the
// queue. Shipping the reader's output rather than raw record bytes means a
// CSV row or a WARC record needs no context (the CSV header, the archive)
// on the worker, and the document's id is fixed at enqueue time, the same
// as `annals ingest` gives it.
//
// Format v1 (integers are LEB128 varints; strings are a varint length and
// the bytes):
//   "ANWQ" u8 version=1 u8 kind (1 document, 2 file reference)
//   document: id source url title dateline_place language format
//             origin.path varint origin.record u8 origin.id_given
//             varint origin.end_offset
//             u8 published? [varint year month day hour minute second,
//                            u8 flags (1 has_time, 2 has_seconds, 4 offset),
//                            zigzag offset minutes if flag 4]
//             varint n, n x (name, JSON value)        metadata
//             varint n, n x (stage, varint code, msg)  reader diagnostics
//             text
//   file:     path, format name ("auto", "warc", ...), id_base
// Nothing may follow the last field. Strings must be UTF-8 (the text
// without NUL bytes, as the readers guarantee); every length is checked
// against the bytes left, so a corrupt or hostile message gives a
// kBadRecord Status, never a crash or a huge allocation.
//
// Tested by work_message_test.cc; fuzzed by fuzz/work_message_fuzzer.cc.
#ifndef ANNALS_DISTRIBUTED_WORK_MESSAGE_H_
#define ANNALS_DISTRIBUTED_WORK_MESSAGE_H_

#include <string>
#include <string_view>

#include "annals/document.h"
#include "annals/ingest.h"
#include "annals/status.h"

namespace annals::internal {

inline constexpr std::string_view kWorkMagic = "ANWQ";
inline constexpr uint8_t kWorkVersion = 1;
// Larger messages are refused on decode; NATS itself refuses anything over
// its max_payload (1 MiB by default) on publish.
inline constexpr size_t kMaxWorkMessageBytes = 64u << 20;

enum class WorkKind : uint8_t {
  kDocument = 1,  // WorkItem::document holds a reader's output
  kFile = 2,      // WorkItem::path names a file the worker reads
};

struct WorkItem {
  WorkKind kind = WorkKind::kDocument;
  Document document;              // kDocument: only reader-set fields are carried
  std::string path;               // kFile
  Format format = Format::kAuto;  // kFile: the reader to force, kAuto detects
  std::string id_base;            // kFile: ReadOptions::id_base for the file
};

// Appends the encoding of `item` to *out. Carries only what a reader sets
// (identity, metadata, origin, diagnostics, text); annotations are dropped.
void EncodeWorkItem(const WorkItem& item, std::string* out);

// Decodes one message; kBadRecord naming the first problem otherwise.
StatusOr<WorkItem> DecodeWorkItem(std::string_view bytes);

// The JetStream de-duplication id of an item: "d" + the content hash of a
// document (title, NUL, text as read), or "f" + a hash of a file
// reference's path, format and id_base. Publishing the same content twice
// within the stream's duplicate window stores it once.
std::string WorkItemDedupId(const WorkItem& item);

}  // namespace annals::internal

#endif  // ANNALS_DISTRIBUTED_WORK_MESSAGE_H_
