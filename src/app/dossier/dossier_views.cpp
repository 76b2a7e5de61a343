#include "app/dossier/dossier_views.hpp"

#include <algorithm>
#include <tuple>

namespace motcua::app {

using dossier::DossierStatus;

namespace {

std::optional<std::string> iso_or_none(const std::optional<std::int64_t>& s, int offset) {
  if (!s) return std::nullopt;
  return to_iso(Instant{*s}, offset);
}

std::vector<TimelineEntry> timeline(const History& h, int offset, bool with_people) {
  std::vector<TimelineEntry> out;
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const auto& e = h.events[i];
    TimelineEntry item;
    item.type = e.type;
    item.at = to_iso(e.at, offset);
    item.from = dossier::to_string(e.from);
    item.to = dossier::to_string(e.to);
    item.to_status = e.to;
    item.with_people = with_people;
    if (with_people) {
      item.role = dossier::to_string(e.actor_role);
      item.actor_id = h.actors[i];
      item.command = e.command;
      item.utc_offset_minutes = offset;
    }
    out.push_back(std::move(item));
  }
  return out;
}

// The last payment request and what became of it; names are filled in by the workspace.
std::optional<FeeRequestView> fee_of(const History& h, int offset) {
  std::optional<FeeRequestView> fee;
  for (std::size_t i = 0; i < h.events.size(); ++i) {
    const auto& e = h.events[i];
    if (const auto* request = std::get_if<dossier::RequestPayment>(&e.command)) {
      fee = FeeRequestView{request->amount,      request->description,
                           to_iso(e.at, offset), PersonRef{h.actors[i], std::nullopt},
                           "requested",          std::nullopt,
                           std::nullopt,         std::nullopt};
    } else if (const auto* paid = std::get_if<dossier::ConfirmPayment>(&e.command); paid && fee) {
      fee->status = "paid";
      fee->paid_at = to_iso(e.at, offset);
      fee->paid_reference = paid->reference;
      fee->confirmed_by = PersonRef{h.actors[i], std::nullopt};
    }
  }
  return fee;
}

bool listed(const std::vector<std::string>& list, std::string_view status) {
  return std::find(list.begin(), list.end(), status) != list.end();
}

bool is_paused(const std::string& status) { return listed(paused_statuses(), status); }

bool is_closed(const std::string& status) { return listed(closed_statuses(), status); }

// The queue shows what the procedure is called, not just its catalogue code; the name the dossier
// was received under is in its document.
std::string procedure_name_of(const store::DossierRecord& r) {
  const auto document = codec::dossier_document_from_text(r.document);
  return document ? document->procedure_name : std::string();
}

}  // namespace

DossierView dossier_view(const store::DossierRecord& r, const History& h, const DossierDocument& d,
                         const std::optional<clock::ClockReport>& report, int offset) {
  DossierView view;
  view.status = h.state.status;
  view.id = r.id;
  view.code = r.code;
  view.substate = dossier::to_string(dossier::progress_substate(h.state));
  view.procedure_code = r.procedure_code;
  view.procedure_version = r.procedure_version;
  view.procedure_name = d.procedure_name;
  view.variant = r.variant;
  view.agency_id = r.agency_id;
  view.receiving_unit_id = r.receiving_unit_id;
  view.channel = r.channel;
  view.return_channel = d.return_channel;
  view.applicant = d.applicant;
  view.assignee_id = r.assignee_id;
  view.step = r.current_step;
  view.submitted_at = r.submitted_at;
  view.received_at = r.received_at;
  view.due = iso_or_none(r.due_s, offset);
  view.due_766 = iso_or_none(r.due_766_s, offset);
  view.finished_at = r.finished_at;
  view.terms = d.terms;
  view.missing_items.assign(h.state.missing_items.begin(), h.state.missing_items.end());
  view.papers = d.papers;
  if (h.state.result_kind) view.result_kind = std::string(dossier::to_string(*h.state.result_kind));
  view.version = r.version;
  view.timeline = timeline(h, offset, true);
  view.clock = report;
  view.utc_offset_minutes = offset;
  view.fee = fee_of(h, offset);
  return view;
}

std::pair<std::string, std::string> tracking_status_label(dossier::DossierStatus status) {
  if (status == dossier::DossierStatus::submitted) {
    return {"Đã nộp, chờ tiếp nhận", "Submitted, awaiting reception"};
  }
  return {std::string(dossier::label_vi(status)), std::string(dossier::label_en(status))};
}

