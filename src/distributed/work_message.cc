// Work item encoding; the format is described in work_message.h.
#include "distributed/work_message.h"

#include <limits>

#include "annals/text.h"

namespace annals::internal {
namespace {

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

// Reads fields front to back; the first failure sticks, so callers check
// once at the end of a group of reads.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool AtEnd() const { return rest_.empty(); }
  void Fail(std::string what) {
    if (error_.empty()) error_ = std::move(what);
  }

  uint8_t Byte(const char* what) {
    if (!ok()) return 0;
    if (rest_.empty()) {
      Fail(std::string("truncated before ") + what);
      return 0;
    }
    const auto b = static_cast<uint8_t>(rest_[0]);
    rest_.remove_prefix(1);
    return b;
  }

  uint64_t Varint(const char* what) {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok(); shift += 7) {
      const uint8_t b = Byte(what);
      if (shift == 63 && b > 1) break;
      // One encoding per number: a trailing zero byte would be a second.
      if (shift > 0 && b == 0) break;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    Fail(std::string("bad number in ") + what);
    return 0;
  }

  // A string of valid UTF-8; `allow_nul` false also refuses NUL bytes.
  std::string String(const char* what, bool allow_nul = true) {
    const uint64_t n = Varint(what);
    if (!ok()) return {};
    if (n > rest_.size()) {
      Fail(std::string(what) + " is longer than the message");
      return {};
    }
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    size_t bad = 0;
    if (!IsValidUtf8(s, &bad)) {
      Fail(std::string(what) + " is not UTF-8 at byte " + std::to_string(bad));
    } else if (!allow_nul && s.find('\0') != std::string::npos) {
      Fail(std::string(what) + " contains a NUL byte");
    }
    return s;
  }

  // A count of items that each take at least `min_item_bytes`, so that a
  // forged count cannot make the decoder reserve more than the message.
  uint64_t Count(const char* what, size_t min_item_bytes) {
    const uint64_t n = Varint(what);
    if (ok() && n > rest_.size() / min_item_bytes) Fail(std::string("too many ") + what);
    return ok() ? n : 0;
  }

 private:
  std::string_view rest_;
  std::string error_;
};

void EncodePublished(const std::optional<PublishedTime>& p, std::string* out) {
  if (!p) {
    out->push_back(0);
    return;
  }
  out->push_back(1);
  for (int v : {p->year, p->month, p->day, p->hour, p->minute, p->second}) {
    PutVarint(static_cast<uint64_t>(v), out);
  }
  const uint8_t flags =
      (p->has_time ? 1 : 0) | (p->has_seconds ? 2 : 0) | (p->utc_offset_minutes ? 4 : 0);
  out->push_back(static_cast<char>(flags));
  if (p->utc_offset_minutes) PutVarint(ZigZag(*p->utc_offset_minutes), out);
}

bool DecodePublished(Reader& r, std::optional<PublishedTime>* out) {
  const uint8_t present = r.Byte("published");
  if (!r.ok() || present == 0) return r.ok();
  if (present != 1) {
    r.Fail("bad published marker");
    return false;
  }
  PublishedTime p;
  // Ranges are loose (a reader may keep a partial date) but bounded, so
  // later date arithmetic cannot overflow.
  struct Field {
    int* value;
    uint64_t max;
  };
  for (Field f : {Field{&p.year, 9999}, Field{&p.month, 12}, Field{&p.day, 31}, Field{&p.hour, 24},
                  Field{&p.minute, 59}, Field{&p.second, 60}}) {
    const uint64_t v = r.Varint("published");
    if (r.ok() && v > f.max) r.Fail("published field out of range");
    *f.value = static_cast<int>(v);
  }
  const uint8_t flags = r.Byte("published flags");
  if (r.ok() && flags > 7) r.Fail("bad published flags");
  p.has_time = (flags & 1) != 0;
  p.has_seconds = (flags & 2) != 0;
  if ((flags & 4) != 0) {
    const int64_t offset = UnZigZag(r.Varint("UTC offset"));
    if (r.ok() && (offset < -24 * 60 || offset > 24 * 60)) r.Fail("UTC offset out of range");
    p.utc_offset_minutes = static_cast<int>(offset);
  }
  if (r.ok()) *out = p;
  return r.ok();
}

void EncodeDocument(const Document& d, std::string* out) {
  for (const std::string* s : {&d.id, &d.source, &d.url, &d.title, &d.dateline_place, &d.language,
                               &d.format, &d.origin.path}) {
    PutString(*s, out);
  }
  PutVarint(d.origin.record, out);
  out->push_back(d.origin.id_given ? 1 : 0);
  PutVarint(d.origin.end_offset, out);
  EncodePublished(d.published, out);
  PutVarint(d.metadata.size(), out);
  for (const auto& [name, value] : d.metadata) {
    PutString(name, out);
    PutString(value, out);
  }
  PutVarint(d.diagnostics.size(), out);
  for (const Diagnostic& diag : d.diagnostics) {
    PutString(diag.stage, out);
    PutVarint(static_cast<uint64_t>(diag.code), out);
    PutString(diag.message, out);
  }
  PutString(d.text, out);
}

void DecodeDocument(Reader& r, Document* d) {
  for (std::string* s : {&d->id, &d->source, &d->url, &d->title, &d->dateline_place, &d->language,
                         &d->format, &d->origin.path}) {
    *s = r.String("a document field", /*allow_nul=*/false);
  }
  d->origin.record = r.Varint("origin record");
  const uint8_t id_given = r.Byte("origin id_given");
  if (r.ok() && id_given > 1) r.Fail("bad id_given flag");
  d->origin.id_given = id_given == 1;
  d->origin.end_offset = r.Varint("origin end offset");
  DecodePublished(r, &d->published);
  const uint64_t n_meta = r.Count("metadata pairs", 2);
  for (uint64_t i = 0; i < n_meta && r.ok(); ++i) {
    std::string name = r.String("metadata name", false);
    std::string value = r.String("metadata value", false);
    d->metadata.emplace_back(std::move(name), std::move(value));
  }
  const uint64_t n_diag = r.Count("diagnostics", 3);
  for (uint64_t i = 0; i < n_diag && r.ok(); ++i) {
    Diagnostic diag;
    diag.stage = r.String("diagnostic stage");
    const uint64_t code = r.Varint("diagnostic code");
    if (r.ok() && code > 1000) r.Fail("diagnostic code out of range");
    diag.code = static_cast<ErrorCode>(code);
    diag.message = r.String("diagnostic message");
    d->diagnostics.push_back(std::move(diag));
  }
  d->text = r.String("text", /*allow_nul=*/false);
  if (r.ok() && d->id.empty()) r.Fail("document without an id");
  if (r.ok() && d->text.empty()) r.Fail("document without text");
}

}  // namespace

