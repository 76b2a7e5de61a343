#include "integrations/notify/phone_notice.hpp"

#include <gtest/gtest.h>

namespace motcua::integrations {
namespace {

MobileNumbering numbering() {
  auto loaded =
      load_mobile_numbering(MOTCUA_SOURCE_DIR "/data/notifications/vn-mobile-numbering.json");
  EXPECT_TRUE(loaded) << loaded.error();
  return loaded ? *loaded : MobileNumbering{};
}

TEST(NormalizeMobile, EveryUsualWritingBecomes84AndNineDigits) {
  const auto n = numbering();
  EXPECT_EQ(normalize_mobile("0912345678", n).value(), "84912345678");
  EXPECT_EQ(normalize_mobile("0912 345 678", n).value(), "84912345678");
  EXPECT_EQ(normalize_mobile("+84 912.345.678", n).value(), "84912345678");
  EXPECT_EQ(normalize_mobile("84912345678", n).value(), "84912345678");
  EXPECT_EQ(normalize_mobile("(+84) 35-123-4567", n).value(), "84351234567");
  for (const char* lead : {"03", "05", "07", "08", "09"})
    EXPECT_TRUE(normalize_mobile(std::string(lead) + "12345678", n)) << lead;
}

TEST(NormalizeMobile, InvalidNumbersAreRefusedWithTheReason) {
  const auto n = numbering();
  EXPECT_NE(normalize_mobile("091234567", n).error().find("wrong length"), std::string::npos);
  EXPECT_NE(normalize_mobile("09123456789", n).error().find("wrong length"), std::string::npos);
  EXPECT_NE(normalize_mobile("0241234567", n).error().find("not a mobile"), std::string::npos);
  EXPECT_NE(normalize_mobile("+1 650 253 0000", n).error().find("not a Vietnamese"),
            std::string::npos);
  EXPECT_NE(normalize_mobile("0912x45678", n).error().find("not a digit"), std::string::npos);
  EXPECT_FALSE(normalize_mobile("", n));
  EXPECT_FALSE(normalize_mobile("+0912345678", n));
}

TEST(ParsePhoneNotice, ReadsTheTopicContract) {
  const auto notice = parse_phone_notice(
      R"({"to":"0912345678","lang":"en","template":"supplement_requested","required":true,
          "dossier_id":"17","params":{"dossier_code":"H42-1","papers":["A","B"]}})",
      numbering());
  ASSERT_TRUE(notice) << notice.error();
  EXPECT_EQ(notice->phone, "84912345678");
  EXPECT_EQ(notice->lang, "en");
  EXPECT_EQ(notice->template_key, "supplement_requested");
  EXPECT_TRUE(notice->required);
  EXPECT_EQ(notice->params.text.at("dossier_code"), "H42-1");
  EXPECT_EQ(notice->params.lists.at("papers").size(), 2u);
}

TEST(ParsePhoneNotice, AnUnreadableRowOrNumberSaysWhy) {
  EXPECT_FALSE(parse_phone_notice("not json", numbering()));
  EXPECT_NE(
      parse_phone_notice(R"({"to":"12","template":"fee_due"})", numbering()).error().find("'12'"),
      std::string::npos);
  EXPECT_FALSE(parse_phone_notice(R"({"to":"0912345678"})", numbering()));
}

}  // namespace
}  // namespace motcua::integrations
