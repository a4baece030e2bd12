// WARC reader (ISO 28500, WARC/1.0 and 1.1): web archives to Documents.
//
// The archive is read record by record through a window: a plain .warc is
// looked at in place (ReadPaths maps big files, so nothing is copied), a
// .warc.gz is inflated a slice at a time whether it has one gzip member
// per record or one for the whole file (GzipReader). A record is buffered
// only when it is within the document budget; a bigger one is reported
// kTooLarge and skipped by streaming over it. Memory is therefore about
// max_document_bytes plus a 64 KB header allowance, whatever the archive.
//
// Records: response (an HTTP response: 2xx text/html and text/plain pages
// are read, anything else is skipped silently), resource and conversion
// (text/html or text/plain blocks); warcinfo, request, metadata, revisit
// and continuation records are skipped. HTML goes to ExtractHtmlArticle
// with the HTTP charset; plain text gets the plain-text reader's rules.
//
// Damage is data: a record with no version line, a header that does not
// end, a bad Content-Length, a block not followed by its blank lines, or a
// gzip member that does not inflate is one kBadArchive error naming the
// record number and byte offset; reading resumes at the next gzip member
// or the next line starting "WARC/1.", so only the damaged records are
// lost. See docs/ingest-archives.md.
//
// Tested by warc_reader_test.cc and warc_corpus_test.cc.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "annals/html.h"
#include "annals/ingest.h"
#include "ingest/gzip_stream.h"
#include "ingest/http_message.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

using internal::HeaderFields;

constexpr size_t kMaxHeaderBytes = 64 * 1024;
// An HTTP head and chunk framing on top of the document budget.
constexpr size_t kBlockAllowance = 64 * 1024;
constexpr size_t kScanChunk = 1 << 20;
constexpr uint64_t kEnd = ~uint64_t{0};

// The archive's bytes, inflated when it is gzip, seen through a window
// that only grows to what the caller asks to look at.
class Source {
 public:
  explicit Source(std::string_view bytes) : plain_(bytes) {
    if (internal::IsGzipStart(bytes)) gz_ = std::make_unique<internal::GzipReader>(bytes);
  }

  // Up to `n` bytes from stream offset `at`; fewer only at the end.
  std::string_view Peek(uint64_t at, size_t n) {
    if (at == kEnd) return {};
    if (!gz_) return at >= plain_.size() ? std::string_view() : plain_.substr(at, n);
    while (start_ + buf_.size() < at + n)
      if (gz_->Read(std::max<size_t>(at + n - start_ - buf_.size(), 1 << 16), &buf_) == 0) break;
    if (at < start_ || at >= start_ + buf_.size()) return {};
    return std::string_view(buf_).substr(at - start_, n);
  }
  // Bytes before `at` are no longer needed.
  void Release(uint64_t at) {
    if (!gz_ || at <= start_) return;
    const size_t drop = static_cast<size_t>(std::min<uint64_t>(at - start_, buf_.size()));
    if (drop < (1u << 20) && drop * 2 < buf_.size()) return;  // erase in big steps only
    buf_.erase(0, drop);
    start_ += drop;
    gz_->ForgetBefore(at);
  }
  // Moves over `n` bytes from `at` without keeping them; returns how many
  // there were.
  uint64_t Skip(uint64_t at, uint64_t n) {
    if (!gz_) return at >= plain_.size() ? 0 : std::min<uint64_t>(n, plain_.size() - at);
    uint64_t done = 0;
    while (done < n) {
      const size_t step = static_cast<size_t>(std::min<uint64_t>(n - done, kScanChunk));
      const size_t got = Peek(at + done, step).size();
      done += got;
      Release(at + done);
      if (got < step) break;
    }
    return done;
  }
  // The first damage (a gzip break) at or after `from`, kEnd when none yet.
  uint64_t NextBreak(uint64_t from) {
    if (!gz_) return kEnd;
    auto& breaks = gz_->breaks();
    while (!breaks.empty() && breaks.front().inflated_at < from) breaks.pop_front();
    return breaks.empty() ? kEnd : breaks.front().inflated_at;
  }
  std::string TakeBreakReason() {
    std::string reason = std::move(gz_->breaks().front().reason);
    gz_->breaks().pop_front();
    return reason;
  }
  // "byte N", or "the gzip member at byte N" for compressed archives.
  std::string Where(uint64_t at) const {
    if (!gz_) return "byte " + std::to_string(at);
    return "the gzip member at byte " + std::to_string(gz_->MemberOffset(at));
  }
  bool seekable() const { return !gz_; }
  void DropBreaks() {
    if (gz_) gz_->breaks().clear();
  }
  uint64_t InputOffset(uint64_t at) const { return gz_ ? gz_->compressed_position() : at; }

