#include "app/queue/queue_common.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "domain/queue/ticket_order.hpp"

namespace motcua::app::queue_detail {

AppError refuse(ErrorKind kind, const std::string& code, const std::string& vi,
                const std::string& en, const std::string& detail) {
  return AppError{kind, code, vi, en, detail};
}

std::string day_of(Instant now, int utc_offset_minutes) {
  return to_iso(to_local(now, utc_offset_minutes).date);
}

AppResult<store::OneStopUnitRow> unit_or_404(store::SqlConnection& db, const std::string& unit_id) {
  auto unit = store::find_unit(db, unit_id);
  if (!unit) {
    return tl::unexpected(refuse(ErrorKind::not_found, "unknown_unit",
                                 "Không có bộ phận một cửa '" + unit_id + "'.",
                                 "There is no one-stop unit '" + unit_id + "'.", unit_id));
  }
  return *unit;
}

bool serves_unit(store::SqlConnection& db, const Actor& actor, const store::OneStopUnitRow& unit,
                 std::optional<dossier::Role> role) {
  if (actor.applicant) return false;
  const auto agencies = scoped_agencies(db, actor, role);
  return std::find(agencies.begin(), agencies.end(), unit.agency_id) != agencies.end();
}

TicketView ticket_view(store::SqlConnection& db, const store::TicketRecord& t) {
  TicketView v;
  v.id = t.id;
  v.number = t.number;
  v.label = queue::ticket_label(t.number);
  v.unit_id = t.unit_id;
  v.service_id = t.service_id;
  if (const auto s = store::find_queue_service(db, t.service_id)) v.service_name = s->name;
  v.priority_group = t.priority_group;
  v.status = t.status;
  v.slip_vi = "Số " + v.label;
  v.slip_en = "Number " + v.label;
  if (!t.counter_id.empty()) {
    if (const auto c = store::find_queue_counter(db, t.counter_id)) {
      v.counter_number = c->number;
      v.slip_vi += " — Quầy " + std::to_string(c->number);
      v.slip_en += " — Counter " + std::to_string(c->number);
      if (t.status != "waiting") {
        v.call_text_vi = queue::call_text_vi(t.number, c->number);
        v.call_text_en = queue::call_text_en(t.number, c->number);
      }
    }
  }
  v.calls = t.calls;
  v.taken_at = t.taken_at;
  if (!t.called_at.empty()) v.called_at = t.called_at;
  if (!t.finished_at.empty()) v.finished_at = t.finished_at;
  return v;
}

QueueServiceView service_view(const store::QueueServiceRecord& s) {
  return {s.id, s.unit_id, s.name, s.active};
}

QueueCounterView counter_view(store::SqlConnection& db, const store::QueueCounterRecord& c,
                              const std::string& unit_name, const std::string& day) {
  QueueCounterView v{c.id, c.unit_id, unit_name, c.number, {}, 0, {}, c.active};
  for (const auto& id : c.service_ids) {
    if (const auto s = store::find_queue_service(db, id)) v.services.push_back(service_view(*s));
  }
  v.waiting =
      static_cast<std::int64_t>(store::waiting_tickets(db, c.unit_id, day, c.service_ids).size());
  for (const auto& t : store::tickets_in_state(db, c.unit_id, day, "called", 100)) {
    if (t.counter_id == c.id) {
      v.current = ticket_view(db, t);
      break;
    }
  }
  return v;
}

}  // namespace motcua::app::queue_detail
