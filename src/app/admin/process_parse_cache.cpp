#include "app/admin/process_parse_cache.hpp"

#include <mutex>
#include <unordered_map>

namespace motcua::app {

namespace {

// Processes are a few per procedure and agency (a province has tens, versions included); the
// bound only keeps a pathological number of saved versions from growing memory without end.
constexpr std::size_t kMaxEntries = 1024;

struct Cache {
  std::mutex mu;
  std::unordered_map<std::string, std::shared_ptr<const process::ProcessDefinition>> entries;
};

Cache& cache() {
  static Cache c;
  return c;
}

}  // namespace

std::shared_ptr<const process::ProcessDefinition> cached_process(const std::string& document,
                                                                 const ProcessParse& parse) {
  auto& c = cache();
  {
    std::lock_guard lock(c.mu);
    if (auto it = c.entries.find(document); it != c.entries.end()) return it->second;
  }
  // Parsed outside the lock: two threads may parse the same text once each, which is harmless.
  auto parsed = std::make_shared<const process::ProcessDefinition>(parse(document));
  std::lock_guard lock(c.mu);
  if (c.entries.size() >= kMaxEntries) c.entries.clear();
  c.entries.emplace(document, parsed);
  return parsed;
}

std::size_t cached_process_count() {
  auto& c = cache();
  std::lock_guard lock(c.mu);
  return c.entries.size();
}

}  // namespace motcua::app
