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

// Whether the actor holds any role on the unit's agency: officials of the unit know its services
// and counters (their queue lists them) and are told 403 when they may not change them; to anyone
// else a service or counter of the unit answers as a missing one.
bool works_at_unit(store::SqlConnection& db, const Actor& actor, const std::string& unit_id) {
  const auto unit = unit_or_404(db, unit_id);
  return unit && serves_unit(db, actor, *unit, std::nullopt);
}

// The listed services, each once, all of the unit; 422 unknown_service naming the first that is
// not.
AppResult<std::vector<store::QueueServiceRecord>> services_of_unit(
    store::SqlConnection& db, const std::string& unit_id, const std::vector<std::string>& ids) {
  std::vector<store::QueueServiceRecord> out;
  for (const auto& id : ids) {
    const auto s = store::find_queue_service(db, id);
    if (!s || s->unit_id != unit_id) {
      return tl::unexpected(
          refuse(ErrorKind::invalid_input, "unknown_service",
                 "service_ids: dịch vụ '" + id + "' không thuộc bộ phận một cửa này.",
                 "service_ids: the service '" + id + "' is not one of this one-stop unit's.", id));
    }
    if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.id == id; }))
      out.push_back(*s);
  }
  return out;
}

AppResult<void> reason_given(const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") != std::string::npos) return {};
  return tl::unexpected(refuse(ErrorKind::invalid_input, "reason_required",
                               "reason: cần ghi lý do thay đổi.",
                               "reason: a reason for the change is required.", "reason"));
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

const char* flag(bool active) { return active ? "true" : "false"; }

}  // namespace

AppResult<QueueServiceView> add_queue_service(store::SqlConnection& db, const Actor& actor,
                                              const NewQueueService& in, Instant now, int offset) {
  const auto unit = administered_unit(db, actor, in.unit_id);
  if (!unit) return tl::unexpected(unit.error());
  const store::QueueServiceRecord s{"qs_" + random_token(9), in.unit_id, in.name, true};
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
  const auto services = services_of_unit(db, in.unit_id, in.service_ids);
  if (!services) return tl::unexpected(services.error());
  QueueCounterView view{
      "qc_" + random_token(9), in.unit_id, unit->name, in.number, {}, 0, {}, true};
  std::vector<std::string> ids;
  for (const auto& s : *services) {
    ids.push_back(s.id);
    view.services.push_back(service_view(s));
  }
  const auto at = to_iso(now, offset);
  store::insert_queue_counter(db, {view.id, in.unit_id, in.number, ids, true}, actor.user_id, at);
  store::append_audit(db, {0, actor.user_id, at, "queue.counter_added", view.id, "",
                           codec::flat_object_text({{"unit_id", in.unit_id},
                                                    {"number", std::to_string(in.number)},
                                                    {"service_ids", joined(ids)}})});
  return view;
}

AppResult<QueueServiceView> change_queue_service(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& service_id,
                                                 const QueueServiceChange& change, Instant now,
                                                 int offset) {
  auto service = store::find_queue_service(db, service_id);
  // A service of a unit the actor has no role at answers as a missing one: a 403 would tell anyone
  // signed in which service ids exist (tests/authz/matrix.tsv).
  if (!service || !works_at_unit(db, actor, service->unit_id)) {
    return tl::unexpected(refuse(ErrorKind::not_found, "unknown_service",
                                 "Không có dịch vụ '" + service_id + "'.",
                                 "There is no service '" + service_id + "'.", service_id));
  }
  const auto unit = administered_unit(db, actor, service->unit_id);
  if (!unit) return tl::unexpected(unit.error());
  if (auto ok = reason_given(change.reason); !ok) return tl::unexpected(ok.error());
  const auto before = *service;
  if (change.name) service->name = *change.name;
  if (change.active) service->active = *change.active;
  store::update_queue_service(db, *service);
  store::append_audit(db, {0, actor.user_id, to_iso(now, offset), "queue.service_changed",
                           service->id, change.reason,
                           codec::flat_object_text({{"unit_id", service->unit_id},
                                                    {"name_before", before.name},
                                                    {"name", service->name},
                                                    {"active_before", flag(before.active)},
                                                    {"active", flag(service->active)}})});
  return service_view(*service);
}

AppResult<QueueCounterView> change_queue_counter(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& counter_id,
                                                 const QueueCounterChange& change, Instant now,
                                                 int offset) {
  auto counter = store::find_queue_counter(db, counter_id);
  // As for services: a counter of another unit answers as a missing one.
  if (!counter || !works_at_unit(db, actor, counter->unit_id)) {
    return tl::unexpected(refuse(ErrorKind::not_found, "unknown_counter",
                                 "Không có quầy '" + counter_id + "'.",
                                 "There is no counter '" + counter_id + "'.", counter_id));
  }
  const auto unit = administered_unit(db, actor, counter->unit_id);
  if (!unit) return tl::unexpected(unit.error());
  if (auto ok = reason_given(change.reason); !ok) return tl::unexpected(ok.error());
  const auto before = *counter;
  if (change.service_ids) {
    const auto services = services_of_unit(db, counter->unit_id, *change.service_ids);
    if (!services) return tl::unexpected(services.error());
    counter->service_ids.clear();
    for (const auto& s : *services) counter->service_ids.push_back(s.id);
  }
  if (change.active) counter->active = *change.active;
  store::update_queue_counter(db, *counter);
  store::append_audit(
      db,
      {0, actor.user_id, to_iso(now, offset), "queue.counter_changed", counter->id, change.reason,
       codec::flat_object_text({{"unit_id", counter->unit_id},
                                {"number", std::to_string(counter->number)},
                                {"service_ids_before", joined(before.service_ids)},
                                {"service_ids", joined(counter->service_ids)},
                                {"active_before", flag(before.active)},
                                {"active", flag(counter->active)}})});
  return counter_view(db, *counter, unit->name, day_of(now, offset));
}

AppResult<QueueSetupView> queue_setup(store::SqlConnection& db, const Actor& actor,
                                      const std::string& unit_id, Instant now, int offset) {
  const auto unit = administered_unit(db, actor, unit_id);
  if (!unit) return tl::unexpected(unit.error());
  QueueSetupView v{unit->id, unit->name, {}, {}};
  for (const auto& s : store::list_queue_services(db, unit_id))
    v.services.push_back(service_view(s));
  const auto day = day_of(now, offset);
  for (const auto& c : store::list_queue_counters(db, unit_id))
    v.counters.push_back(counter_view(db, c, unit->name, day));
  return v;
}

}  // namespace motcua::app
