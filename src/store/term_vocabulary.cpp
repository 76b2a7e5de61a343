#include "store/term_vocabulary.hpp"

#include <map>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "store/connection_epoch.hpp"

namespace motcua::store {

struct TermMaps {
  std::unordered_map<std::string, std::int64_t> ids;
  std::unordered_map<std::int64_t, std::string> terms;
};

namespace {

struct Statements {
  const char* name;
  const char* all;
  const char* add;
};

// One fixed text per table: no SQL is assembled from a caller's value.
const Statements& statements(TermTable table) {
  static const Statements events{"event_terms", "SELECT id, term FROM event_terms",
                                 "INSERT INTO event_terms(term) VALUES (?) "
                                 "ON CONFLICT (term) DO NOTHING"};
  static const Statements outcomes{"outcome_terms", "SELECT id, term FROM outcome_terms",
                                   "INSERT INTO outcome_terms(term) VALUES (?) "
                                   "ON CONFLICT (term) DO NOTHING"};
  return table == TermTable::event_terms ? events : outcomes;
}

struct Cache {
  std::mutex mu;
  std::map<std::pair<std::uint64_t, TermTable>, std::shared_ptr<const TermMaps>> of;
};

Cache& cache() {
  static Cache c;
  return c;
}

// Connections are a handful per store; renewed epochs leave entries behind: the bound only keeps
// those from growing without end. Full, the cache starts again empty.
constexpr std::size_t kMaxCached = 256;

}  // namespace

TermVocabulary::TermVocabulary(SqlConnection& db, TermTable table)
    : db_(db), table_(table), epoch_(connection_epoch(db)) {
  if (epoch_ != 0) {
    auto& c = cache();
    std::lock_guard lock(c.mu);
    if (const auto it = c.of.find({epoch_, table_}); it != c.of.end()) maps_ = it->second;
  }
  if (!maps_) reload();
}

std::string TermVocabulary::term(std::int64_t id) {
  if (auto it = maps_->terms.find(id); it != maps_->terms.end()) return it->second;
  reload();
  if (auto it = maps_->terms.find(id); it != maps_->terms.end()) return it->second;
  throw StoreError(std::string("term ") + std::to_string(id) + " is not in " +
                   statements(table_).name);
}

std::int64_t TermVocabulary::id(const std::string& term) {
  if (auto it = maps_->ids.find(term); it != maps_->ids.end()) return it->second;
  reload();
  if (auto it = maps_->ids.find(term); it != maps_->ids.end()) return it->second;
  db_.execute(statements(table_).add, {term});
  reload();
  if (auto it = maps_->ids.find(term); it != maps_->ids.end()) return it->second;
  throw StoreError("term '" + term + "' could not be added to " + statements(table_).name);
}

void TermVocabulary::reload() {
  auto maps = std::make_shared<TermMaps>();
  for (const auto& row : db_.query(statements(table_).all)) {
    maps->ids.emplace(row.text(1), row.integer(0));
    maps->terms.emplace(row.integer(0), row.text(1));
  }
  maps_ = maps;
  if (epoch_ == 0) return;  // a connection no store opened: nothing is cached for it
  auto& c = cache();
  std::lock_guard lock(c.mu);
  if (c.of.size() >= kMaxCached) c.of.clear();
  c.of[{epoch_, table_}] = std::move(maps);
}

}  // namespace motcua::store
