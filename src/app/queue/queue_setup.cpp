// The administrator's configuration of a unit's queue: services and counters.
#include <algorithm>

#include "app/accounts/passwords.hpp"
#include "app/queue/queue.hpp"
#include "app/queue/queue_common.hpp"
#include "codec/flat_json.hpp"
#include "store/audit_log.hpp"

namespace motcua::app {

using namespace queue_detail;

namespace {

AppResult<store::OneStopUnitRow> administered_unit(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& unit_id) {
  auto unit = unit_or_404(db, unit_id);
  if (!unit) return unit;
  if (!serves_unit(db, actor, *unit, dossier::Role::administrator)) {
    return tl::unexpected(
        refuse(ErrorKind::forbidden, "not_unit_administrator",
               "Chỉ quản trị viên của đơn vị mới cấu hình được hàng đợi của bộ phận một cửa này.",
               "Only an administrator of the unit's agency configures this one-stop unit's queue.",
               unit_id));
  }
  return unit;
}

}  // namespace

AppResult<QueueServiceView> add_queue_service(store::SqlConnection& db, const Actor& actor,
                                              const NewQueueService& in, Instant now, int offset) {
  const auto unit = administered_unit(db, actor, in.unit_id);
  if (!unit) return tl::unexpected(unit.error());
  const store::QueueServiceRecord s{"qs_" + random_token(9), in.unit_id, in.name};
  const auto at = to_iso(now, offset);
  store::insert_queue_service(db, s, actor.user_id, at);
  store::append_audit(db, {0, actor.user_id, at, "queue.service_added", s.id, "",
                           codec::flat_object_text({{"unit_id", s.unit_id}, {"name", s.name}})});
  return service_view(s);
}

AppResult<QueueCounterView> add_queue_counter(store::SqlConnection& db, const Actor& actor,
                                              const NewQueueCounter& in, Instant now, int offset) {
  const auto unit = administered_unit(db, actor, in.unit_id);
  if (!unit) return tl::unexpected(unit.error());
  if (store::queue_counter_number_taken(db, in.unit_id, in.number)) {
    return tl::unexpected(refuse(ErrorKind::conflict, "duplicate_counter",
                                 "Bộ phận đã có quầy số " + std::to_string(in.number) + ".",
                                 "The unit already has counter " + std::to_string(in.number) + ".",
                                 "number"));
  }
  QueueCounterView view{"qc_" + random_token(9), in.unit_id, unit->name, in.number, {}, 0, {}};
  std::vector<std::string> ids;
  for (const auto& id : in.service_ids) {
    const auto s = store::find_queue_service(db, id);
    if (!s || s->unit_id != in.unit_id) {
      return tl::unexpected(
          refuse(ErrorKind::invalid_input, "unknown_service",
                 "service_ids: dịch vụ '" + id + "' không thuộc bộ phận một cửa này.",
                 "service_ids: the service '" + id + "' is not one of this one-stop unit's.", id));
    }
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
    ids.push_back(id);
    view.services.push_back(service_view(*s));
  }
  const auto at = to_iso(now, offset);
  store::insert_queue_counter(db, {view.id, in.unit_id, in.number, ids}, actor.user_id, at);
  std::string joined;
  for (const auto& id : ids) joined += (joined.empty() ? "" : ",") + id;
  store::append_audit(db, {0, actor.user_id, at, "queue.counter_added", view.id, "",
                           codec::flat_object_text({{"unit_id", in.unit_id},
                                                    {"number", std::to_string(in.number)},
                                                    {"service_ids", joined}})});
  return view;
}

}  // namespace motcua::app
