// Tickets: taking one (kiosk or officer), calling, recalling, finishing; the kiosk, the counters
// and the hall display.
#include <algorithm>
#include <map>

#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/queue/queue.hpp"
#include "app/queue/queue_common.hpp"
#include "codec/flat_json.hpp"
#include "domain/queue/ticket_order.hpp"
#include "store/audit_log.hpp"

namespace motcua::app {

using namespace queue_detail;

namespace {

constexpr const char* kKioskActor = "kiosk";

std::vector<queue::WaitingTicket> ordering_of(const std::vector<store::TicketRecord>& tickets) {
  std::vector<queue::WaitingTicket> out;
  for (const auto& t : tickets) out.push_back({t.number, !t.priority_group.empty()});
  return out;
}

AppError not_a_receiver(const std::string& unit_id) {
  return refuse(ErrorKind::forbidden, "not_unit_reception",
                "Chỉ cán bộ tiếp nhận của bộ phận một cửa này mới thao tác được hàng đợi.",
                "Only the reception officers of this one-stop unit work its queue.", unit_id);
}

// The ticket, 404 when missing or at a unit the actor does not receive at.
AppResult<store::TicketRecord> ticket_for_receiver(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& id) {
  auto t = store::find_ticket(db, id);
  if (t) {
    const auto unit = store::find_unit(db, t->unit_id);
    if (unit && serves_unit(db, actor, *unit, dossier::Role::reception)) return *t;
  }
  return tl::unexpected(refuse(ErrorKind::not_found, "unknown_ticket",
                               "Không có số thứ tự '" + id + "'.",
                               "There is no ticket '" + id + "'.", id));
}

AppError not_called(const store::TicketRecord& t) {
  return refuse(ErrorKind::conflict, "not_called",
                "Số " + queue::ticket_label(t.number) + " chưa được gọi hoặc đã kết thúc.",
                "Ticket " + queue::ticket_label(t.number) + " is not called or already finished.",
                t.status);
}

void audit_ticket(store::SqlConnection& db, const std::string& actor, const std::string& at,
                  const std::string& action, const store::TicketRecord& t) {
  store::append_audit(db, {0, actor, at, action, t.id, "",
                           codec::flat_object_text({{"unit_id", t.unit_id},
                                                    {"day", t.day},
                                                    {"number", std::to_string(t.number)},
                                                    {"counter_id", t.counter_id}})});
}

}  // namespace

AppResult<KioskView> kiosk_view(store::SqlConnection& db, const std::string& unit_id,
                                const std::vector<queue::PriorityGroup>& groups, Instant now,
                                int offset) {
  const auto unit = unit_or_404(db, unit_id);
  if (!unit) return tl::unexpected(unit.error());
  KioskView v{unit->id, unit->name, {}, {}, groups};
  // Switched-off services and counters are not offered to people.
  for (const auto& s : store::list_queue_services(db, unit_id))
    if (s.active) v.services.push_back(service_view(s));
  const auto day = day_of(now, offset);
  for (const auto& c : store::list_queue_counters(db, unit_id))
    if (c.active) v.counters.push_back(counter_view(db, c, unit->name, day));
  return v;
}

AppResult<TicketView> take_ticket(store::SqlConnection& db, const std::optional<Actor>& officer,
                                  const std::string& unit_id, const TicketRequest& in,
                                  const std::vector<queue::PriorityGroup>& groups, Instant now,
                                  int offset) {
  const auto unit = unit_or_404(db, unit_id);
  if (!unit) return tl::unexpected(unit.error());
  if (officer && !serves_unit(db, *officer, *unit, dossier::Role::reception))
    return tl::unexpected(not_a_receiver(unit_id));
  const auto service = store::find_queue_service(db, in.service_id);
  if (!service || service->unit_id != unit_id) {
    return tl::unexpected(refuse(
        ErrorKind::invalid_input, "unknown_service",
        "service_id: bộ phận một cửa này không có dịch vụ '" + in.service_id + "'.",
        "service_id: this one-stop unit has no service '" + in.service_id + "'.", in.service_id));
  }
  if (!service->active) {
    return tl::unexpected(refuse(
        ErrorKind::invalid_input, "service_inactive",
        "service_id: dịch vụ '" + service->name + "' đã ngừng cấp số.",
        "service_id: the service '" + service->name + "' no longer gives tickets.", in.service_id));
  }
  if (!in.priority_group.empty() &&
      std::none_of(groups.begin(), groups.end(),
                   [&](const queue::PriorityGroup& g) { return g.code == in.priority_group; })) {
    return tl::unexpected(
        refuse(ErrorKind::invalid_input, "unknown_priority_group",
               "priority_group: không có nhóm ưu tiên '" + in.priority_group + "'.",
               "priority_group: there is no priority group '" + in.priority_group + "'.",
               in.priority_group));
  }
  const auto day = day_of(now, offset);
  // The counter to go to: of those serving the service, the one with the fewest tickets waiting
  // for it (the lowest number on a tie); any of them may call the ticket in the end.
  const auto waiting = store::waiting_tickets(db, unit_id, day, {in.service_id});
  std::optional<store::QueueCounterRecord> chosen;
  std::size_t chosen_load = 0;
  for (const auto& c : store::list_queue_counters(db, unit_id)) {
    if (!c.active) continue;
    if (std::find(c.service_ids.begin(), c.service_ids.end(), in.service_id) == c.service_ids.end())
      continue;
    const auto load = static_cast<std::size_t>(std::count_if(
        waiting.begin(), waiting.end(), [&](const auto& t) { return t.counter_id == c.id; }));
    if (!chosen || load < chosen_load) {
      chosen = c;
      chosen_load = load;
    }
  }
  if (!chosen) {
    return tl::unexpected(refuse(
        ErrorKind::rule_violation, "service_without_counter",
        "service_id: chưa có quầy nào phục vụ dịch vụ '" + service->name + "'.",
        "service_id: no counter serves the service '" + service->name + "' yet.", in.service_id));
  }
  store::TicketRecord t;
  t.id = "tk_" + random_token(9);
  t.unit_id = unit_id;
  t.day = day;
  t.number = store::take_day_number(db, unit_id, day);
  t.service_id = in.service_id;
  t.priority_group = in.priority_group;
  t.status = "waiting";
  t.counter_id = chosen->id;
  t.taken_by = officer ? officer->user_id : kKioskActor;
  t.taken_at = to_iso(now, offset);
  t.taken_at_s = now.seconds;
  store::insert_ticket(db, t);
  audit_ticket(db, t.taken_by, t.taken_at, "queue.ticket_taken", t);
  return ticket_view(db, t);
}

AppResult<std::vector<QueueCounterView>> my_counters(store::SqlConnection& db, const Actor& actor,
                                                     Instant now, int offset) {
  if (actor.applicant) return tl::unexpected(not_a_receiver(""));
  const auto day = day_of(now, offset);
  std::vector<QueueCounterView> out;
  for (const auto& agency : scoped_agencies(db, actor, dossier::Role::reception)) {
    for (const auto& unit : store::units_of_agency(db, agency)) {
      for (const auto& c : store::list_queue_counters(db, unit.id))
        if (c.active) out.push_back(counter_view(db, c, unit.name, day));
    }
  }
  return out;
}

AppResult<TicketView> call_next(store::SqlConnection& db, const Actor& actor,
                                const std::string& counter_id, Instant now, int offset) {
  const auto counter = store::find_queue_counter(db, counter_id);
  const auto unit = counter ? store::find_unit(db, counter->unit_id) : std::nullopt;
  if (!counter || !unit || !serves_unit(db, actor, *unit, dossier::Role::reception)) {
    return tl::unexpected(refuse(ErrorKind::not_found, "unknown_counter",
                                 "Không có quầy '" + counter_id + "'.",
                                 "There is no counter '" + counter_id + "'.", counter_id));
  }
  if (!counter->active) {
    return tl::unexpected(
        refuse(ErrorKind::conflict, "counter_inactive",
               "Quầy số " + std::to_string(counter->number) + " đã ngừng hoạt động.",
               "Counter " + std::to_string(counter->number) + " is switched off.", counter_id));
  }
  const auto day = day_of(now, offset);
  for (const auto& t : store::tickets_in_state(db, unit->id, day, "called", 100)) {
    if (t.counter_id != counter_id) continue;
    const auto label = queue::ticket_label(t.number);
    return tl::unexpected(
        refuse(ErrorKind::conflict, "counter_busy",
               "Quầy đang phục vụ số " + label +
                   ": hãy đánh dấu đã phục vụ hoặc vắng mặt trước khi gọi số tiếp theo.",
               "The counter is serving ticket " + label +
                   ": mark it served or absent before calling the next one.",
               t.id));
  }
  const auto waiting = store::waiting_tickets(db, unit->id, day, counter->service_ids);
  const auto next = queue::next_ticket(ordering_of(waiting));
  if (!next) {
    return tl::unexpected(refuse(ErrorKind::conflict, "queue_empty",
                                 "Không còn ai chờ các dịch vụ của quầy này.",
                                 "Nobody is waiting for this counter's services.", counter_id));
  }
  auto t = waiting[*next];
  t.status = "called";
  t.counter_id = counter_id;
  t.called_by = actor.user_id;
  t.called_at = to_iso(now, offset);
  t.called_at_s = now.seconds;
  t.calls = 1;
  if (!store::record_ticket_call(db, t, "waiting")) {
    return tl::unexpected(refuse(ErrorKind::conflict, "ticket_changed",
                                 "Số này vừa được quầy khác gọi; hãy gọi lại.",
                                 "Another counter has just called this ticket; call again.", t.id));
  }
  audit_ticket(db, actor.user_id, t.called_at, "queue.ticket_called", t);
  return ticket_view(db, t);
}

AppResult<TicketView> recall_ticket(store::SqlConnection& db, const Actor& actor,
                                    const std::string& ticket_id, Instant now, int offset) {
  auto t = ticket_for_receiver(db, actor, ticket_id);
  if (!t) return tl::unexpected(t.error());
  if (t->status != "called") return tl::unexpected(not_called(*t));
  // The first call's time stays: the wait ends when the ticket is first called.
  t->calls += 1;
  if (!store::record_ticket_call(db, *t, "called")) return tl::unexpected(not_called(*t));
  audit_ticket(db, actor.user_id, to_iso(now, offset), "queue.ticket_recalled", *t);
  return ticket_view(db, *t);
}

AppResult<TicketView> finish_ticket(store::SqlConnection& db, const Actor& actor,
                                    const std::string& ticket_id, const std::string& outcome,
                                    Instant now, int offset) {
  if (outcome != "served" && outcome != "no_show") {
    return tl::unexpected(refuse(ErrorKind::invalid_input, "invalid_outcome",
                                 "outcome: phải là served (đã phục vụ) hoặc no_show (vắng mặt).",
                                 "outcome: must be served or no_show.", outcome));
  }
  auto t = ticket_for_receiver(db, actor, ticket_id);
  if (!t) return tl::unexpected(t.error());
  if (t->status != "called") return tl::unexpected(not_called(*t));
  t->status = outcome;
  t->finished_by = actor.user_id;
  t->finished_at = to_iso(now, offset);
  t->finished_at_s = now.seconds;
  if (!store::record_ticket_end(db, *t)) return tl::unexpected(not_called(*t));
  audit_ticket(db, actor.user_id, t->finished_at, "queue.ticket_" + outcome, *t);
  return ticket_view(db, *t);
}

AppResult<HallDisplayView> hall_display(store::SqlConnection& db, const std::string& unit_id,
                                        Instant now, int offset) {
  const auto unit = unit_or_404(db, unit_id);
  if (!unit) return tl::unexpected(unit.error());
  HallDisplayView v{unit->id, unit->name, day_of(now, offset), {}, 0};
  std::vector<store::TicketRecord> called;
  for (const char* status : {"called", "served", "no_show"}) {
    for (auto& t : store::tickets_in_state(db, unit_id, v.day, status, kDisplayedCalls))
      called.push_back(std::move(t));
  }
  std::sort(called.begin(), called.end(), [](const auto& a, const auto& b) {
    return a.called_at_s != b.called_at_s ? a.called_at_s > b.called_at_s : a.number > b.number;
  });
  if (called.size() > static_cast<std::size_t>(kDisplayedCalls)) called.resize(kDisplayedCalls);
  for (const auto& t : called) v.called.push_back(ticket_view(db, t));
  std::vector<std::string> services;
  for (const auto& s : store::list_queue_services(db, unit_id)) services.push_back(s.id);
  v.waiting =
      static_cast<std::int64_t>(store::waiting_tickets(db, unit_id, v.day, services).size());
  return v;
}

}  // namespace motcua::app