 private:
  std::string_view plain_;
  std::unique_ptr<internal::GzipReader> gz_;
  std::string buf_;
  uint64_t start_ = 0;  // stream offset of buf_[0]
};

bool IsVersionLine(std::string_view s) {
  return s.starts_with("WARC/1.0\r\n") || s.starts_with("WARC/1.1\r\n") ||
         s.starts_with("WARC/1.0\n") || s.starts_with("WARC/1.1\n");
}

std::string_view Unbracket(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') return s.substr(1, s.size() - 2);
  return s;
}

// Forwards a single-document reader's output as this record's.
class RecordPatchSink : public RecordSink {
 public:
  RecordPatchSink(RecordSink& inner, Document&& fields)
      : inner_(inner), fields_(std::move(fields)) {}
  void OnDocument(Document&& doc) override {
    doc.id = fields_.id;
    doc.url = fields_.url;
    doc.origin = fields_.origin;
    doc.format = fields_.format;
    if (!doc.published) doc.published = fields_.published;
    for (auto& m : fields_.metadata) doc.metadata.push_back(m);
    inner_.OnDocument(std::move(doc));
  }
  void OnError(RecordError&& error) override {
    error.origin = fields_.origin;
    inner_.OnError(std::move(error));
  }

 private:
  RecordSink& inner_;
  Document fields_;
};

class WarcParser {
 public:
  WarcParser(std::string_view bytes, const std::string& path, const ReadOptions& options,
             RecordSink& sink)
      : src_(bytes), path_(path), options_(options), sink_(sink) {}

  void Run() {
    uint64_t pos = 0;
    while (!sink_.Cancelled() && pos != kEnd) {
      pos = SkipBlankLines(pos);
      // Damage before this record (a lost gzip member) is one lost record.
      if (const uint64_t brk = src_.NextBreak(0); brk != kEnd && brk <= pos) {
        ++record_;
        Fail(pos, src_.TakeBreakReason() + "; its records are lost");
        continue;
      }
      if (src_.Peek(pos, 1).empty()) break;
      ++record_;
      pos = ReadRecord(pos);
    }
  }

 private:
  uint64_t SkipBlankLines(uint64_t pos) {
    while (true) {
      const std::string_view s = src_.Peek(pos, 2);
      if (s.starts_with("\r\n")) {
        pos += 2;
      } else if (s.starts_with("\n")) {
        pos += 1;
      } else {
        return pos;
      }
    }
  }

  void Fail(uint64_t at, std::string message, ErrorCode code = ErrorCode::kBadArchive) {
    RecordError e = internal::MakeError(path_, record_, code,
                                        "WARC record " + std::to_string(record_) + " at " +
                                            src_.Where(at) + ": " + std::move(message));
    e.origin.end_offset = src_.InputOffset(at);
    sink_.OnError(std::move(e));
  }

  // The next line that starts "WARC/1." at or after `from`, or the next
  // damage (where a new gzip member starts); the end of the input if none.
  uint64_t Resync(uint64_t from) {
    uint64_t at = from;
    while (true) {
      const std::string_view window = src_.Peek(at, kScanChunk);
      if (window.empty()) return at;
      const uint64_t brk = src_.NextBreak(at);
      for (size_t i = window.find("WARC/1."); i != std::string_view::npos;
           i = window.find("WARC/1.", i + 1)) {
        const uint64_t p = at + i;
        if (brk <= p) return brk;
        const bool line_start =
            p == 0 || (i > 0 ? window[i - 1] == '\n' : src_.Peek(p - 1, 1) == "\n");
        if (line_start && IsVersionLine(window.substr(i, 10))) return p;
      }
      if (brk < at + window.size()) return brk;
      if (window.size() < kScanChunk) return at + window.size();
      at += window.size() - 8;  // a version line may straddle windows
      src_.Release(at);
    }
  }

