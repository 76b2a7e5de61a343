#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace motcua::http {

std::int64_t RateLimiter::take(std::string_view client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (policy_.tokens_per_second <= 0) return 0;
  auto it = buckets_.find(std::string(client));
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) forget_full_buckets(now);
    it = buckets_.emplace(std::string(client), Bucket{policy_.burst, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(policy_.burst, b.tokens + std::max(0.0, elapsed) * policy_.tokens_per_second);
  b.updated = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  const double wait = (1 - b.tokens) / policy_.tokens_per_second;
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(wait)));
}

void RateLimiter::set_policy(RatePolicy policy) {
  std::lock_guard lock(mutex_);
  policy_ = policy;
  buckets_.clear();
}

void RateLimiter::forget_full_buckets(Clock::time_point now) {
  // A bucket that has refilled is the same as no bucket: forgetting it changes nothing. If every
  // client is mid-burst (a flood from very many addresses), the oldest half goes: they get a
  // fresh burst, which is the most a flood from that many addresses could get anyway.
  std::erase_if(buckets_, [&](const auto& entry) {
    const double elapsed = std::chrono::duration<double>(now - entry.second.updated).count();
    return entry.second.tokens + elapsed * policy_.tokens_per_second >= policy_.burst;
  });
  if (buckets_.size() < max_clients_) return;
  std::vector<Clock::time_point> times;
  times.reserve(buckets_.size());
  for (const auto& [client, bucket] : buckets_) times.push_back(bucket.updated);
  auto middle = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), middle, times.end());
  const auto cut = *middle;
  std::erase_if(buckets_, [&](const auto& entry) { return entry.second.updated <= cut; });
}

}  // namespace motcua::http
