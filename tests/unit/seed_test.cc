// The canonical seed story through the readers and the standard pipeline:
// header fields, and sentence boundaries against tests/golden/seed/
// boundaries.tsv (spans plus notes in our words; the story is not copied).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

struct Boundary {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t paragraph = 0;
  std::string note;
};

std::vector<Boundary> ReadBoundaries() {
  std::ifstream in(ANNALS_SOURCE_DIR "/tests/golden/seed/boundaries.tsv");
  std::vector<Boundary> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Boundary b;
    fields >> b.begin >> b.end >> b.paragraph;
    fields.ignore(1);
    std::getline(fields, b.note);
    rows.push_back(b);
  }
  return rows;
}

class SeedStory : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string shared = internal::SharedDataDir();
    if (shared.empty()) GTEST_SKIP() << "../shared is absent (set ANNALS_SHARED)";
    const std::string path = shared + "/seeds/000_1b7eb2aa31f96f21.txt";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "cannot open " << path;
    std::stringstream buf;
    buf << in.rdbuf();
    internal::CollectingSink sink;
    ParseBuffer(buf.str(), path, Format::kAuto, ReadOptions{}, sink);
    ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
    doc_ = std::move(sink.docs[0]);
    Scratch scratch;
    ASSERT_TRUE(Pipeline::Standard()->Process(doc_, scratch).ok());
  }
  Document doc_;
};

TEST_F(SeedStory, HeaderFields) {
  ASSERT_TRUE(doc_.published.has_value());
  EXPECT_EQ(doc_.published->ToIso(), "2024-03-26T22:16");
  EXPECT_EQ(doc_.title, "Blinken Reportedly Tells Gallant US Still Opposed to Rafah Invasion");
  EXPECT_EQ(doc_.text.find(doc_.title), std::string::npos) << "headline repeated in the body";
  ASSERT_FALSE(doc_.metadata.empty());
  EXPECT_EQ(doc_.metadata[0].first, "story_code");
  EXPECT_EQ(doc_.metadata[0].second, "\"1125138\"");
}

