#include "app/common/text_keyed_cache.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace motcua::app {
namespace {

// A parser that returns the text's length and counts its calls.
struct CountingParse {
  int* calls;
  std::size_t operator()(const std::string& text) const {
    ++*calls;
    if (text == "unreadable") throw std::runtime_error("cannot be read");
    return text.size();
  }
};

TEST(TextKeyedCache, ParsesEachTextOnceAndAChangedTextAfresh) {
  TextKeyedCache<std::size_t> cache(16);
  int calls = 0;
  EXPECT_EQ(*cache.get("abc", CountingParse{&calls}), 3u);
  EXPECT_EQ(*cache.get("abc", CountingParse{&calls}), 3u);
  EXPECT_EQ(calls, 1);
  // A procedure's document edited in place (same code and version) is another text: never the
  // old parse.
  EXPECT_EQ(*cache.get("abcd", CountingParse{&calls}), 4u);
  EXPECT_EQ(calls, 2);
}

TEST(TextKeyedCache, AFailedParseIsNotCached) {
  TextKeyedCache<std::size_t> cache(16);
  int calls = 0;
  EXPECT_THROW(cache.get("unreadable", CountingParse{&calls}), std::runtime_error);
  EXPECT_THROW(cache.get("unreadable", CountingParse{&calls}), std::runtime_error);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cache.size(), 0u);
}

// Memory stays bounded whatever number of texts pass: at the bound the cache starts again.
TEST(TextKeyedCache, NeverHoldsMoreThanItsBound) {
  TextKeyedCache<std::size_t> cache(3);
  int calls = 0;
  for (const char* t : {"a", "bb", "ccc"}) cache.get(t, CountingParse{&calls});
  EXPECT_EQ(cache.size(), 3u);
  cache.get("dddd", CountingParse{&calls});
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(*cache.get("a", CountingParse{&calls}), 1u);  // parsed again
  EXPECT_EQ(calls, 5);
}

}  // namespace
}  // namespace motcua::app
