#include "domain/text/suggest.hpp"

#include <gtest/gtest.h>

#include "domain/text/fuzzy.hpp"

namespace motcua::text {
namespace {

TEST(SuggestionBudget, GrowsWithTheWord) {
  EXPECT_EQ(suggestion_budget(2), 0);
  EXPECT_EQ(suggestion_budget(3), 1);
  EXPECT_EQ(suggestion_budget(5), 1);
  EXPECT_EQ(suggestion_budget(6), 2);
  EXPECT_EQ(suggestion_budget(10), 3);
}

TEST(SuggestionDistance, FindsWhatSearchDoesNotForgive) {
  const char* birth = "Thủ tục đăng ký khai sinh";
  // Search itself refuses a typo in a three-letter word; a suggestion allows it.
  EXPECT_FALSE(fuzzy_match("khai snh", birth));
  EXPECT_EQ(suggestion_distance("khai snh", birth), 1);
  EXPECT_EQ(suggestion_distance("KHAI SINH", birth), 0);
  EXPECT_EQ(suggestion_distance("dag ky khai snh", birth), 1 + 0 + 0 + 1);
}

TEST(SuggestionDistance, RanksTheCloserNameLower) {
  const auto birth = suggestion_distance("khai snh", "Thủ tục đăng ký khai sinh");
  const auto death = suggestion_distance("khai snh", "Thủ tục đăng ký khai tử");
  ASSERT_TRUE(birth);
  EXPECT_FALSE(death);  // "snh" is nowhere near a word of it
  const auto marriage = suggestion_distance("ket hon", "Thủ tục đăng ký kết hôn");
  const auto other =
      suggestion_distance("ket hon", "Thủ tục đăng ký lại kết hôn có yếu tố nước ngoài");
  ASSERT_TRUE(marriage && other);
  EXPECT_EQ(*marriage, *other);  // equal distance; the caller prefers the shorter name
}

TEST(SuggestionDistance, RefusesFarOrEmptyQueries) {
  EXPECT_FALSE(suggestion_distance("", "Thủ tục đăng ký khai sinh"));
  EXPECT_FALSE(suggestion_distance("xe may", "Thủ tục đăng ký khai sinh"));
  EXPECT_FALSE(suggestion_distance("ab", "Thủ tục đăng ký khai sinh"));  // short words are exact
}

}  // namespace
}  // namespace motcua::text
