#include "delivery.hpp"

#include "codec/iso_time.hpp"
#include "store/outbox.hpp"

namespace motcua::dataset {

namespace {
constexpr const char* kWorker = "dataset";
constexpr int kClaim = 1000;
}  // namespace

Delivered deliver_and_prune(store::SqlConnection& db, Instant present, int offset,
                            int retention_days) {
  Delivered out;
  std::vector<std::string> topics;
  for (const auto& c : store::outbox_counts(db)) {
    if (c.pending > 0) topics.push_back(c.topic);
  }
  // A dossier's messages of one topic go out in order: each round claims the next of each.
  for (bool claimed = true; claimed;) {
    claimed = false;
    for (const auto& topic : topics) {
      for (const auto& m : store::claim_outbox(db, topic, kClaim, kWorker, present.seconds)) {
        claimed = true;
        // Delivered when it was written: the row's own time, so pruning sees its age.
        const auto row = store::outbox_row(db, m.id);
        const auto at = row ? codec::parse_iso_instant(row->created_at, offset)
                            : tl::expected<Instant, std::string>(present);
        const Instant when = at ? *at : present;
        store::complete_outbox(db, m.id, kWorker, to_iso(when, offset), when.seconds);
        ++out.delivered;
      }
    }
  }
  out.pruned =
      store::prune_outbox(db, present.seconds - std::int64_t{retention_days} * kSecondsPerDay);
  return out;
}

}  // namespace motcua::dataset