  // Reads the record at `pos`; returns where the next one may start.
  uint64_t ReadRecord(uint64_t pos) {
    const std::string_view head = src_.Peek(pos, kMaxHeaderBytes);
    if (!IsVersionLine(head)) {
      Fail(pos, "no WARC/1.0 or WARC/1.1 version line; skipped to the next record");
      return Resync(pos + 1);
    }
    size_t end = head.find("\r\n\r\n");
    size_t sep = 4;
    if (end == std::string_view::npos) {
      end = head.find("\n\n");
      sep = 2;
    }
    if (end == std::string_view::npos) {
      if (head.size() < kMaxHeaderBytes) {  // the data ends inside the header
        if (src_.NextBreak(pos) < pos + head.size()) return Damaged(pos);
        return Truncated(pos, "the file ends inside the record header");
      }
      Fail(pos, "record header does not end (no blank line within 64 KB)");
      return Resync(pos + 1);
    }
    const uint64_t block_start = pos + end + sep;
    if (src_.NextBreak(pos) < block_start) return Damaged(pos);
    HeaderFields fields;
    const size_t first_nl = head.find('\n');
    if (!internal::ParseHeaderFields(head.substr(first_nl + 1, end - first_nl - 1), &fields)) {
      Fail(pos, "malformed header field; skipped to the next record");
      return Resync(block_start);
    }
    const std::string_view length_text = internal::FieldValue(fields, "content-length");
    uint64_t length = 0;
    bool length_ok = !length_text.empty() && length_text.size() <= 15;
    for (const char c : length_text) {
      length_ok = length_ok && c >= '0' && c <= '9';
      length = length * 10 + static_cast<uint64_t>(c - '0');
    }
    if (!length_ok) {
      Fail(pos, length_text.empty()
                    ? "no Content-Length"
                    : "bad Content-Length '" + std::string(length_text.substr(0, 20)) + "'");
      return Resync(block_start);
    }
    const uint64_t block_end = block_start + length;
    const size_t limit = options_.max_document_bytes + kBlockAllowance;
    std::string_view block;
    if (length > limit) {
      const uint64_t have = src_.Skip(block_start, length);
      if (src_.NextBreak(pos) < block_start + have) return Damaged(pos);
      if (have < length) return CutShort(pos, block_start, length, have, src_.seekable());
      Fail(pos, internal::TooLarge(length, limit, "record block").message() + "; skipped",
           ErrorCode::kTooLarge);
    } else {
      block = src_.Peek(block_start, static_cast<size_t>(length) + 4);
      if (src_.NextBreak(pos) < block_start + block.size()) return Damaged(pos);
      if (block.size() < length) return CutShort(pos, block_start, length, block.size(), true);
    }
    // The block must be followed by its two CRLFs; anything else means the
    // Content-Length is wrong, and the next record is searched for instead.
    const std::string_view trailer = src_.Peek(block_end, 4);
    uint64_t next = block_end;
    if (trailer.starts_with("\r\n\r\n")) {
      next += 4;
    } else if (trailer.starts_with("\n\n")) {
      next += 2;
    } else if (!trailer.empty() && !trailer.starts_with("\r\n") && !trailer.starts_with("\n")) {
      Fail(pos, "Content-Length " + std::to_string(length) +
                    " does not end the record (no blank line after the block); skipped");
      return Resync(block_start);
    }
    if (length <= limit) Handle(pos, fields, block.substr(0, static_cast<size_t>(length)), next);
    src_.Release(next);
    return next;
  }

  uint64_t Damaged(uint64_t pos) {
    const uint64_t brk = src_.NextBreak(pos);
    Fail(pos, src_.TakeBreakReason() + "; record skipped");
    return Resync(brk);
  }

  static std::string BlockCut(uint64_t length, uint64_t have) {
    return "Content-Length " + std::to_string(length) + " but the file ends after " +
           std::to_string(have) + " bytes of the block";
  }

  // The block runs past the end of the input: either the Content-Length
  // is wrong and more records follow (`look` says whether the bytes after
  // the header can still be searched), or the file was cut in this record.
  uint64_t CutShort(uint64_t pos, uint64_t block_start, uint64_t length, uint64_t have, bool look) {
    if (look) {
      const uint64_t next = Resync(block_start);
      if (next < block_start + have) {
        Fail(pos, "Content-Length " + std::to_string(length) +
                      " runs past the end of the file, yet records follow; skipped");
        return next;
      }
    }
    return Truncated(pos, BlockCut(length, have));
  }

  // The input ends inside this record: nothing after it to resume at.
  uint64_t Truncated(uint64_t pos, const std::string& why) {
    Fail(pos, "truncated: " + why);
    src_.DropBreaks();
    return kEnd;
  }

