#include "codec/procedure_cases.hpp"

#include <gtest/gtest.h>

namespace motcua::codec {
namespace {

TEST(ProcedureCases, ReadsTheFieldsUploadsAndSubmissionActOn) {
  const auto cases = procedure_cases(R"({"code":"1.001193","cases":[
    {"name":"","papers":[
      {"id":"pa","name":"Tờ khai","mandatory":true,"kind":"submit","condition":null},
      {"id":"pb","name":"Giấy tờ tùy thân","mandatory":true,"kind":"present","condition":null},
      {"id":"pc","name":"Văn bản ủy quyền","mandatory":false,"kind":"submit",
       "condition":"Trường hợp ủy quyền"}]}],
    "notes":["Lưu ý"]})");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].name, "");
  ASSERT_EQ(cases[0].papers.size(), 3u);
  EXPECT_EQ(cases[0].papers[0].id, "pa");
  EXPECT_TRUE(cases[0].papers[0].mandatory);
  EXPECT_FALSE(cases[0].papers[0].present);
  EXPECT_TRUE(cases[0].papers[1].present);
  EXPECT_FALSE(cases[0].papers[2].mandatory);
  EXPECT_EQ(cases[0].papers[2].condition, "Trường hợp ủy quyền");
}

TEST(ProcedureCases, NothingFromADocumentWithoutCases) {
  EXPECT_TRUE(procedure_cases(R"({"limits":{}})").empty());
  EXPECT_TRUE(procedure_cases("not json").empty());
  EXPECT_TRUE(procedure_cases(R"({"cases":"x"})").empty());
}

}  // namespace
}  // namespace motcua::codec