TEST_F(SeedStory, SentenceBoundariesMatchTheCarefulReader) {
  const std::vector<Boundary> want = ReadBoundaries();
  ASSERT_EQ(want.size(), 12u) << "boundaries.tsv unreadable";
  ASSERT_EQ(doc_.sentences.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Sentence& got = doc_.sentences[i];
    SCOPED_TRACE("sentence " + std::to_string(i) + ": " + want[i].note);
    EXPECT_EQ(got.span.begin, want[i].begin);
    EXPECT_EQ(got.span.end, want[i].end);
    EXPECT_EQ(got.paragraph, want[i].paragraph);
  }
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// The events the brief asks of the seed story, each found by its parts and
// checked for its evidence. Codes by family, as the brief states them.
class SeedEvents : public SeedStory {
 protected:
  // The first event of `root` whose source and target codes start with the
  // given prefixes ("" = any, "-" = none) and whose trigger text contains
  // `word`.
  const Event* Find(std::string_view root, std::string_view source, std::string_view target,
                    std::string_view word) const {
    for (const Event& e : doc_.events) {
      if (e.root != root) continue;
      if (doc_.Text(e.span).find(word) == std::string_view::npos) continue;
      if (!Matches(e.source, source) || !Matches(e.target, target)) continue;
      return &e;
    }
    return nullptr;
  }
  bool Matches(int32_t actor, std::string_view prefix) const {
    if (prefix == "-") return actor < 0;
    if (prefix.empty()) return true;
    return actor >= 0 && doc_.actors[actor].code.compare(0, prefix.size(), prefix) == 0;
  }
  std::string Dump() const {
    std::string s;
    for (const Event& e : doc_.events) {
      s += e.code + " " + (e.source >= 0 ? doc_.actors[e.source].code : "-") + " -> " +
           (e.target >= 0 ? doc_.actors[e.target].code : "-") + " [" +
           std::string(doc_.Text(e.span)) + "]" + (e.negated ? " negated" : "") +
           (e.hypothetical ? " hypothetical" : "") + "\n";
    }
    return s;
  }
  void ExpectEvidence(const Event& e) const {
    EXPECT_EQ(e.evidence.file.rfind("dict/verbs/", 0), 0u) << e.evidence.file;
    EXPECT_GT(e.evidence.line, 0u);
    EXPECT_FALSE(e.plover_event.empty());
    EXPECT_NE(e.quad_class, 0);
  }
};

TEST_F(SeedEvents, BlinkenMeetsGallant) {
  const Event* e = Find("04", "USAGOV", "ISRGOV", "meeting");
  ASSERT_NE(e, nullptr) << Dump();
  EXPECT_EQ(doc_.actors[e->source].name, "Antony Blinken");
  EXPECT_EQ(doc_.actors[e->target].name, "Yoav Gallant");
  EXPECT_EQ(doc_.actors[e->source].kind, "pronoun") << "'his meeting': his = Blinken";
  ASSERT_GE(e->attribution, 0);
  EXPECT_EQ(doc_.actors[e->attribution].name, "Matthew Miller");
  EXPECT_FALSE(e->negated);
  ExpectEvidence(*e);
}

TEST_F(SeedEvents, UsOpposesTheRafahOperation) {
  const Event* e = Find("11", "USA", "", "opposition");
  ASSERT_NE(e, nullptr) << Dump();
  ExpectEvidence(*e);
}

TEST_F(SeedEvents, NetanyahuCancelsTheVisit) {
  const Event* e = Find("12", "ISRGOV", "USA", "cancel");
  if (e == nullptr) e = Find("16", "ISRGOV", "USA", "cancel");
  ASSERT_NE(e, nullptr) << Dump();
  EXPECT_EQ(doc_.actors[e->source].name, "Benjamin Netanyahu");
  EXPECT_FALSE(e->negated);
  // The visit itself did not happen: no positive visit event.
  for (const Event& v : doc_.events) {
    if (v.root == "04" && doc_.Text(v.span).find("visit") != std::string_view::npos) {
      EXPECT_TRUE(v.negated || v.hypothetical) << Dump();
    }
  }
}

TEST_F(SeedEvents, SecurityCouncilDemandsACeasefire) {
  const Event* e = Find("10", "IGOUNOSEC", "", "ceasefire");
  ASSERT_NE(e, nullptr) << Dump();
  EXPECT_EQ(e->code, "1056");
  ExpectEvidence(*e);
}

TEST_F(SeedEvents, WhiteHouseDisappointedWithIsrael) {
  const Event* e = Find("11", "USA", "ISR", "disappointed");
  ASSERT_NE(e, nullptr) << Dump();
  ASSERT_GE(e->attribution, 0);
  EXPECT_EQ(doc_.actors[e->attribution].name, "White House");
}

TEST_F(SeedEvents, IsraelsWarKillsPalestinianCivilians) {
  const Event* e = nullptr;
  for (std::string_view root : {"18", "19", "20"}) {
    if (!e) e = Find(root, "ISR", "PSECVL", "kill");
  }
  ASSERT_NE(e, nullptr) << Dump();
  EXPECT_EQ(std::string(doc_.Text(doc_.actors[e->target].span)), "Palestinian civilians");
  EXPECT_LT(e->goldstein, 0);
  EXPECT_EQ(e->quad_class, 4);
}

TEST_F(SeedEvents, NoVetoByTheUs) {
  for (const Event& e : doc_.events) {
    if (doc_.Text(e.span).find("veto") == std::string_view::npos) continue;
    EXPECT_TRUE(e.negated) << "'avoided vetoing' is not a veto\n" << Dump();
  }
}

TEST_F(SeedEvents, EveryActorCarriesEvidence) {
  for (const Actor& a : doc_.actors) {
    EXPECT_FALSE(a.evidence.rule.empty()) << a.name;
    if (a.kind != "unknown") {
      EXPECT_GT(a.evidence.line, 0u) << a.name;
    }
    EXPECT_LE(a.span.end, doc_.text.size());
  }
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

// What issue 6 asks of the seed story: the quotations with their speakers,
// the three figures, Monday, the tone and the loaded wording.
using SeedKnowledge = SeedStory;

TEST_F(SeedKnowledge, QuotationsHaveTheirSpeakers) {
  std::string all;
  bool blinken_by_miller = false, office = false, white_house = false, spokesperson = false;
  for (const Quote& q : doc_.quotes) {
    all += std::string(QuoteKindName(q.kind)) + " by '" + q.speaker_name + "' (" + q.speaker_code +
           ") reported by '" + q.reporter_name +
           "': " + std::string(doc_.Text(q.span).substr(0, 50)) + "\n";
    const std::string_view text = doc_.Text(q.span);
    if (text.find("would further jeopardize") != std::string_view::npos)
      blinken_by_miller = q.speaker_name == "Blinken" && q.reporter_name == "Matthew Miller" &&
                          q.speaker_code == "USAGOV" && q.kind == QuoteKind::kDirect;
    if (text.find("Prime Minister Netanyahu decided") != std::string_view::npos)
      office = q.speaker_code == "ISRGOV" && q.speaker_name.find("office") != std::string::npos;
    if (text.find("The US is") != std::string_view::npos)
      white_house = q.speaker_name == "the White House" && q.speaker_code == "USAGOV";
    if (text.find("discussed the need") != std::string_view::npos)
      spokesperson = q.speaker_code == "USAGOV";
  }
  EXPECT_TRUE(blinken_by_miller) << all;
  EXPECT_TRUE(office) << all;
  EXPECT_TRUE(white_house) << all;
  EXPECT_TRUE(spokesperson) << all;
}

TEST_F(SeedKnowledge, FiguresDatesToneAndFraming) {
  bool displaced = false, killed = false, captives = false;
  for (const Count& c : doc_.counts) {
    if (c.qualifier != CountQualifier::kAtLeast) continue;
    displaced |= c.value == 1400000 && (c.type == "displaced" || c.type == "sheltering") &&
                 c.object.find("civilians") != std::string::npos;
    killed |= c.value == 32000 && c.type == "killed" && c.object == "Palestinian civilians";
    captives |= c.value == 130 && c.type == "captive" && c.object == "captives";
  }
  EXPECT_TRUE(displaced);
  EXPECT_TRUE(killed);
  EXPECT_TRUE(captives);
  bool monday = false;
  for (const DateMention& d : doc_.dates)
    monday |= doc_.Text(d.span) == "on Monday" && d.resolved == "2024-03-25";
  EXPECT_TRUE(monday);
  bool cancel_dated = false;  // "Netanyahu on Monday canceled ..."
  for (const Event& e : doc_.events)
    if (doc_.Text(e.span).find("canceled") != std::string_view::npos)
      cancel_dated |= e.date == "2024-03-25";
  EXPECT_TRUE(cancel_dated);
  ASSERT_FALSE(doc_.tones.empty());
  EXPECT_LT(doc_.tones[0].polarity, -0.015f) << "clearly negative";
  std::string framing;
  for (const Framing& f : doc_.framings) framing += f.term + ";";
  EXPECT_NE(framing.find("killing spree"), std::string::npos) << framing;
  EXPECT_NE(framing.find("regime"), std::string::npos) << framing;
}

}  // namespace
}  // namespace annals
