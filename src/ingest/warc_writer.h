// Internal (not part of the public API): writes WARC/1.1 files, one gzip
// member per record by default (the layout crawlers write, so that a
// reader can seek to any record and a damaged member loses one record).
//
// Used by the tests to make archives of corpora, and by anything that
// wants to hand annals' documents to WARC tools. Records are built in
// memory, one at a time, and appended to bytes().
//
// Tested by warc_reader_test.cc.
#ifndef ANNALS_INGEST_WARC_WRITER_H_
#define ANNALS_INGEST_WARC_WRITER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"
#include "ingest/http_message.h"

namespace annals::internal {

class WarcWriter {
 public:
  // `gzip`: each record its own gzip member; `version` "1.0" or "1.1".
  explicit WarcWriter(bool gzip = true, std::string_view version = "1.1")
      : gzip_(gzip), version_(version) {}

  // One record: "WARC-Type: type", then `fields` as given (names as they
  // should be written), Content-Length, a blank line, `block`, CRLF CRLF.
  void AddRecord(std::string_view type, const HeaderFields& fields, std::string_view block);
  // A resource record for `doc`: record id <urn:annals:ID>, target URI the
  // document's url (else urn:annals:ID), WARC-Date its published time
  // (left out when unknown rather than made up), a text/plain UTF-8 block
  // of the title, a blank line and the text (the plain-text reader's
  // layout, so reading it back gives the same document).
  void AddDocument(const Document& doc);

  const std::string& bytes() const { return out_; }
  // Byte offset in bytes() where each record starts.
  const std::vector<size_t>& record_offsets() const { return offsets_; }

 private:
  bool gzip_;
  std::string version_;
  std::string out_;
  std::vector<size_t> offsets_;
};

}  // namespace annals::internal

#endif  // ANNALS_INGEST_WARC_WRITER_H_
