#include "app/warnings/due_warnings.hpp"

#include <algorithm>
#include <charconv>

#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "app/notifications/official_notices.hpp"
#include "codec/admin_audit_json.hpp"
#include "codec/official_notice.hpp"
#include "store/account_repository.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"
#include "store/installation_settings.hpp"
#include "store/official_directory.hpp"
#include "store/outbox.hpp"

namespace motcua::app {

namespace {

constexpr const char* kSetting = "warning_working_hours";
constexpr const char* kTopic = "notify.official";

// Statuses whose clock runs: a paused dossier cannot breach, a finished one is done.
const std::vector<std::string> kRunning = {"received", "in_progress"};

std::optional<int> parse_hours(const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < 1 || value > kMaxWarningHours) return std::nullopt;
  return value;
}

std::vector<std::string> leaders_of(store::SqlConnection& db, const std::string& agency_id) {
  std::vector<std::string> out;
  for (const auto& g : store::official_grants_in(db, agency_id)) {
    if (g.role == dossier::to_string(dossier::Role::leader) &&
        std::find(out.begin(), out.end(), g.user_id) == out.end())
      out.push_back(g.user_id);
  }
  return out;
}

// Due soon: the working time left is at most the threshold (and the due time not yet passed).
bool within(const calendar::WorkingCalendar& cal, Instant now, Instant due, int hours) {
  if (now > due) return false;
  const auto left = cal.working_time_between(now, due);
  return left && *left <= static_cast<Seconds>(hours) * kSecondsPerHour;
}

void add_alerts(const store::DossierRecord& r, const calendar::WorkingCalendar& cal, Instant now,
                int hours, const History& h, const DossierDocument& d, std::vector<DueAlert>& out) {
  const auto input = clock_input(h, d.terms);
  if (!input) return;
  const auto report = clock::replay(cal, *input);
  if (!report || report->finished || report->paused) return;
  const int offset = cal.utc_offset_minutes();
  DueAlert base;
  base.dossier_id = r.id;
  base.dossier_code = r.code.value_or("");
  base.procedure_name = d.procedure_name;
  base.agency_id = r.agency_id;
  base.holder_id = r.assignee_id.value_or("");
  if (report->due) {
    const Instant due = *report->due;
    if (now > due || within(cal, now, due, hours)) {
      DueAlert a = base;
      a.kind = now > due ? "overdue" : "due_soon";
      a.due = due;
      a.due_iso = to_iso(due, offset);
      out.push_back(std::move(a));
    }
  }
  // The step under way is the last one begun and not ended.
  if (!report->steps.empty() && !report->steps.back().ended && report->steps.back().due) {
    const auto& step = report->steps.back();
    const Instant due = *step.due;
    if (now > due || within(cal, now, due, hours)) {
      DueAlert a = base;
      a.kind = now > due ? "step_overrun" : "step_due_soon";
      a.step = step.name;
      a.due = due;
      a.due_iso = to_iso(due, offset);
      out.push_back(std::move(a));
    }
  }
}

codec::OfficialNotice notice_of(const DueAlert& a, std::vector<std::string> recipients,
                                const std::string& now_iso) {
  codec::OfficialNotice n{a.kind, a.dossier_id, a.dossier_code,        a.agency_id,
                          a.step, a.due_iso,    std::move(recipients), "",
                          "",     now_iso};
  const std::string what_vi = "Hồ sơ " + a.dossier_code + " (" + a.procedure_name + ")";
  const std::string what_en = "Dossier " + a.dossier_code + " (" + a.procedure_name + ")";
  if (a.kind == "due_soon") {
    n.message_vi = what_vi + " sắp đến hạn giải quyết: " + a.due_iso;
    n.message_en = what_en + " is due soon: " + a.due_iso;
  } else if (a.kind == "step_due_soon") {
    n.message_vi = what_vi + ": bước \"" + a.step + "\" sắp hết thời gian: " + a.due_iso;
    n.message_en = what_en + ": step \"" + a.step + "\" is due soon: " + a.due_iso;
  } else if (a.kind == "overdue") {
    n.message_vi = what_vi + " đã quá hạn giải quyết từ " + a.due_iso + "; báo cáo cấp trên";
    n.message_en = what_en + " is overdue since " + a.due_iso + "; escalated to the next level";
  } else {
    n.message_vi = what_vi + ": bước \"" + a.step + "\" đã quá thời gian từ " + a.due_iso;
    n.message_en = what_en + ": step \"" + a.step + "\" overran its time since " + a.due_iso;
  }
  return n;
}

}  // namespace

int warning_hours(store::SqlConnection& db) {
  const auto stored = store::installation_setting(db, kSetting);
  if (!stored) return kDefaultWarningHours;
  return parse_hours(*stored).value_or(kDefaultWarningHours);
}

