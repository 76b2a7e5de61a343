// A small cache of public answers that are costly to compute and the same for every caller: the
// scoreboard computes one Decision 766 index per agency (about a second of CPU for a province of
// 100,000 dossiers, docs/performance.md "Public scoreboard"), so an answer is reused for a few
// minutes rather than recomputed for each visitor. The answer carries its `as_of`, so a reader
// always sees how old the figures are. Keyed by the query as asked; bounded in size.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace motcua::api {

template <typename Value>
class AnswerCache {
 public:
  explicit AnswerCache(std::chrono::seconds ttl, std::size_t max_entries = 64)
      : ttl_(ttl), max_entries_(max_entries) {}

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
  }

 private:
  std::chrono::seconds ttl_;
  std::size_t max_entries_;
  std::mutex mutex_;
  std::map<std::string, std::pair<std::chrono::steady_clock::time_point, Value>> entries_;
};

}  // namespace motcua::api
