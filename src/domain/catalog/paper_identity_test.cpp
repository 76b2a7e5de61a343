#include "domain/catalog/paper_identity.hpp"

#include <gtest/gtest.h>

namespace motcua::catalog {
namespace {

TEST(PaperIdentity, StableAndDependsOnCaseKindAndName) {
  const auto id = paper_id("", PaperKind::submit, "Tờ khai đăng ký khai sinh");
  EXPECT_EQ(id, paper_id("", PaperKind::submit, "Tờ khai đăng ký khai sinh"));
  EXPECT_EQ(id.size(), 13u);
  EXPECT_EQ(id.front(), 'p');
  EXPECT_NE(id, paper_id("", PaperKind::present, "Tờ khai đăng ký khai sinh"));
  EXPECT_NE(id, paper_id("Trường hợp (2)", PaperKind::submit, "Tờ khai đăng ký khai sinh"));
  EXPECT_NE(paper_id("ab", PaperKind::submit, "c"), paper_id("a", PaperKind::submit, "bc"));
}

TEST(PaperIdentity, RepeatsWithinAProcedureGetDistinctIds) {
  Paper paper;
  paper.name = "Giấy tờ";
  Procedure p;
  p.cases.push_back(CaseVariant{"", {paper, paper}});
  assign_paper_ids(p);
  EXPECT_EQ(p.cases[0].papers[1].id, p.cases[0].papers[0].id + "-2");
}

}  // namespace
}  // namespace motcua::catalog