void EncodeWorkItem(const WorkItem& item, std::string* out) {
  out->append(kWorkMagic);
  out->push_back(static_cast<char>(kWorkVersion));
  out->push_back(static_cast<char>(item.kind));
  if (item.kind == WorkKind::kDocument) {
    EncodeDocument(item.document, out);
  } else {
    PutString(item.path, out);
    PutString(FormatName(item.format), out);
    PutString(item.id_base, out);
  }
}

StatusOr<WorkItem> DecodeWorkItem(std::string_view bytes) {
  auto bad = [](const std::string& why) {
    return Status(ErrorCode::kBadRecord, "malformed work message: " + why);
  };
  if (bytes.size() > kMaxWorkMessageBytes) return bad("over 64 MiB");
  if (!bytes.starts_with(kWorkMagic)) return bad("does not start with ANWQ");
  Reader r(bytes.substr(kWorkMagic.size()));
  const uint8_t version = r.Byte("version");
  if (r.ok() && version != kWorkVersion) {
    return bad("version " + std::to_string(version) + " (this annals reads version 1)");
  }
  const uint8_t kind = r.Byte("kind");
  WorkItem item;
  if (kind == static_cast<uint8_t>(WorkKind::kDocument)) {
    item.kind = WorkKind::kDocument;
    DecodeDocument(r, &item.document);
  } else if (kind == static_cast<uint8_t>(WorkKind::kFile)) {
    item.kind = WorkKind::kFile;
    item.path = r.String("path", false);
    const std::string format = r.String("format", false);
    // Only the canonical names, not the aliases users may type.
    if (r.ok() && (!ParseFormatName(format, &item.format) || FormatName(item.format) != format)) {
      r.Fail("unknown format " + format);
    }
    item.id_base = r.String("id base", false);
    if (r.ok() && item.path.empty()) r.Fail("file reference without a path");
  } else if (r.ok()) {
    r.Fail("unknown kind " + std::to_string(kind));
  }
  if (r.ok() && !r.AtEnd()) r.Fail("bytes after the last field");
  if (!r.ok()) return bad(r.error());
  return item;
}

std::string WorkItemDedupId(const WorkItem& item) {
  if (item.kind == WorkKind::kDocument) {
    return "d" + ContentHash(item.document.title, item.document.text);
  }
  std::string key = item.path;
  key.push_back('\0');
  key.append(FormatName(item.format));
  key.push_back('\0');
  key.append(item.id_base);
  return "f" + ContentHash("", key);
}

}  // namespace annals::internal
