#include "api/answer_cache.hpp"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

TEST(AnswerCache, ReturnsWhatWasPutUntilItExpires) {
  AnswerCache<int> fresh(std::chrono::seconds(300));
  EXPECT_FALSE(fresh.get("2026-03|2026-03"));
  fresh.put("2026-03|2026-03", 7);
  EXPECT_EQ(fresh.get("2026-03|2026-03"), 7);
  EXPECT_FALSE(fresh.get("2026-02|2026-03"));
  // A lifetime of zero: every answer is already stale, so each visitor gets a new computation.
  AnswerCache<int> stale(std::chrono::seconds(0));
  stale.put("k", 1);
  EXPECT_FALSE(stale.get("k"));
}

TEST(AnswerCache, StartsAfreshWhenFull) {
  AnswerCache<int> cache(std::chrono::seconds(300), 2);
  cache.put("a", 1);
  cache.put("b", 2);
  cache.put("a", 3);  // replacing a held key does not count as a new one
  EXPECT_EQ(cache.get("b"), 2);
  cache.put("c", 4);
  EXPECT_FALSE(cache.get("a"));
  EXPECT_FALSE(cache.get("b"));
  EXPECT_EQ(cache.get("c"), 4);
}

}  // namespace
}  // namespace motcua::api
