#include "app/queries/procedure_names.hpp"

#include <algorithm>
#include <mutex>
#include <string>
#include <utility>

namespace motcua::app {

namespace {

// A server opens one database; tests open many in one process. The stamp is random per change,
// so names read from one database are never taken for another's.
constexpr std::size_t kStampsKept = 4;

struct NamesCache {
  std::mutex mutex;
  std::vector<std::pair<std::string, std::shared_ptr<const ProcedureNames>>>
      entries;  // newest first
};

NamesCache& names_cache() {
  static NamesCache cache;
  return cache;
}

std::shared_ptr<const ProcedureNames> read_names(store::SqlConnection& db) {
  auto rows = store::latest_procedures(db);
  std::vector<std::string> folded;
  folded.reserve(rows.size());
  for (const auto& row : rows) folded.push_back(row.name_folded);
  text::NameIndex index(folded);
  return std::make_shared<const ProcedureNames>(ProcedureNames{std::move(rows), std::move(index)});
}

}  // namespace

std::shared_ptr<const ProcedureNames> procedure_names(store::SqlConnection& db) {
  auto& cache = names_cache();
  const std::string stamp = store::catalog_stamp(db);
  // The names kept under `stamp`, or none; the caller holds the cache's lock.
  const auto kept = [&]() -> std::shared_ptr<const ProcedureNames> {
    const auto it = std::find_if(cache.entries.begin(), cache.entries.end(),
                                 [&](const auto& e) { return e.first == stamp; });
    return it == cache.entries.end() ? nullptr : it->second;
  };
  if (stamp.empty()) return read_names(db);
  {
    const std::lock_guard lock(cache.mutex);
    if (auto names = kept()) return names;
  }
  auto names = read_names(db);
  // A catalog write committed between the two reads of the stamp: these names may be from either
  // side of it, so they answer this request only.
  if (store::catalog_stamp(db) != stamp) return names;
  const std::lock_guard lock(cache.mutex);
  if (auto other = kept()) return other;  // another request read them meanwhile
  cache.entries.insert(cache.entries.begin(), {stamp, names});
  if (cache.entries.size() > kStampsKept) cache.entries.resize(kStampsKept);
  return names;
}

}  // namespace motcua::app
