#include "syntax/syntax_model.h"

#include "syntax/binary_io.h"

namespace annals::syntax {
namespace {

constexpr size_t kMaxInfo = 1 << 16;

}  // namespace

std::string SyntaxModel::Serialize(const Tagger& tagger, const Parser& parser,
                                   const Lemmatizer& lemmatizer, std::string_view info) {
  ByteWriter w(kModelHeaderBytes);
  w.PutString(info);
  w.Align();
  tagger.Save(w);
  w.Align();
  parser.Save(w);
  w.Align();
  lemmatizer.Save(w);
  return WrapModel(w.bytes());
}

StatusOr<std::unique_ptr<SyntaxModel>> SyntaxModel::FromBytes(std::unique_ptr<ModelBytes> bytes,
                                                              const std::string& name) {
  std::unique_ptr<SyntaxModel> m(new SyntaxModel());
  ByteReader r(bytes->payload(), kModelHeaderBytes);
  m->info_ = std::string(r.GetString(kMaxInfo));
  auto bad = [&](std::string_view part) {
    return Status(ErrorCode::kBadModel,
                  "syntax model '" + name + "': malformed " + std::string(part) + " section");
  };
  r.Align();
  if (!r.ok() || !Tagger::Load(r, &m->tagger_)) return bad("tagger");
  r.Align();
  if (!Parser::Load(r, &m->parser_)) return bad("parser");
  r.Align();
  if (!Lemmatizer::Load(r, &m->lemmatizer_)) return bad("lemmatiser");
  if (!r.at_end()) return bad("trailing");
  m->bytes_ = std::move(bytes);
  return m;
}

StatusOr<std::unique_ptr<SyntaxModel>> SyntaxModel::Open(const std::string& path) {
  auto bytes = ModelBytes::ReadIntoHugePages(path, kModelFormat);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(std::move(bytes).value(), path);
}

StatusOr<std::unique_ptr<SyntaxModel>> SyntaxModel::FromFileBytes(std::string_view file,
                                                                  const std::string& name) {
  auto bytes = ModelBytes::FromBuffer(file, name, kModelFormat);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(std::move(bytes).value(), name);
}

void SyntaxModel::TagAndParse(std::span<const std::string_view> forms, SentenceAnalysis* out,
                              AnalysisScratch& scratch) const {
  const size_t n = forms.size();
  scratch.words.resize(n);
  for (size_t i = 0; i < n; ++i) scratch.words[i] = HashWord(forms[i], &scratch.buffer);
  out->upos.resize(n);
  out->xpos.resize(n);
  tagger_.Tag(scratch.words, out->upos.data(), out->xpos.data(), scratch.tagger);
  scratch.senses.resize(n);
  tagger_.Senses(scratch.words, scratch.senses.data());
  out->heads.resize(n);
  out->deprel.resize(n);
  parser_.Parse({scratch.words, out->upos.data(), out->xpos.data(), scratch.senses.data()},
                out->heads.data(), out->deprel.data(), scratch.parser);
}

void SyntaxModel::Analyse(std::span<const std::string_view> forms, SentenceAnalysis* out,
                          AnalysisScratch& scratch) const {
  TagAndParse(forms, out, scratch);
  out->lemmas.resize(forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    lemmatizer_.Lemmatize(forms[i], out->upos[i], out->xpos[i], &out->lemmas[i]);
  }
}

}  // namespace annals::syntax
