#include "integrations/sms/sms_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::integrations::sms {
namespace {

TEST(CountSegments, Gsm7Takes160InOnePartAnd153PerPartAfter) {
  EXPECT_EQ(count_segments(std::string(160, 'a')).segments, 1);
  EXPECT_EQ(count_segments(std::string(161, 'a')).segments, 2);
  EXPECT_EQ(count_segments(std::string(306, 'a')).segments, 2);
  EXPECT_EQ(count_segments(std::string(307, 'a')).segments, 3);
  EXPECT_EQ(count_segments("").segments, 1);
  EXPECT_EQ(count_segments("abc").encoding, SmsEncoding::gsm7);
}

TEST(CountSegments, ExtensionCharactersCountTwoAndNeverStraddleParts) {
  const auto braces = count_segments(std::string(80, '{'));
  EXPECT_EQ(braces.units, 160);
  EXPECT_EQ(braces.segments, 1);
  // 152 letters then "[": the escape pair does not fit in the first part's last septet.
  const auto split = count_segments(std::string(152, 'a') + "[" + std::string(10, 'a'));
  EXPECT_EQ(split.units, 164);
  EXPECT_EQ(split.segments, 2);
  const auto straddle = count_segments(std::string(152, 'a') + "[" + std::string(152, 'a'));
  EXPECT_EQ(straddle.units, 306);  // 306 septets fit 2 parts, but "[" moves to the second part
  EXPECT_EQ(straddle.segments, 3);
}

TEST(CountSegments, OneAccentedLetterMakesUcs2With70And67) {
  std::string seventy = "đ" + std::string(69, 'a');
  EXPECT_EQ(count_segments(seventy).encoding, SmsEncoding::ucs2);
  EXPECT_EQ(count_segments(seventy).units, 70);
  EXPECT_EQ(count_segments(seventy).segments, 1);
  EXPECT_EQ(count_segments(seventy + "a").segments, 2);
  EXPECT_EQ(count_segments("đ" + std::string(133, 'a')).segments, 2);  // 134 = 2 x 67
  EXPECT_EQ(count_segments("đ" + std::string(134, 'a')).segments, 3);
  // A character beyond the BMP is a surrogate pair: two UTF-16 units.
  EXPECT_EQ(count_segments("\U0001F600").units, 2);
}

TEST(ToGsm7Text, VietnameseAndTypographyBecomeAscii) {
  EXPECT_EQ(to_gsm7_text("Hồ sơ “Đăng ký” – đã nhận…"), "Ho so \"Dang ky\" - da nhan...");
  EXPECT_EQ(to_gsm7_text("giá 10€ `x`"), "gia 10? 'x'");
  EXPECT_TRUE(gsm7_sendable(to_gsm7_text("Trường hợp ủy quyền: Ủy ban nhân dân")));
}

TEST(PrepareSmsText, AGsm7OnlyGatewayAlwaysGetsUnaccentedText) {
  const auto t = prepare_sms_text("Đã nhận hồ sơ", SmsCharset::gsm7, 3);
  EXPECT_EQ(t.text, "Da nhan ho so");
  EXPECT_TRUE(t.unaccented);
  EXPECT_EQ(t.count.encoding, SmsEncoding::gsm7);
}

TEST(PrepareSmsText, AUnicodeGatewayKeepsMarksUntilTheMessageNeedsTooManyParts) {
  const auto short_text = prepare_sms_text("Đã nhận hồ sơ", SmsCharset::unicode, 3);
  EXPECT_EQ(short_text.text, "Đã nhận hồ sơ");
  EXPECT_FALSE(short_text.unaccented);
  EXPECT_EQ(short_text.count.encoding, SmsEncoding::ucs2);
  std::string long_text = "Đ";
  for (int i = 0; i < 210; ++i) long_text += "ơ";  // 211 UCS-2 units: 4 parts of 67
  const auto cut = prepare_sms_text(long_text, SmsCharset::unicode, 3);
  EXPECT_TRUE(cut.unaccented);
  EXPECT_EQ(cut.count.encoding, SmsEncoding::gsm7);
  EXPECT_EQ(cut.count.segments, 2);
}

}  // namespace
}  // namespace motcua::integrations::sms
