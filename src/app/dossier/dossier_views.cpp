#include "app/dossier/dossier_views.hpp"

#include <boost/json.hpp>

#include "codec/clock_json.hpp"
#include "codec/command_json.hpp"

namespace motcua::app {

namespace json = boost::json;
using dossier::DossierStatus;

namespace {

json::value time_or_null(const std::optional<std::string>& t) {
  return t ? json::value(*t) : json::value(nullptr);
}

json::value seconds_or_null(const std::optional<std::int64_t>& s, int offset) {
  return s ? json::value(to_iso(Instant{*s}, offset)) : json::value(nullptr);
}

json::object status_fields(DossierStatus s) {
  return {{"status", dossier::to_string(s)},
          {"status_label_vi", dossier::label_vi(s)},
          {"status_label_en", dossier::label_en(s)},
          {"portal_status", dossier::portal_status_code(s)}};
}

json::array timeline(const History& h, int offset, bool with_people) {
  json::array out;
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const auto& e = h.events[i];
    json::object item{{"type", e.type},
                      {"at", to_iso(e.at, offset)},
                      {"from", dossier::to_string(e.from)},
                      {"to", dossier::to_string(e.to)},
                      {"to_label_vi", dossier::label_vi(e.to)},
                      {"to_label_en", dossier::label_en(e.to)}};
    if (with_people) {
      item["role"] = dossier::to_string(e.actor_role);
      item["actor_id"] = h.actors[i];
      item["data"] = codec::command_to_json(e.command, offset);
    }
    out.push_back(std::move(item));
  }
  return out;
}

bool is_paused(const std::string& status) {
  return status == "awaiting_supplement" || status == "awaiting_payment";
}

bool is_closed(const std::string& status) {
  return status == "refused_at_receipt" || status == "stopped" || status == "returned" ||
         status == "result_ready";
}

// The queue shows what the procedure is called, not just its catalogue code; the name the dossier
// was received under is in its document.
std::string procedure_name_of(const store::DossierRecord& r) {
  boost::system::error_code ec;
  const auto doc = json::parse(r.document, ec);
  if (ec || !doc.is_object()) return {};
  const auto* name = doc.as_object().if_contains("procedure_name");
  return name != nullptr && name->is_string() ? std::string(name->as_string()) : std::string();
}

}  // namespace

json::object dossier_view(const store::DossierRecord& r, const History& h, const DossierDocument& d,
                          const std::optional<clock::ClockReport>& report, int offset) {
  auto view = status_fields(h.state.status);
  view["id"] = r.id;
  view["code"] = r.code ? json::value(*r.code) : json::value(nullptr);
  view["substate"] = dossier::to_string(dossier::progress_substate(h.state));
  view["procedure"] = {{"code", r.procedure_code},
                       {"version", r.procedure_version},
                       {"name", d.procedure_name},
                       {"variant", r.variant}};
  view["agency_id"] = r.agency_id;
  view["receiving_unit_id"] = time_or_null(r.receiving_unit_id);
  view["channel"] = r.channel;
  view["return_channel"] = dossier::to_string(d.return_channel);
  view["applicant"] = to_json(d)["applicant"];
  view["assignee_id"] = time_or_null(r.assignee_id);
  view["step"] = r.current_step;
  view["submitted_at"] = time_or_null(r.submitted_at);
  view["received_at"] = time_or_null(r.received_at);
  view["due"] = seconds_or_null(r.due_s, offset);
  view["due_766"] = seconds_or_null(r.due_766_s, offset);
  view["finished_at"] = time_or_null(r.finished_at);
  view["terms"] = to_json(d)["terms"];
  json::array missing;
  for (const auto& item : h.state.missing_items) missing.emplace_back(item);
  view["missing_items"] = std::move(missing);
  view["papers"] = d.papers;
  view["result_kind"] = h.state.result_kind ? json::value(dossier::to_string(*h.state.result_kind))
                                            : json::value(nullptr);
  view["version"] = r.version;
  view["timeline"] = timeline(h, offset, true);
  if (report) {
    auto clock = codec::clock_report_to_json(*report, offset);
    view["control_sheet"] = clock["steps"];
    view["clock"] = std::move(clock);
  } else {
    view["clock"] = nullptr;
    view["control_sheet"] = json::array{};
  }
  return view;
}

json::object tracking_view(const store::DossierRecord& r, const History& h,
                           const DossierDocument& d, int offset) {
  auto view = status_fields(h.state.status);
  view["code"] = r.code ? json::value(*r.code) : json::value(nullptr);
  view["procedure_name"] = d.procedure_name;
  view["applicant"] = mask_name(r.applicant_name);
  view["received_at"] = time_or_null(r.received_at);
  view["due"] = seconds_or_null(r.due_s, offset);
  view["finished_at"] = time_or_null(r.finished_at);
  view["timeline"] = timeline(h, offset, false);
  return view;
}

std::string lateness(const store::DossierRecord& r, const calendar::WorkingCalendar& cal,
                     Instant now) {
  if (is_closed(r.status)) return "closed";
  if (is_paused(r.status)) return "paused";
  if (!r.due_s) return "on_time";
  const Instant due{*r.due_s};
  if (now > due) return "overdue";
  const auto left = cal.working_time_between(now, due);
  if (left && *left <= cal.working_seconds_per_day()) return "due_soon";
  return "on_time";
}

json::object queue_item(const store::DossierRecord& r, const calendar::WorkingCalendar& cal,
                        Instant now) {
  const int offset = cal.utc_offset_minutes();
  return {{"id", r.id},
          {"code", r.code ? json::value(*r.code) : json::value(nullptr)},
          {"procedure_code", r.procedure_code},
          {"procedure_name", procedure_name_of(r)},
          {"applicant_name", r.applicant_name},
          {"status", r.status},
          {"assignee_id", time_or_null(r.assignee_id)},
          {"step", r.current_step},
          {"received_at", time_or_null(r.received_at)},
          {"due", seconds_or_null(r.due_s, offset)},
          {"lateness", lateness(r, cal, now)}};
}

std::string mask_name(const std::string& name) {
  std::string out;
  bool word_start = true;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80           ? 1
                            : (c >> 5) == 0x6  ? 2
                            : (c >> 4) == 0xE  ? 3
                            : (c >> 3) == 0x1E ? 4
                                               : 1;
    if (c == ' ') {
      out.push_back(' ');
      word_start = true;
    } else if (word_start) {
      out.append(name, i, len);
      word_start = false;
    } else {
      out.push_back('*');
    }
    i += len;
  }
  return out;
}

}  // namespace motcua::app
