#include "http/rate_limiter.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

using namespace std::chrono_literals;

TEST(RateLimiter, ABurstThenTheRefillRate) {
  RateLimiter limiter("feedback", {3, 0.5});
  const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.take("198.51.100.1", t0), 0) << i;
  EXPECT_EQ(limiter.take("198.51.100.1", t0), 2) << "one token every two seconds";
  EXPECT_EQ(limiter.take("198.51.100.2", t0), 0) << "another client has its own bucket";
  EXPECT_EQ(limiter.take("198.51.100.1", t0 + 1s), 1);
  EXPECT_EQ(limiter.take("198.51.100.1", t0 + 2s), 0);
  EXPECT_EQ(limiter.take("198.51.100.1", t0 + 2s), 2);
  // Saving up never exceeds the burst.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.take("198.51.100.1", t0 + 3600s), 0);
  EXPECT_GT(limiter.take("198.51.100.1", t0 + 3600s), 0);
}

TEST(RateLimiter, ZeroRateSwitchesItOff) {
  RateLimiter limiter("tracking", {1, 1});
  limiter.set_policy({1, 0});
  EXPECT_FALSE(limiter.enabled());
  for (int i = 0; i < 100; ++i) EXPECT_EQ(limiter.take("198.51.100.1"), 0);
}

TEST(RateLimiter, ManyClientsStayBoundedAndStillLimited) {
  RateLimiter limiter("search", {2, 1}, 100);
  const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
  for (int i = 0; i < 1000; ++i) {
    const std::string client = "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256);
    EXPECT_EQ(limiter.take(client, t0), 0);
  }
  EXPECT_EQ(limiter.take("203.0.113.1", t0), 0);
  EXPECT_EQ(limiter.take("203.0.113.1", t0), 0);
  EXPECT_GT(limiter.take("203.0.113.1", t0), 0) << "the newest client is still counted";
}

}  // namespace
}  // namespace motcua::http
