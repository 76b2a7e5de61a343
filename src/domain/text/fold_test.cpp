#include "domain/text/fold.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "domain/text/letters.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::text {
namespace {

// The 12 vowels with their six tones (none, grave, acute, hook, tilde, dot below), NFC.
struct Row {
  const char* base;
  const char* lower;
  const char* upper;
};
constexpr std::array<Row, 12> kRows{{
    {"a", "a à á ả ã ạ", "A À Á Ả Ã Ạ"},
    {"a", "ă ằ ắ ẳ ẵ ặ", "Ă Ằ Ắ Ẳ Ẵ Ặ"},
    {"a", "â ầ ấ ẩ ẫ ậ", "Â Ầ Ấ Ẩ Ẫ Ậ"},
    {"e", "e è é ẻ ẽ ẹ", "E È É Ẻ Ẽ Ẹ"},
    {"e", "ê ề ế ể ễ ệ", "Ê Ề Ế Ể Ễ Ệ"},
    {"i", "i ì í ỉ ĩ ị", "I Ì Í Ỉ Ĩ Ị"},
    {"o", "o ò ó ỏ õ ọ", "O Ò Ó Ỏ Õ Ọ"},
    {"o", "ô ồ ố ổ ỗ ộ", "Ô Ồ Ố Ổ Ỗ Ộ"},
    {"o", "ơ ờ ớ ở ỡ ợ", "Ơ Ờ Ớ Ở Ỡ Ợ"},
    {"u", "u ù ú ủ ũ ụ", "U Ù Ú Ủ Ũ Ụ"},
    {"u", "ư ừ ứ ử ữ ự", "Ư Ừ Ứ Ử Ữ Ự"},
    {"y", "y ỳ ý ỷ ỹ ỵ", "Y Ỳ Ý Ỷ Ỹ Ỵ"},
}};
// Combining marks, written out so the test does not depend on the tables it checks.
constexpr std::array<const char*, 6> kToneMarks{"",       "\u0300", "\u0301",
                                                "\u0309", "\u0303", "\u0323"};
constexpr std::array<const char*, 12> kModifierMarks{"", "\u0306", "\u0302", "", "\u0302", "",
                                                     "", "\u0302", "\u031B", "", "\u031B", ""};

std::string repeat_base(const char* base) {
  std::string s;
  for (int i = 0; i < 6; ++i) s += std::string(i == 0 ? "" : " ") + base;
  return s;
}

// The same row written decomposed (NFD): base letter, modifier mark, tone mark.
std::string decomposed(const char* base, std::size_t row, bool upper) {
  std::string s;
  for (std::size_t tone = 0; tone < 6; ++tone) {
    if (tone > 0) s += ' ';
    s += upper ? static_cast<char>(base[0] - 'a' + 'A') : base[0];
    s += kModifierMarks[row];
    s += kToneMarks[tone];
  }
  return s;
}

TEST(Fold, EveryVowelWithEveryToneInBothCasesAndBothForms) {
  for (std::size_t row = 0; row < kRows.size(); ++row) {
    const std::string expected = repeat_base(kRows[row].base);
    EXPECT_EQ(fold_vietnamese(kRows[row].lower), expected) << kRows[row].lower;
    EXPECT_EQ(fold_vietnamese(kRows[row].upper), expected) << kRows[row].upper;
    EXPECT_EQ(fold_vietnamese(decomposed(kRows[row].base, row, false)), expected);
    EXPECT_EQ(fold_vietnamese(decomposed(kRows[row].base, row, true)), expected);
  }
}

TEST(Clean, ComposesDecomposedVowelsToTheNfcLetters) {
  for (std::size_t row = 0; row < kRows.size(); ++row) {
    EXPECT_EQ(clean_text(decomposed(kRows[row].base, row, false)), kRows[row].lower);
    EXPECT_EQ(clean_text(decomposed(kRows[row].base, row, true)), kRows[row].upper);
    EXPECT_EQ(clean_text(kRows[row].lower), kRows[row].lower);  // NFC stays as it is
  }
  // Tone before modifier, and a tone added to a precomposed modified vowel.
  EXPECT_EQ(clean_text("a\u0301\u0302"), "ấ");
  EXPECT_EQ(clean_text("\u00e2\u0301"), "ấ");
  EXPECT_EQ(clean_text("Ba\u0301o ca\u0301o k\u00ea\u0301t qua\u0309"), "Báo cáo kết quả");
  // Two tones cannot be composed: kept as written.
  EXPECT_EQ(clean_text("a\u0301\u0300"), "a\u0301\u0300");
  EXPECT_EQ(clean_text("c\u0327"), "c\u0327");
}

TEST(Fold, DStrokeAndCase) {
  EXPECT_EQ(fold_vietnamese("Đăng ký khai sinh"), "dang ky khai sinh");
  EXPECT_EQ(fold_vietnamese("ĐĂNG KÝ KHAI SINH"), "dang ky khai sinh");
  EXPECT_EQ(fold_vietnamese("đ Đ"), "d d");
  EXPECT_EQ(fold_vietnamese("Đăng ký khai sinh"), fold_vietnamese("dang ky khai sinh"));
}

TEST(Fold, TonePlacementDoesNotMatter) {
  EXPECT_EQ(fold_vietnamese("Hòa"), fold_vietnamese("Hoà"));
  EXPECT_EQ(fold_vietnamese("Thủy"), fold_vietnamese("Thuỷ"));
}

TEST(Fold, SpacesCollapseAndTrim) {
  EXPECT_EQ(fold_vietnamese("  Ủy ban Nhân dân\u00a0xã,\u00a0phường,\u00a0thị trấn. "),
            "uy ban nhan dan xa, phuong, thi tran.");
  EXPECT_EQ(fold_vietnamese("a\u2003\u202f\u3000b\t\n c"), "a b c");
  EXPECT_EQ(fold_vietnamese("\u00a0\u00a0"), "");
  EXPECT_EQ(fold_vietnamese("so\u00adft\u200bhy\ufeffphen"), "softhyphen");
}

TEST(Fold, OtherLatinLetters) {
  EXPECT_EQ(fold_vietnamese("Ça Ñ ö ß Æ Œ ł ø ǎ Ș ẞ"), "ca n o ss ae oe l o a s ss");
}

TEST(Fold, InvalidUtf8BecomesReplacementCharacter) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(fold_vietnamese("a\xFF"
                            "b"),
            "a" + replacement + "b");
  EXPECT_EQ(fold_vietnamese("\xC3"), replacement);                    // truncated
  EXPECT_EQ(fold_vietnamese("\xC0\xAF"), replacement + replacement);  // overlong
  EXPECT_EQ(fold_vietnamese("\xED\xA0\x80"),
            replacement + replacement + replacement);  // surrogate
  EXPECT_EQ(fold_vietnamese("\xE1\xBA"), replacement + replacement);
  EXPECT_EQ(clean_text("x\x80y"), "x" + replacement + "y");
  EXPECT_EQ(search_tokens("ab\xFF"
                          "cd"),
            (std::vector<std::string>{"ab", "cd"}));
}

