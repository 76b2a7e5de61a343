#include "domain/text/unaccent.hpp"

#include <gtest/gtest.h>

namespace motcua::text {
namespace {

TEST(UnaccentVietnamese, EveryVowelOfEveryToneAndModifierLosesItsMarks) {
  // The 12 vowels (a ă â e ê i o ô ơ u ư y) with the 6 tones, both cases.
  EXPECT_EQ(unaccent_vietnamese("aàáảãạăằắẳẵặâầấẩẫậ"), "aaaaaaaaaaaaaaaaaa");
  EXPECT_EQ(unaccent_vietnamese("AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"), "AAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(unaccent_vietnamese("eèéẻẽẹêềếểễệ"), "eeeeeeeeeeee");
  EXPECT_EQ(unaccent_vietnamese("EÈÉẺẼẸÊỀẾỂỄỆ"), "EEEEEEEEEEEE");
  EXPECT_EQ(unaccent_vietnamese("iìíỉĩị"), "iiiiii");
  EXPECT_EQ(unaccent_vietnamese("IÌÍỈĨỊ"), "IIIIII");
  EXPECT_EQ(unaccent_vietnamese("oòóỏõọôồốổỗộơờớởỡợ"), "oooooooooooooooooo");
  EXPECT_EQ(unaccent_vietnamese("OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"), "OOOOOOOOOOOOOOOOOO");
  EXPECT_EQ(unaccent_vietnamese("uùúủũụưừứửữự"), "uuuuuuuuuuuu");
  EXPECT_EQ(unaccent_vietnamese("UÙÚỦŨỤƯỪỨỬỮỰ"), "UUUUUUUUUUUU");
  EXPECT_EQ(unaccent_vietnamese("yỳýỷỹỵ"), "yyyyyy");
  EXPECT_EQ(unaccent_vietnamese("YỲÝỶỸỴ"), "YYYYYY");
}

TEST(UnaccentVietnamese, DWithStrokeKeepsItsCase) {
  EXPECT_EQ(unaccent_vietnamese("đĐ"), "dD");
  EXPECT_EQ(unaccent_vietnamese("Đăng ký khai sinh tại UBND xã Đồng Hướng"),
            "Dang ky khai sinh tai UBND xa Dong Huong");
}

TEST(UnaccentVietnamese, DecomposedLettersLoseEveryMark) {
  // "Hướng" typed as NFD: u + horn (U+031B) + acute (U+0301); "Ệ" as E + dot below + circumflex.
  EXPECT_EQ(unaccent_vietnamese("Hu\u031B\u0301ng"), "Hung");
  EXPECT_EQ(unaccent_vietnamese("E\u0323\u0302"), "E");
}

TEST(UnaccentVietnamese, KeepsAsciiDigitsPunctuationAndOtherCharacters) {
  EXPECT_EQ(unaccent_vietnamese("Mã hồ sơ: 000.00.12.H42-260101-0001, hạn 15/01/2027."),
            "Ma ho so: 000.00.12.H42-260101-0001, han 15/01/2027.");
  EXPECT_EQ(unaccent_vietnamese("10 €"), "10 €");
  EXPECT_EQ(unaccent_vietnamese(""), "");
}

}  // namespace
}  // namespace motcua::text
