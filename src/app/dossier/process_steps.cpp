#include "app/dossier/process_steps.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

#include "app/admin/process_parse_cache.hpp"
#include "codec/process_json.hpp"
#include "store/connection_epoch.hpp"
#include "store/process_repository.hpp"

namespace motcua::app {

namespace {

using Steps = std::vector<clock::ProcessStepTerms>;
using Key = std::tuple<std::uint64_t, std::string, std::int64_t>;  // epoch, id, version

// Versions are tens per province and connections a handful per store: the bound only keeps a
// pathological number of versions (or of rollbacks renewing the writer's epoch) from growing
// memory without end. Full, the cache starts again empty.
constexpr std::size_t kMaxEntries = 1024;

struct Cache {
  std::mutex mu;
  std::map<Key, std::shared_ptr<const Steps>> entries;
};

Cache& cache() {
  static Cache c;
  return c;
}

// From the database: nullptr when the row is missing.
std::shared_ptr<const Steps> read_steps(store::SqlConnection& db, const std::string& id,
                                        std::int64_t version) {
  const auto row = store::process_version(db, id, version);
  if (!row) return nullptr;
  const auto definition = cached_process(row->document, [&row](const std::string& document) {
    auto parsed = codec::parse_process(document);
    if (!parsed) {
      throw store::StoreError("stored process " + row->id + " version " +
                              std::to_string(row->version) + " cannot be read: " + parsed.error());
    }
    return std::move(*parsed);
  });
  auto steps = std::make_shared<Steps>();
  steps->reserve(definition->steps.size());
  for (const auto& s : definition->steps) steps->push_back({s.id, s.name, s.budget});
  return steps;
}

}  // namespace

std::optional<Steps> process_version_steps(store::SqlConnection& db, const std::string& id,
                                           std::int64_t version) {
  const auto epoch = store::connection_epoch(db);
  if (epoch == 0) {
    auto steps = read_steps(db, id, version);
    return steps ? std::optional<Steps>(*steps) : std::nullopt;
  }
  Key key{epoch, id, version};
  auto& c = cache();
  {
    std::lock_guard lock(c.mu);
    if (const auto it = c.entries.find(key); it != c.entries.end()) return *it->second;
  }
  // Read outside the lock; a missing row is not kept (it should not happen, and costs a read).
  auto steps = read_steps(db, id, version);
  if (!steps) return std::nullopt;
  std::lock_guard lock(c.mu);
  if (c.entries.size() >= kMaxEntries) c.entries.clear();
  c.entries.emplace(std::move(key), steps);
  return *steps;
}

void fill_process_steps(store::SqlConnection& db, codec::DossierDocument& document) {
  auto& process = document.terms.process;
  if (!process || document.process_steps_stored || process->id.empty()) return;
  if (auto steps = process_version_steps(db, process->id, process->version))
    process->steps = std::move(*steps);
}

std::size_t cached_process_versions() {
  auto& c = cache();
  std::lock_guard lock(c.mu);
  return c.entries.size();
}

}  // namespace motcua::app
