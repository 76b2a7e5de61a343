#include "domain/text/fuzzy.hpp"

#include <gtest/gtest.h>

namespace motcua::text {
namespace {

TEST(EditDistance, CountsCodePointEdits) {
  EXPECT_EQ(edit_distance_bounded("khai sinh", "khai sinh", 2), 0);
  EXPECT_EQ(edit_distance_bounded("sinh", "sin", 2), 1);
  EXPECT_EQ(edit_distance_bounded("kitten", "sitting", 5), 3);
  EXPECT_EQ(edit_distance_bounded("", "abc", 5), 3);
  EXPECT_EQ(edit_distance_bounded("abc", "", 5), 3);
  EXPECT_EQ(edit_distance_bounded("ký", "ky", 2), 1);  // one code point, not two bytes
}

TEST(EditDistance, StopsAtTheBound) {
  EXPECT_EQ(edit_distance_bounded("kitten", "sitting", 2), 3);
  EXPECT_EQ(edit_distance_bounded("a", "abcdef", 2), 3);
  EXPECT_EQ(edit_distance_bounded("abcdef", "badcfe", 1), 2);
  EXPECT_EQ(edit_distance_bounded("abc", "abd", 0), 1);
  EXPECT_EQ(edit_distance_bounded("abc", "abc", 0), 0);
}

TEST(EditDistance, AgreesWithTheFullTableOnSmallWords) {
  const char* words[] = {"", "a", "ab", "ba", "abc", "acb", "dang", "dnag", "ky", "kyy", "sinh"};
  for (const char* a : words) {
    for (const char* b : words) {
      const int full = edit_distance_bounded(a, b, 10);
      for (int bound = 0; bound <= 4; ++bound) {
        const int got = edit_distance_bounded(a, b, bound);
        EXPECT_EQ(got, full <= bound ? full : bound + 1) << a << " / " << b << " " << bound;
      }
    }
  }
}

TEST(FuzzyMatch, ToleratesMissingMarksTyposAndUnfinishedWords) {
  const char* name = "Thủ tục đăng ký khai sinh";
  EXPECT_TRUE(fuzzy_match("dang ky khai sinh", name));
  EXPECT_TRUE(fuzzy_match("đăng kí khai sinh", name));  // kí vs ký: short word, i vs y
  EXPECT_FALSE(fuzzy_match("dang ky ket hon", name));
  EXPECT_TRUE(fuzzy_match("khai sinj", name));    // one typo in a 4-letter word
  EXPECT_TRUE(fuzzy_match("dang ky kha", name));  // still typing
  EXPECT_FALSE(fuzzy_match("kha dang", name));    // only the last word may be a prefix
  EXPECT_TRUE(fuzzy_match("", name));
}

}  // namespace
}  // namespace motcua::text
