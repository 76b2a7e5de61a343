// A small cache of public answers that are costly to compute and the same for every caller: the
// scoreboard computes one Decision 766 index per agency (about a second of CPU for a province of
// 500,000 dossiers, docs/performance.md "Public scoreboard"), so an answer is reused for a few
// minutes rather than recomputed for each visitor. The answer carries its `as_of`, so a reader
// always sees how old the figures are. Keyed by the query as asked; bounded in size.
//
// Two ways to use it: `get` (a miss once the ttl has passed: that caller computes while it waits),
// or `lookup` with `begin_refresh` (stale-while-revalidate: once the ttl has passed, callers keep
// the old answer, its `as_of` saying how old, while the one caller `begin_refresh` chose computes
// a fresh one beside them; past `max_age` the old answer is not served at all).
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace motcua::api {

template <typename Value>
class AnswerCache {
 public:
  explicit AnswerCache(std::chrono::seconds ttl, std::size_t max_entries = 64)
      : ttl_(ttl), max_entries_(max_entries) {}

  struct Hit {
    Value value;
    bool stale = false;  // older than the ttl: serve it, and have it computed again
  };

  // The answer kept for `key` unless it is older than `max_age`; never removes it.
  std::optional<Hit> lookup(const std::string& key, std::chrono::seconds max_age) {
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    const auto age = std::chrono::steady_clock::now() - it->second.first;
    if (age >= max_age) return std::nullopt;
    return Hit{it->second.second, age >= ttl_};
  }

  // True for one caller per key until that caller puts an answer or abandons: the others keep
  // serving what `lookup` gave them instead of computing the same answer at once.
  bool begin_refresh(const std::string& key) {
    const std::lock_guard lock(mutex_);
    return refreshing_.insert(key).second;
  }
  void abandon_refresh(const std::string& key) {
    const std::lock_guard lock(mutex_);
    refreshing_.erase(key);
  }

  std::optional<Value> get(const std::string& key) {
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (std::chrono::steady_clock::now() - it->second.first >= ttl_) {
      entries_.erase(it);
      return std::nullopt;
    }
    return it->second.second;
  }

  void put(const std::string& key, Value value) {
    const std::lock_guard lock(mutex_);
    // Many distinct queries (someone walking through periods): start afresh rather than grow.
    if (entries_.size() >= max_entries_ && !entries_.contains(key)) entries_.clear();
    entries_.insert_or_assign(key, std::pair{std::chrono::steady_clock::now(), std::move(value)});
    refreshing_.erase(key);
  }

 private:
  std::chrono::seconds ttl_;
  std::size_t max_entries_;
  std::mutex mutex_;
  std::map<std::string, std::pair<std::chrono::steady_clock::time_point, Value>> entries_;
  std::set<std::string> refreshing_;
};

}  // namespace motcua::api
