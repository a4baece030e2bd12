// annals parse: tags, lemmatises and parses, printing CoNLL-U.
//   annals parse --conllu FILE   keeps the file's words, fills the columns
//   annals parse PATH...         articles, cut into words by annals itself
//   --evaluate                   with --conllu: score against the file's own
//                                columns instead of printing
#include <fstream>
#include <iostream>
#include <memory>

#include "annals/batch.h"
#include "annals/pipeline.h"
#include "annals/syntax.h"
#include "annals/text.h"
#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/stream_consumer.h"
#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/syntax_model.h"
#include "syntax/tagset.h"

namespace annals::cli {
namespace {

constexpr char kParseUsage[] = "[--conllu FILE [--evaluate] | PATH...] [--model FILE]";
constexpr char kParseSummary[] =
    "Tags (UPOS and Penn XPOS), lemmatises and parses (Universal Dependencies)\n"
    "and prints CoNLL-U on standard output.\n\n"
    "With --conllu FILE (- for standard input) the file's words are kept and\n"
    "the LEMMA, UPOS, XPOS, HEAD and DEPREL columns filled; other columns,\n"
    "comments, multi-word token and empty-node lines pass through unchanged.\n"
    "A malformed sentence is reported with its line and skipped.\n"
    "--evaluate scores the model against the file's columns instead (UPOS,\n"
    "XPOS, LEMMA, UAS, LAS) and prints the figures.\n\n"
    "Otherwise PATH... are articles, read like 'annals process' reads them,\n"
    "and annals cuts them into sentences and words itself.\n\n"
    "Exit status: 0 all parsed; 1-100 that many sentences or records failed;\n"
    "101 model or output failure; 102 usage.";

using syntax::SyntaxModel;

StatusOr<std::shared_ptr<const SyntaxModel>> LoadModel(const Flags& flags) {
  if (auto path = flags.Get("model")) {
    auto m = SyntaxModel::Open(*path);
    if (!m.ok()) return m.status();
    return std::shared_ptr<const SyntaxModel>(std::move(m).value());
  }
  return DefaultSyntaxModel();
}

int ParseConllu(const Flags& flags, const SyntaxModel& model, std::ostream& out,
                std::ostream& err) {
  const std::string path = *flags.Get("conllu");
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      err << "annals parse: cannot open '" << path << "'\n";
      return kExitFatal;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  syntax::ConlluReader reader(in, path);
  syntax::ConlluSentence s;
  syntax::AnalysisScratch scratch;
  syntax::SentenceAnalysis result;
  std::string error, text;
  uint64_t failed = 0;
  const bool evaluate = flags.Has("evaluate");
  std::vector<syntax::ConlluSentence> gold;
  while (reader.Next(&s, &error)) {
    if (!error.empty()) {
      err << "annals parse: " << error << " (sentence skipped)\n";
      ++failed;
      continue;
    }
    if (evaluate) {
      gold.push_back(std::move(s));
      continue;
    }
    syntax::Analyse(model, &s, scratch, &result);
    text.clear();
    syntax::WriteConllu(s, &text);
    out << text;
  }
  if (in.bad()) {
    err << "annals parse: error reading '" << path << "'\n";
    return kExitFatal;
  }
  if (evaluate) out << syntax::FormatScores(syntax::AnalyseAndScore(model, &gold));
  return ExitForFailures(failed);
}

std::string Or(std::string_view s) { return s.empty() ? "_" : std::string(s); }

// Each document's sentences as CoNLL-U, with ids and text.
std::string RenderConllu(const Document& doc) {
  std::string o = "# newdoc id = " + doc.id + "\n";
  for (size_t n = 0; n < doc.sentences.size(); ++n) {
    const Sentence& s = doc.sentences[n];
    o += "# sent_id = " + doc.id + "-" + std::to_string(n + 1) + "\n";
    std::string text(doc.Text(s.span));
    for (char& c : text) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    o += "# text = " + text + "\n";
    for (uint32_t t = s.tokens.begin; t < s.tokens.end; ++t) {
      const Token& tok = doc.tokens[t];
      const bool root = tok.head == static_cast<int32_t>(t);
      const int head = tok.head < 0 ? -1
                       : root       ? 0
                                    : tok.head - static_cast<int>(s.tokens.begin) + 1;
      o += std::to_string(t - s.tokens.begin + 1) + "\t" + std::string(doc.Text(tok.span)) + "\t" +
           (tok.lemma.empty() ? "_" : tok.lemma) + "\t" + Or(syntax::UposName(tok.upos)) + "\t" +
           Or(syntax::XposName(tok.xpos)) + "\t_\t" + (head < 0 ? "_" : std::to_string(head)) +
           "\t" + Or(syntax::DeprelName(tok.deprel)) + "\t_\t" +
           (tok.space_after ? "_" : "SpaceAfter=No") + "\n";
    }
    o += "\n";
  }
  return o;
}

}  // namespace

int RunParse(const Args& args, std::ostream& out, std::ostream& err) {
  InputCommand cmd;
  if (auto done = ParseInputCommand(
          "parse", kParseUsage, kParseSummary,
          {{"conllu", "FILE", "CoNLL-U input whose words are kept (- for standard input)"},
           {"evaluate", "", "with --conllu: print accuracy against the file's own columns"},
           {"model", "FILE", "syntax model (default: " + DefaultSyntaxModelPath() + ")"}},
          args, out, err, &cmd)) {
    return *done;
  }
  const Flags& flags = cmd.flags;
  const bool conllu = flags.Has("conllu");
  if (conllu == !flags.positional().empty()) {
    err << "annals parse: give either --conllu FILE or article PATHs\n";
    return kExitUsage;
  }
  if (flags.Has("evaluate") && !conllu) {
    err << "annals parse: --evaluate needs --conllu FILE with gold columns\n";
    return kExitUsage;
  }
  auto model = LoadModel(flags);
  if (!model.ok()) {
    err << "annals parse: " << model.status().ToString() << "\n";
    return kExitFatal;
  }
  if (conllu) return ParseConllu(flags, **model, out, err);

  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(MakeNormalizeStage());
  stages.push_back(MakeTokenizeStage());
  stages.push_back(MakeSegmentStage());
  stages.push_back(MakeSyntaxStage(*model));
  auto pipeline = Pipeline::Build(std::move(stages));
  if (!pipeline.ok()) {
    err << "annals parse: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  StreamConsumer consumer(out, err, RenderConllu);
  BatchProgress p;
  const Status s = RunBatch(flags.positional(), cmd.read, *pipeline, cmd.batch, consumer, &p);
  if (!s.ok()) {
    err << "annals parse: " << s.ToString() << "\n";
    return kExitFatal;
  }
  return ExitForFailures(p.failed);
}

}  // namespace annals::cli