TrackingView tracking_view(const store::DossierRecord& r, const History& h,
                           std::string procedure_name, int offset) {
  TrackingView view;
  view.status = h.state.status;
  std::tie(view.status_label_vi, view.status_label_en) = tracking_status_label(view.status);
  view.code = r.code;
  view.submitted_at = r.submitted_at;
  view.procedure_name = std::move(procedure_name);
  view.applicant = mask_name(r.applicant_name);
  view.received_at = r.received_at;
  view.due = iso_or_none(r.due_s, offset);
  view.finished_at = r.finished_at;
  view.timeline = timeline(h, offset, false);
  view.pause = pause_notice(h, offset);
  view.apology = apology_notice(h, offset);
  return view;
}

const std::vector<std::string>& closed_statuses() {
  static const std::vector<std::string> statuses = {"refused_at_receipt", "stopped", "returned",
                                                    "result_ready"};
  return statuses;
}

const std::vector<std::string>& paused_statuses() {
  static const std::vector<std::string> statuses = {"awaiting_supplement", "awaiting_payment"};
  return statuses;
}

bool restrict_to_lateness(store::DossierFilter& filter, std::string_view wanted,
                          const calendar::WorkingCalendar& cal, Instant now,
                          std::optional<Seconds> soon) {
  auto& statuses = filter.statuses;
  // closed and paused: their statuses only (closed first, as lateness() asks).
  if (wanted == "closed" || wanted == "paused") {
    const bool closed = wanted == "closed";
    const auto& own = closed ? closed_statuses() : paused_statuses();
    if (statuses.empty()) statuses = own;
    std::erase_if(statuses, [&](const std::string& s) {
      return !listed(own, s) || (!closed && is_closed(s));
    });
    return !statuses.empty();
  }
  if (wanted != "overdue" && wanted != "due_soon" && wanted != "on_time") return false;
  // The others: neither closed nor paused, then by due time.
  if (statuses.empty()) {
    for (const auto* list : {&closed_statuses(), &paused_statuses()})
      filter.excluded_statuses.insert(filter.excluded_statuses.end(), list->begin(), list->end());
  } else {
    std::erase_if(statuses, [](const std::string& s) { return is_closed(s) || is_paused(s); });
    if (statuses.empty()) return false;
  }
  if (wanted == "overdue") {
    filter.due = store::DueBounds{{}, now.seconds - 1, false};
    return true;
  }
  // Working time left is monotone in the due time: at most `soon` exactly up to `last_soon`. None
  // when now is outside the calendar (every due time is then on time) or `soon` is negative.
  const Seconds threshold = soon.value_or(cal.working_seconds_per_day());
  std::optional<Instant> last_soon;
  if (threshold >= 0) {
    if (auto t = cal.latest_within_working_time(now, threshold)) last_soon = *t;
  }
  if (wanted == "due_soon") {
    if (!last_soon) return false;
    filter.due = store::DueBounds{now.seconds, last_soon->seconds, false};
    return true;
  }
  filter.due = store::DueBounds{last_soon ? last_soon->seconds + 1 : now.seconds, {}, true};
  return true;
}

std::string lateness(const store::DossierRecord& r, const calendar::WorkingCalendar& cal,
                     Instant now, std::optional<Seconds> soon) {
  if (is_closed(r.status)) return "closed";
  if (is_paused(r.status)) return "paused";
  if (!r.due_s) return "on_time";
  const Instant due{*r.due_s};
  if (now > due) return "overdue";
  const auto left = cal.working_time_between(now, due);
  if (left && *left <= soon.value_or(cal.working_seconds_per_day())) return "due_soon";
  return "on_time";
}

namespace {

QueueItem queue_item_named(const store::DossierRecord& r, std::string procedure_name,
                           const calendar::WorkingCalendar& cal, Instant now,
                           std::optional<Seconds> soon) {
  const int offset = cal.utc_offset_minutes();
  return {r.id,
          r.code,
          r.procedure_code,
          std::move(procedure_name),
          r.applicant_name,
          r.status,
          r.assignee_id,
          r.current_step,
          r.received_at,
          iso_or_none(r.due_s, offset),
          lateness(r, cal, now, soon)};
}

}  // namespace

QueueItem queue_item(const store::DossierRecord& r, const calendar::WorkingCalendar& cal,
                     Instant now, std::optional<Seconds> soon) {
  return queue_item_named(r, procedure_name_of(r), cal, now, soon);
}

std::string list_row_procedure_name(const store::DossierListRow& row) {
  return row.procedure_name.empty() ? procedure_name_of(row.record) : row.procedure_name;
}

QueueItem queue_item(const store::DossierListRow& row, const calendar::WorkingCalendar& cal,
                     Instant now, std::optional<Seconds> soon) {
  return queue_item_named(row.record, list_row_procedure_name(row), cal, now, soon);
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
