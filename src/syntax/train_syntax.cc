#include "syntax/train_syntax.h"

#include <chrono>
#include <cstdlib>
#include <fstream>

#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/lemmatizer.h"
#include "syntax/syntax_model.h"
#include "syntax/treebank.h"

namespace annals::syntax {
namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Status ReadGold(const std::string& path, size_t max, std::vector<ConlluSentence>* conllu,
                std::vector<GoldSentence>* gold) {
  std::string error;
  if (!ReadConlluFile(path, conllu, &error)) return Status(ErrorCode::kBadRecord, error);
  if (max > 0 && conllu->size() > max) conllu->resize(max);
  for (const ConlluSentence& s : *conllu) {
    GoldSentence g;
    if (!ToGold(s, &g, &error)) return Status(ErrorCode::kBadRecord, path + ": " + error);
    gold->push_back(std::move(g));
  }
  if (gold->empty()) return Status(ErrorCode::kBadRecord, path + ": no sentences");
  return Status();
}

Parser::TrainingTags TagWith(const Tagger& tagger, const GoldSentence& s, TaggerScratch& scratch) {
  std::string buffer;
  std::vector<WordHashes> words;
  for (const std::string& f : s.forms) words.push_back(HashWord(f, &buffer));
  Parser::TrainingTags t;
  t.upos.resize(words.size());
  t.xpos.resize(words.size());
  tagger.Tag(words, t.upos.data(), t.xpos.data(), scratch, kTrainingRefineMargin);
  return t;
}

// Development only: ANNALS_SYNTAX_TAGS_CACHE=FILE keeps the jackknifed
// tags (half the training time) for parser-only experiments on the same
// data, seed and tagger.
bool ReadTagsCache(const char* path, std::vector<Parser::TrainingTags>* tags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  for (Parser::TrainingTags& t : *tags) {
    uint32_t n = 0;
    in.read(reinterpret_cast<char*>(&n), sizeof n);
    if (!in || n > (1u << 16)) return false;
    t.upos.resize(n);
    t.xpos.resize(n);
    in.read(reinterpret_cast<char*>(t.upos.data()), n);
    in.read(reinterpret_cast<char*>(t.xpos.data()), n);
  }
  return static_cast<bool>(in);
}

void WriteTagsCache(const char* path, const std::vector<Parser::TrainingTags>& tags) {
  std::ofstream out(path, std::ios::binary);
  for (const Parser::TrainingTags& t : tags) {
    const uint32_t n = static_cast<uint32_t>(t.upos.size());
    out.write(reinterpret_cast<const char*>(&n), sizeof n);
    out.write(reinterpret_cast<const char*>(t.upos.data()), n);
    out.write(reinterpret_cast<const char*>(t.xpos.data()), n);
  }
}

}  // namespace

StatusOr<std::string> TrainSyntaxModel(const TrainSyntaxOptions& o, std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<ConlluSentence> train_conllu, dev_conllu;
  std::vector<GoldSentence> train, dev;
  ANNALS_RETURN_IF_ERROR(ReadGold(o.train_path, o.max_sentences, &train_conllu, &train));
  ANNALS_RETURN_IF_ERROR(ReadGold(o.dev_path, o.max_sentences, &dev_conllu, &dev));
  log << "read " << train.size() << " training and " << dev.size() << " dev sentences\n";

  Tagger::Options tagger_options = o.tagger;
  Parser::Options parser_options = o.parser;
  tagger_options.seed = o.seed;
  parser_options.seed = o.seed;
  WordNetForms wordnet;
  if (!o.wordnet_dir.empty()) {
    std::string error;
    if (!ReadWordNetForms(o.wordnet_dir, &wordnet, &error)) {
      return Status(ErrorCode::kBadRecord, "WordNet: " + error);
    }
    tagger_options.wordnet = &wordnet;
    log << "WordNet: " << wordnet.size() << " word forms from " << o.wordnet_dir << "\n";
  }
  // Development only: ANNALS_SYNTAX_TAGGER_FROM=MODEL reuses that model's
  // tagger, for parser-only experiments.
  std::unique_ptr<SyntaxModel> reused;
  if (const char* from = std::getenv("ANNALS_SYNTAX_TAGGER_FROM")) {
    auto m = SyntaxModel::Open(from);
    if (!m.ok()) return m.status();
    reused = std::move(m).value();
  }
  Tagger trained;
  if (reused == nullptr) trained = Tagger::Train(train, tagger_options);
  const Tagger& tagger = reused != nullptr ? reused->tagger() : trained;
  log << "tagger: " << Since(start) << " s\n";

  // Jackknifing: sentence i is tagged by the tagger trained without fold
  // i % folds.
  std::vector<Parser::TrainingTags> tags(train.size());
  TaggerScratch scratch;
  const size_t folds = o.folds < 2 ? 1 : static_cast<size_t>(o.folds);
  const char* cache = std::getenv("ANNALS_SYNTAX_TAGS_CACHE");
  const bool cached = cache != nullptr && ReadTagsCache(cache, &tags);
  for (size_t f = 0; f < folds && !cached; ++f) {
    if (folds == 1) {
      for (size_t i = 0; i < train.size(); ++i) tags[i] = TagWith(tagger, train[i], scratch);
      break;
    }
    std::vector<GoldSentence> rest;
    for (size_t i = 0; i < train.size(); ++i) {
      if (i % folds != f) rest.push_back(train[i]);
    }
    const Tagger part = Tagger::Train(rest, tagger_options);
    for (size_t i = f; i < train.size(); i += folds) tags[i] = TagWith(part, train[i], scratch);
  }
  if (cache != nullptr && !cached) WriteTagsCache(cache, tags);
  // The word classes come from the lexicon's WordNet part, which every
  // fold's tagger shares: the final tagger's, as when parsing.
  {
    std::string buffer;
    std::vector<WordHashes> words;
    for (size_t i = 0; i < train.size(); ++i) {
      words.clear();
      for (const std::string& f : train[i].forms) words.push_back(HashWord(f, &buffer));
      tags[i].senses.resize(words.size());
      tagger.Senses(words, tags[i].senses.data());
    }
  }
  log << "jackknifed tags (" << folds << " folds): " << Since(start) << " s\n";

  const Parser parser = Parser::Train(train, tags, parser_options);
  log << "parser: " << Since(start) << " s\n";
  const Lemmatizer lemmatizer = Lemmatizer::Train(train_conllu);

  const std::string info =
      "annals syntax model; trained on " + o.train_path + " (" + std::to_string(train.size()) +
      " sentences), seed " + std::to_string(o.seed) + ", tagger " +
      std::to_string(o.tagger.iterations) + " and parser " + std::to_string(o.parser.iterations) +
      " iterations, " + std::to_string(folds) + " jackknife folds" +
      (o.wordnet_dir.empty() ? std::string() : ", WordNet forms");
  std::string file = SyntaxModel::Serialize(tagger, parser, lemmatizer, info);
  log << "model: " << file.size() << " bytes (tagger " << tagger.bytes() << ", parser "
      << parser.bytes() << "); trained in " << Since(start) << " s\n";

  auto model = SyntaxModel::FromFileBytes(file, "trained model");
  if (!model.ok()) return model.status();
  const SyntaxScores scores = AnalyseAndScore(**model, &dev_conllu);
  log << "dev (" << o.dev_path << "):\n" << FormatScores(scores);
  return file;
}

}  // namespace annals::syntax
