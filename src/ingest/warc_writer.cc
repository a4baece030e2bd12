// WARC records out; see warc_writer.h.
#include "ingest/warc_writer.h"

#include <string>

#include "ingest/gzip_stream.h"

namespace annals::internal {

void WarcWriter::AddRecord(std::string_view type, const HeaderFields& fields,
                           std::string_view block) {
  std::string record = "WARC/" + version_ + "\r\nWARC-Type: " + std::string(type) + "\r\n";
  for (const auto& [name, value] : fields) record += name + ": " + value + "\r\n";
  record += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  record += block;
  record += "\r\n\r\n";
  offsets_.push_back(out_.size());
  out_ += gzip_ ? GzipCompress(record) : record;
}

void WarcWriter::AddDocument(const Document& doc) {
  HeaderFields fields = {{"WARC-Record-ID", "<urn:annals:" + doc.id + ">"},
                         {"WARC-Target-URI", doc.url.empty() ? "urn:annals:" + doc.id : doc.url}};
  if (doc.published) fields.emplace_back("WARC-Date", doc.published->ToIso());
  fields.emplace_back("Content-Type", "text/plain; charset=utf-8");
  const std::string block = doc.title.empty() ? doc.text : doc.title + "\n\n" + doc.text;
  AddRecord("resource", fields, block);
}

}  // namespace annals::internal