WarningThreshold warning_threshold(store::SqlConnection& db) {
  WarningThreshold out;
  out.hours = warning_hours(db);
  const auto last = store::latest_audit(db, "setting.changed", kSetting);
  if (!last) return out;
  out.changed_by = last->actor_id;
  if (const auto user = store::find_active_user(db, last->actor_id)) {
    out.changed_by_name = user->display_name;
  }
  out.changed_at = last->at;
  out.reason = last->reason;
  if (const auto before = codec::setting_change_before(last->details)) {
    out.previous_hours = static_cast<int>(*before);
  }
  return out;
}

AppResult<int> set_warning_hours(store::SqlConnection& db, const Actor& actor, int hours,
                                 const std::string& reason, const std::string& now_iso) {
  if (actor.applicant || !actor.has_role(dossier::Role::administrator))
    return tl::unexpected(forbidden_action("only administrators change the warning threshold"));
  if (hours < 1 || hours > kMaxWarningHours) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_warning_hours",
        "hours: số giờ làm việc báo trước phải từ 1 đến " + std::to_string(kMaxWarningHours),
        "hours: the warning threshold must be 1 to " + std::to_string(kMaxWarningHours) +
            " working hours",
        "hours"});
  }
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "reason: cần ghi lý do thay đổi",
                                   "reason: a reason for the change is required", "reason"});
  }
  const int before = warning_hours(db);
  store::set_installation_setting(db, kSetting, std::to_string(hours));
  store::append_audit(
      db, {0, actor.user_id, now_iso, "setting.changed", kSetting, reason,
           "{\"before\":" + std::to_string(before) + ",\"after\":" + std::to_string(hours) + "}"});
  return hours;
}

std::vector<DueAlert> due_alerts(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                                 Instant now, int hours,
                                 const std::vector<std::string>& agency_ids) {
  store::DossierFilter filter;
  filter.agency_ids = agency_ids;
  filter.statuses = kRunning;
  filter.limit = 100000;
  std::vector<DueAlert> out;
  const int offset = cal.utc_offset_minutes();
  for (const auto& r : store::list_dossiers(db, filter)) {
    const auto history = load_history(store::events_of(db, r.id), offset);
    add_alerts(r, cal, now, hours, history, document_from_json(db, r.document), out);
  }
  return out;
}

WarnRun write_due_warnings(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                           Instant now) {
  WarnRun run;
  run.hours = warning_hours(db);
  const auto alerts = due_alerts(db, cal, now, run.hours);
  run.alerts = static_cast<int>(alerts.size());
  const std::string now_iso = to_iso(now, cal.utc_offset_minutes());
  for (const auto& a : alerts) {
    std::vector<std::string> recipients;
    std::string key =
        a.dossier_id + ":" + a.kind + ":" + a.step + ":" + std::to_string(a.due.seconds);
    if (a.kind == "overdue") {
      // The next level: the leaders of the parent agency; a root agency's own leaders.
      const auto parent = store::parent_of(db, a.agency_id);
      recipients = leaders_of(db, parent.value_or(a.agency_id));
    } else {
      if (!a.holder_id.empty()) recipients.push_back(a.holder_id);
      for (auto& l : leaders_of(db, a.agency_id))
        if (l != a.holder_id) recipients.push_back(std::move(l));
      if (a.kind != "step_overrun") key += ":" + std::to_string(run.hours) + "h";
    }
    notifications::write_official_mail(
        db, cal, {a.kind, a.dossier_id, a.dossier_code, a.procedure_name, a.step, a.due},
        recipients, key, now);
    const auto text = codec::official_notice_to_text(notice_of(a, std::move(recipients), now_iso));
    if (store::enqueue_outbox(db, kTopic, key, text, now_iso, now.seconds)) ++run.written;
  }
  return run;
}

AppResult<WarningsView> warnings_for(store::SqlConnection& db, const Actor& actor,
                                     const calendar::WorkingCalendar& cal, Instant now) {
  if (actor.applicant) return tl::unexpected(forbidden_action("warnings are for officials"));
  WarningsView view;
  view.hours = warning_hours(db);
  const auto scope = scoped_agencies(db, actor);
  if (scope.empty()) return view;
  std::vector<std::string> led;  // agencies where the actor is a leader, by direct grant
  for (const auto& g : actor.grants)
    if (g.role == dossier::Role::leader) led.push_back(g.agency_id);
  const auto leads = [&](const std::string& agency) {
    return std::find(led.begin(), led.end(), agency) != led.end();
  };
  for (auto& a : due_alerts(db, cal, now, view.hours, scope)) {
    const bool holds = a.holder_id == actor.user_id;
    if (a.kind == "due_soon" || a.kind == "step_due_soon") {
      if (holds || leads(a.agency_id)) view.due_soon.push_back(std::move(a));
    } else if (a.kind == "overdue") {
      const auto parent = store::parent_of(db, a.agency_id);
      if (leads(parent.value_or(a.agency_id))) view.escalated.push_back(std::move(a));
    } else if (leads(a.agency_id) || leads(store::parent_of(db, a.agency_id).value_or(""))) {
      view.step_overruns.push_back(std::move(a));
    }
  }
  return view;
}

}  // namespace motcua::app