TEST(Clean, KeepsCaseAndMarksAndOptionallyLineBreaks) {
  EXPECT_EQ(clean_text("  Ủy ban\u00a0 Nhân dân  "), "Ủy ban Nhân dân");
  EXPECT_EQ(clean_text("Bước 1: a \r\n\r\n Bước 2", {.keep_line_breaks = true}),
            "Bước 1: a\nBước 2");
  EXPECT_EQ(clean_text("Bước 1\nBước 2"), "Bước 1 Bước 2");
}

TEST(Tokens, SplitAtPunctuation) {
  EXPECT_EQ(search_tokens("Thủ tục đăng ký khai sinh (cấp xã), 1.001193 – “mới”"),
            (std::vector<std::string>{"thu", "tuc", "dang", "ky", "khai", "sinh", "cap", "xa", "1",
                                      "001193", "moi"}));
  EXPECT_TRUE(search_tokens(" \u00a0 ").empty());
}

TEST(Capital, VietnameseCapitals) {
  for (const char* s : {"Không", "Đăng", "Ủy", "Ấp", "Ước", "Ý", "Érable"}) {
    EXPECT_TRUE(starts_with_capital(s)) << s;
  }
  for (const char* s : {"không", "đăng", "ủy", "1", "", " A", "\xFF"}) {
    EXPECT_FALSE(starts_with_capital(s)) << s;
  }
}

TEST(Utf8, RoundTripsEveryPlane) {
  for (const char32_t cp : {U'a', U'\u00e9', U'\u1ea5', U'\U0001F600'}) {
    std::string s;
    append_utf8(s, cp);
    std::size_t pos = 0;
    EXPECT_EQ(decode_utf8(s, pos), cp);
    EXPECT_EQ(pos, s.size());
  }
  std::string s;
  append_utf8(s, 0xD800);
  EXPECT_EQ(s, "\xEF\xBF\xBD");
}

TEST(Letters, ComposeRejectsLettersVietnameseDoesNotHave) {
  EXPECT_FALSE(compose({.base = 'i', .modifier = Modifier::breve}));
  EXPECT_EQ(compose({.base = 'u', .modifier = Modifier::horn, .tone = Tone::tilde}), U'\u1eef');
}

}  // namespace
}  // namespace motcua::text
