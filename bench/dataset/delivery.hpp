// The outbox of a province whose partner connections all work: every message the history wrote
// is delivered at the time of its event, and delivered rows are pruned once older than the
// retention (`serve --outbox-retention-days`, 7), as the server's delivery engine and pruning do.
// Without it ten years of history kept every message pending forever (about 18 KB a dossier, three
// quarters of the database), which no running province holds. Through the store's own functions
// (claim_outbox, complete_outbox, prune_outbox), so the statistics see what they would see: the
// National Portal syncs delivered (kept in portal_sync_delivered once pruned).
#pragma once

#include <cstdint>

#include "domain/calendar/date.hpp"
#include "store/sql.hpp"

namespace motcua::dataset {

struct Delivered {
  std::int64_t delivered = 0;
  std::int64_t pruned = 0;
};

// Run in a write job after each batch; `present`: the generator's fixed present.
Delivered deliver_and_prune(store::SqlConnection& db, Instant present, int utc_offset_minutes,
                            int retention_days = 7);

}  // namespace motcua::dataset
