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

// Stale-while-revalidate: past the ttl the kept answer is still served, marked stale, and only
// one caller is chosen to compute the next; past the maximum age nothing is served.
TEST(AnswerCache, ServesAStaleAnswerWhileOneCallerComputesTheNext) {
  AnswerCache<int> cache(std::chrono::seconds(0));
  EXPECT_FALSE(cache.lookup("k", std::chrono::hours(1)));
  cache.put("k", 1);
  const auto hit = cache.lookup("k", std::chrono::hours(1));
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->value, 1);
  EXPECT_TRUE(hit->stale);
  EXPECT_TRUE(cache.begin_refresh("k"));
  EXPECT_FALSE(cache.begin_refresh("k"));  // the others keep the stale answer meanwhile
  cache.put("k", 2);                       // the fresh answer ends the refresh
  EXPECT_EQ(cache.lookup("k", std::chrono::hours(1))->value, 2);
  EXPECT_TRUE(cache.begin_refresh("k"));
  cache.abandon_refresh("k");  // a failed computation lets the next caller try
  EXPECT_TRUE(cache.begin_refresh("k"));
  EXPECT_FALSE(cache.lookup("k", std::chrono::seconds(0)));  // too old to serve at all

  AnswerCache<int> fresh(std::chrono::seconds(300));
  fresh.put("k", 3);
  EXPECT_FALSE(fresh.lookup("k", std::chrono::hours(1))->stale);
}

}  // namespace
}  // namespace motcua::api
