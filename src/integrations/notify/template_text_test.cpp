#include "integrations/notify/template_text.hpp"

#include <gtest/gtest.h>

namespace motcua::integrations {
namespace {

TEST(FillTemplate, ReplacesTextAndJoinsLists) {
  TemplateParams p;
  p.text["dossier_code"] = "000.00.01.H01-261206-0001";
  p.lists["papers"] = {"Tờ khai", "Giấy chứng sinh"};
  EXPECT_EQ(fill_template("Hồ sơ {{dossier_code}} thiếu: {{papers}}.", p),
            "Hồ sơ 000.00.01.H01-261206-0001 thiếu: Tờ khai; Giấy chứng sinh.");
}

TEST(FillTemplate, LeavesOutUnknownNamesAndKeepsUnclosedBraces) {
  TemplateParams p;
  EXPECT_EQ(fill_template("a{{missing}}b {{open", p), "ab {{open");
}

}  // namespace
}  // namespace motcua::integrations
