// Token buckets per client address (issue 18 point 4): public tracking, procedure search,
// anonymous feedback and uploads are limited per real client (http/client_address.hpp), so one
// client cannot flood them while everyone else goes on. Kept in the server's memory, not the
// database: a check costs a hash lookup under a mutex, never a write, so the cheapest public
// read stays cheap (issue 17). Several servers behind a balancer each allow the full rate; the
// balancer spreads a client's requests, so the installation allows at most that many times more.
//
// A route names its limiter in RouteOptions; the connection asks before reading the body, and a
// refused request gets 429 with Retry-After (whole seconds until a token is back).
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace motcua::http {

struct RatePolicy {
  double burst = 60;             // tokens a new client starts with, and the most it can save
  double tokens_per_second = 1;  // refill
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // `name` is the problem's code suffix and the metric label ("tracking", "feedback" ...).
  RateLimiter(std::string name, RatePolicy policy, std::size_t max_clients = 200'000)
      : name_(std::move(name)), policy_(policy), max_clients_(max_clients) {}

  // 0 when a token was taken; otherwise the whole seconds to wait (at least 1).
  std::int64_t take(std::string_view client, Clock::time_point now = Clock::now());

  const std::string& name() const { return name_; }
  bool enabled() const { return policy_.tokens_per_second > 0; }
  // 0 tokens per second switches the limiter off (serve's --rate-limits off, benchmarks).
  void set_policy(RatePolicy policy);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated{};
  };
  void forget_full_buckets(Clock::time_point now);  // under mutex_

  std::string name_;
  RatePolicy policy_;
  std::size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace motcua::http
