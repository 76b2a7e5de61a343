#include "store/connection_epoch.hpp"

#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

namespace motcua::store {

namespace {

struct Epochs {
  std::shared_mutex mu;
  std::unordered_map<const SqlConnection*, std::uint64_t> of;
  std::atomic<std::uint64_t> next{1};
};

Epochs& epochs() {
  static Epochs e;
  return e;
}

}  // namespace

std::uint64_t connection_epoch(const SqlConnection& db) {
  auto& e = epochs();
  std::shared_lock lock(e.mu);
  const auto it = e.of.find(&db);
  return it == e.of.end() ? 0 : it->second;
}

void open_connection_epoch(const SqlConnection& db) {
  auto& e = epochs();
  std::unique_lock lock(e.mu);
  e.of[&db] = e.next++;
}

void renew_connection_epoch(const SqlConnection& db) { open_connection_epoch(db); }

void close_connection_epoch(const SqlConnection& db) {
  auto& e = epochs();
  std::unique_lock lock(e.mu);
  // Forgotten before the connection is freed: another connection at the same address later
  // starts with a new number.
  e.of.erase(&db);
}

}  // namespace motcua::store