  // Builds the document of a record that holds a page.
  void Handle(uint64_t pos, const HeaderFields& fields, std::string_view block, uint64_t next) {
    std::string type(internal::FieldValue(fields, "warc-type"));
    for (char& c : type) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    std::string media, charset;
    internal::ParseContentType(internal::FieldValue(fields, "content-type"), &media, &charset);
    std::string payload_storage;
    std::string_view payload = block;
    if (type == "response") {
      if (media != "application/http") return;  // dns:, whois: and the like
      internal::HttpResponse http;
      Status st =
          internal::ParseHttpResponse(block, options_.max_document_bytes + kBlockAllowance, &http);
      if (!st.ok()) return Fail(pos, st.message(), st.code());
      if (http.status < 200 || http.status > 299) return;  // redirects, errors: no article
      media = http.media_type;
      charset = http.charset;
      payload_storage = std::move(http.body);
      payload = payload_storage;
    } else if (type != "resource" && type != "conversion") {
      return;  // warcinfo, request, metadata, revisit, continuation
    }
    const bool html = media == "text/html" || media == "application/xhtml+xml";
    if (!html && media != "text/plain") return;  // images, scripts, PDFs: not articles

    Document fields_doc = internal::NewDocument(path_, record_, "warc", options_);
    fields_doc.origin.end_offset = src_.InputOffset(next);
    std::string_view id = Unbracket(internal::FieldValue(fields, "warc-record-id"));
    const std::string_view uri = Unbracket(internal::FieldValue(fields, "warc-target-uri"));
    // annals' own writer names records <urn:annals:ID>: the id comes back.
    if (id.starts_with("urn:annals:")) id.remove_prefix(11);
    if (id.empty()) id = uri;
    if (!id.empty() && internal::CheckNulAndUtf8(id, 0).ok()) {
      fields_doc.id = std::string(id);
      fields_doc.origin.id_given = true;
    }
    if (internal::CheckNulAndUtf8(uri, 0).ok()) fields_doc.url = std::string(uri);
    if (fields_doc.url.starts_with("urn:annals:")) fields_doc.url.clear();  // not an address
    PublishedTime when;
    if (PublishedTime::ParseIso(internal::FieldValue(fields, "warc-date"), &when))
      fields_doc.published = when;
    RecordPatchSink patch(sink_, std::move(fields_doc));
    if (!html) return ReadPlainText(payload, path_, options_, patch);
    HtmlOptions ho;
    ho.max_bytes = options_.max_document_bytes + kBlockAllowance;
    ho.declared_charset = charset;
    ho.url = std::string(uri);
    HtmlArticle article;
    Status st = ExtractHtmlArticle(payload, ho, &article);
    if (st.ok()) st = internal::CheckDocumentBytes(article.text, options_);
    if (st.ok()) st = internal::CheckNulAndUtf8(article.title, 0);
    if (!st.ok())
      return patch.OnError(internal::MakeError(path_, record_, st.code(), st.message()));
    Document doc;
    doc.title = std::move(article.title);
    doc.text = std::move(article.text);
    if (PublishedTime page_date;
        !article.published.empty() && internal::ParseAnyDate(article.published, &page_date))
      doc.published = page_date;
    if (!article.language.empty() && internal::CheckNulAndUtf8(article.language, 0).ok())
      doc.language = article.language;
    if (!article.author.empty() && internal::CheckNulAndUtf8(article.author, 0).ok())
      doc.metadata.emplace_back("author", internal::JsonQuote(article.author));
    if (!article.url.empty() && article.url != uri &&
        internal::CheckNulAndUtf8(article.url, 0).ok())
      doc.metadata.emplace_back("canonical_url", internal::JsonQuote(article.url));
    doc.dateline_place = internal::BodyDatelinePlace(doc.text);
    patch.OnDocument(std::move(doc));
  }

  Source src_;
  const std::string& path_;
  const ReadOptions& options_;
  RecordSink& sink_;
  uint64_t record_ = 0;
};

}  // namespace

void ReadWarc(std::string_view bytes, const std::string& path, const ReadOptions& options,
              RecordSink& sink) {
  if (bytes.empty()) {
    sink.OnError(internal::MakeError(path, 0, ErrorCode::kEmptyDocument, "empty WARC file"));
    return;
  }
  WarcParser(bytes, path, options, sink).Run();
}

}  // namespace annals
