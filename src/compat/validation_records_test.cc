#include "compat/validation_records.h"

#include <gtest/gtest.h>

#include "dict/dict_test_util.h"

namespace annals::compat {
namespace {

TEST(ValidationRecords, ReadsEnvironmentAndRecords) {
  dict::ScratchDir dir;
  const std::string path = dir.Write("v.xml", R"(<Validation>
<!-- a comment with <Sentence inside -->
<Environment>
  <Verbfile>V.txt</Verbfile>
  <Actorfile>A.txt</Actorfile>
  <Agentfile>G.txt</Agentfile>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
full ties with Gondor.
</Text>
<Parse>(ROOT (S ...))</Parse>
</Sentence>
<Sentence date="19950102" id="NONE-1" category="VERB">
<EventCoding noevents="True"/>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950102" id="ERR-1" category="ERROR">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Broken.</Text>
</Sentence>
</Sentences>
</Validation>
)");
  ValidationFile f;
  ASSERT_TRUE(ReadValidationFile(path, &f).ok());
  EXPECT_EQ(f.verbs, "V.txt");
  EXPECT_EQ(f.agents, "G.txt");
  EXPECT_EQ(f.discards, "");
  ASSERT_EQ(f.records.size(), 3u);
  const ValidationRecord& r = f.records[0];
  EXPECT_EQ(r.id, "DEMO-00");
  EXPECT_EQ(r.date, 19950101);
  EXPECT_EQ(r.line, 9u);
  EXPECT_EQ(r.text, "Arnor is about to restore\nfull ties with Gondor.");
  ASSERT_EQ(r.expected.size(), 1u);
  EXPECT_EQ(r.expected[0], (ExpectedEvent{"ARN", "GON", "064"}));
  EXPECT_TRUE(f.records[1].no_events);
  EXPECT_TRUE(f.records[1].expected.empty());
  EXPECT_EQ(f.records[2].error, "bad_input_parse");
}

TEST(ValidationRecords, ErrorsNameTheLine) {
  dict::ScratchDir dir;
  ValidationFile f;
  Status s = ReadValidationFile(dir.Write("a.xml", "<Validation></Validation>"), &f);
  EXPECT_NE(s.message().find("a.xml:1: no <Environment>"), std::string::npos) << s.message();
  s = ReadValidationFile(
      dir.Write("b.xml",
                "<Environment><Verbfile>V</Verbfile><Actorfile>A</Actorfile></Environment>\n"
                "\n<Sentence id=\"X\" date=\"95\"><Text>t</Text></Sentence>\n"),
      &f);
  EXPECT_NE(s.message().find("b.xml:3: record 'X' needs date"), std::string::npos) << s.message();
  EXPECT_EQ(ReadValidationFile(dir.Path("none.xml"), &f).code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace annals::compat
