#include "app/calendar/calendar_sync.hpp"

#include "store/calendar_version.hpp"
#include "store/sql.hpp"

namespace motcua::app {

bool CalendarSync::follow(store::SqlConnection& reader) {
  const std::lock_guard lock(mu_);
  auto fingerprint = store::calendar_fingerprint(reader);
  if (!seen_) {
    seen_ = std::move(fingerprint);
    return false;
  }
  if (fingerprint == *seen_) return false;
  // The same order as a local import (build, publish under the import mutex), so a local import
  // and a followed one never publish out of order.
  const std::lock_guard import_lock(active_.import_mutex());
  auto next = active_.build(stored_years(reader));
  if (!next) throw store::StoreError("stored calendar years do not build: " + next.error());
  active_.publish(*next);
  seen_ = std::move(fingerprint);
  return true;
}

}  // namespace motcua::app
