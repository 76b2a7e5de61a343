// What the writer and the readers parse again and again from stored JSON (a process definition, a
// procedure's terms and cases), kept parsed and keyed by the stored text itself. The key is the
// text, so an entry can never be stale and nothing needs invalidating: a changed document is a new
// key. Parsing a procedure's or a process's JSON on every command was a tenth to a quarter of the
// writer thread's work (docs/performance.md, "CPU per state change").
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace motcua::app {

template <typename Parsed>
class TextKeyedCache {
 public:
  // The bound only keeps a pathological number of stored versions from growing memory without
  // end: a province has tens of processes and a few thousand procedures.
  explicit TextKeyedCache(std::size_t max_entries) : max_entries_(max_entries) {}

  // The value parsed from `text`: from the cache, else by `parse(text)`, whose exception (an
  // unreadable document) passes through and caches nothing. Thread-safe.
  template <typename Parse>
  std::shared_ptr<const Parsed> get(const std::string& text, const Parse& parse) {
    {
      std::lock_guard lock(mu_);
      if (auto it = entries_.find(text); it != entries_.end()) return it->second;
    }
    // Parsed outside the lock: two threads may parse the same text once each, which is harmless.
    auto parsed = std::make_shared<const Parsed>(parse(text));
    std::lock_guard lock(mu_);
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_.emplace(text, parsed);
    return parsed;
  }

  std::size_t size() {
    std::lock_guard lock(mu_);
    return entries_.size();
  }

 private:
  std::size_t max_entries_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const Parsed>> entries_;
};

}  // namespace motcua::app
