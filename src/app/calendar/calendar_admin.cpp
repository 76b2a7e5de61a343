#include "app/calendar/calendar_admin.hpp"

#include <algorithm>
#include <set>

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "codec/calendar_audit_json.hpp"
#include "codec/calendar_files.hpp"
#include "codec/iso_time.hpp"
#include "domain/clock/legal_clock.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/calendar_repository.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"
#include "store/open_dossiers.hpp"

namespace motcua::app {

using calendar::DayKind;
using calendar::DayStatus;
using calendar::WorkingCalendar;
using calendar::YearSchedule;

namespace {

// An announced year lists a few dozen exceptions; anything far beyond is not a schedule.
constexpr std::size_t kMaxDays = 120;
// The audit row lists the changed dossiers up to this many; the count is always exact.
constexpr std::size_t kMaxListedDossiers = 500;

CalendarProblem calendar_problem(std::string_view code, const std::string& date,
                                 const std::string& vi, const std::string& en) {
  return {std::string(code), date, vi, en};
}

bool is_off(DayStatus s) {
  return s == DayStatus::holiday || s == DayStatus::compensatory || s == DayStatus::swap_off;
}

std::optional<std::string> instant_or_null(std::optional<std::int64_t> s, int offset) {
  if (!s) return std::nullopt;
  return to_iso(Instant{*s}, offset);
}

std::optional<std::int64_t> seconds_of(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(t->seconds) : std::nullopt;
}

// The calendar is the whole country's: only an administrator of a root agency (the province)
// changes it.
AppResult<void> require_calendar_administrator(store::SqlConnection& db, const Actor& actor) {
  if (!actor.applicant) {
    for (const auto& root : store::root_agency_ids(db)) {
      for (const auto& g : actor.grants) {
        if (g.role == dossier::Role::administrator && g.agency_id == root) return {};
      }
    }
  }
  return tl::unexpected(
      forbidden_action("only an administrator of the province changes the working calendar"));
}

// Checks one entry of "days" or "pending"; adds problems, returns the day when usable.
std::optional<calendar::ScheduledDay> check_day(const SubmittedDay& day, int year, bool pending,
                                                std::set<std::int32_t>& seen,
                                                std::vector<CalendarProblem>& problems) {
  if (!day.is_object) {
    problems.push_back(calendar_problem("malformed_day", "", "Mỗi ngày phải là một đối tượng JSON.",
                                        "Each day must be a JSON object."));
    return std::nullopt;
  }
  const std::string& date_text = day.date;
  const auto date = codec::parse_iso_date(date_text);
  if (!date) {
    problems.push_back(calendar_problem("invalid_date", date_text,
                                        "Ngày không hợp lệ (cần dạng YYYY-MM-DD).",
                                        "Not a valid date (YYYY-MM-DD expected)."));
    return std::nullopt;
  }
  bool ok = true;
  if (ymd_of(*date).year != year) {
    problems.push_back(calendar_problem("date_outside_year", date_text,
                                        "Ngày không thuộc năm " + std::to_string(year) + ".",
                                        "The day is not in " + std::to_string(year) + "."));
    ok = false;
  }
  if (!seen.insert(date->days).second) {
    problems.push_back(calendar_problem("duplicate_day", date_text, "Ngày bị khai báo hai lần.",
                                        "The day is listed twice."));
    ok = false;
  }
  const std::string& kind_text = day.kind;
  const auto kind = calendar::parse_day_kind(kind_text);
  if (!kind) {
    problems.push_back(calendar_problem(
        "unknown_kind", date_text, "Loại ngày không hợp lệ: '" + kind_text + "'.",
        "Unknown day kind '" + kind_text +
            "' (holiday, compensatory, swap_off, makeup_workday, pending_holiday)."));
    return std::nullopt;
  }
  if (pending != (*kind == DayKind::pending_holiday)) {
    problems.push_back(calendar_problem(
        "misplaced_pending", date_text,
        "Ngày chờ công nhận (pending_holiday) chỉ nằm trong danh sách \"pending\".",
        "pending_holiday days belong in \"pending\", and only they do."));
    ok = false;
  }
  const auto weekday = weekday_of(*date);
  const bool weekend = weekday == Weekday::saturday || weekday == Weekday::sunday;
  if (*kind == DayKind::makeup_workday && !weekend) {
    problems.push_back(calendar_problem("makeup_not_weekend", date_text,
                                        "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.",
                                        "A make-up working day must be a Saturday or Sunday."));
    ok = false;
  }
  if ((*kind == DayKind::compensatory || *kind == DayKind::swap_off) && weekend) {
    problems.push_back(calendar_problem("day_off_on_weekend", date_text,
                                        "Ngày nghỉ bù hoặc hoán đổi phải là ngày trong tuần.",
                                        "A compensatory or swapped day off must be a weekday."));
    ok = false;
  }
  const std::string& name = day.name;
  if (name.empty() || name.size() > 300) {
    problems.push_back(calendar_problem("missing_name", date_text,
                                        "Cần tên ngày (tiếng Việt, tối đa 300 ký tự).",
                                        "The day needs a name (Vietnamese, at most 300 chars)."));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return calendar::ScheduledDay{*date, *kind, name, "", ""};
}

}  // namespace

// ---- the calendar in use ----

ActiveCalendar::ActiveCalendar(WorkingCalendar from_files, calendar::CalendarOptions options)
    : hours_(from_files.office_hours()), options_(options) {
  for (int year = calendar::kFirstCalendarYear; year <= calendar::kLastCalendarYear; ++year) {
    const auto* schedule = from_files.schedule_of(year);
    if (schedule != nullptr && !schedule->provisional) file_years_.emplace(year, *schedule);
  }
  current_.store(std::make_shared<const WorkingCalendar>(std::move(from_files)));
}

tl::expected<CalendarPtr, std::string> ActiveCalendar::build(
    const std::map<int, YearSchedule>& stored) const {
  auto years = file_years_;
  for (const auto& [year, schedule] : stored) years[year] = schedule;
  auto built = WorkingCalendar::build(std::move(years), hours_, options_);
  if (!built) return tl::unexpected(built.error());
  return std::make_shared<const WorkingCalendar>(std::move(*built));
}

void ActiveCalendar::publish(CalendarPtr next) {
  auto previous = current_.exchange(std::move(next));
  const std::lock_guard lock(retired_mu_);
  retired_.push_back(std::move(previous));
}

std::map<int, YearSchedule> stored_years(store::SqlConnection& db) {
  std::map<int, YearSchedule> out;
  for (const auto& row : store::list_calendar_years(db)) {
    auto schedule = codec::parse_year_schedule(row.document);
    if (!schedule) {
      throw store::StoreError("stored calendar year " + std::to_string(row.year) +
                              " cannot be read: " + schedule.error());
    }
    out.emplace(row.year, std::move(*schedule));
  }
  return out;
}

// ---- reading ----

CalendarYearsView list_calendar_years(store::SqlConnection& db, const WorkingCalendar& cal,
                                      const ActiveCalendar& active, int from, int to) {
  std::map<int, store::CalendarYearRow> stored;
  for (auto& row : store::list_calendar_years(db)) stored.emplace(row.year, std::move(row));
  CalendarYearsView out{calendar::kFirstCalendarYear, calendar::kLastCalendarYear, {}};
  for (int year = from; year <= to; ++year) {
    const auto* schedule = cal.schedule_of(year);
    if (schedule == nullptr) continue;
    const auto row = stored.find(year);
    const bool in_db = row != stored.end();
    CalendarYearView item;
    item.year = year;
    item.source = in_db ? "database" : active.file_years().contains(year) ? "file" : "provisional";
    item.provisional = cal.is_provisional_year(year);
    if (in_db) {
      item.version = row->second.version;
      item.updated_by = row->second.updated_by;
      item.updated_at = row->second.updated_at;
    }
    for (const auto& d : schedule->days) {
      item.days.push_back({to_iso(d.date), std::string(calendar::to_string(d.kind)), d.name,
                           d.name_en, d.source,
                           std::string(calendar::to_string(cal.status(d.date)))});
    }
    const auto first = date_from_ymd(year, 1, 1);
    const auto last = date_from_ymd(year, 12, 31);
    for (auto d = first; d <= last; d = d + 1) {
      const auto status = cal.status(d);
      if (is_off(status)) ++item.weekdays_off;
      if (status == DayStatus::makeup_workday) ++item.makeup_workdays;
    }
    out.years.push_back(std::move(item));
  }
  return out;
}

// ---- checking an import ----

YearDraft read_year_draft(const SubmittedYear& submitted, int year) {
  YearDraft draft;
  if (!submitted.is_object) {
    draft.problems.push_back(calendar_problem("malformed_calendar", "",
                                              "Lịch năm phải là một đối tượng JSON.",
                                              "The year must be a JSON object."));
    return draft;
  }
  if (!submitted.year || *submitted.year != year) {
    draft.problems.push_back(calendar_problem(
        "year_mismatch", "", "Trường \"year\" phải là " + std::to_string(year) + ".",
        "The \"year\" member must be " + std::to_string(year) + "."));
  }
  if (year < calendar::kFirstCalendarYear || year > calendar::kLastCalendarYear) {
    draft.problems.push_back(calendar_problem("year_out_of_range", "",
                                              "Năm nằm ngoài phạm vi lịch 1900-2100.",
                                              "The year is outside the calendar's 1900-2100."));
    return draft;
  }
  std::set<std::int32_t> seen;
  std::size_t count = 0;
  for (const auto& [key, list] :
       {std::pair<std::string, const SubmittedDayList*>{"days", &submitted.days},
        {"pending", &submitted.pending}}) {
    if (!list->present) continue;
    if (!list->is_array) {
      draft.problems.push_back(calendar_problem("malformed_calendar", "",
                                                "\"" + key + "\" phải là một mảng.",
                                                "\"" + key + "\" must be an array."));
      continue;
    }
    count += list->entries.size();
    for (const auto& day : list->entries) {
      (void)check_day(day, year, key == "pending", seen, draft.problems);
    }
  }
  if (count > kMaxDays) {
    draft.problems.push_back(calendar_problem(
        "too_many_days", "", "Quá nhiều ngày (tối đa " + std::to_string(kMaxDays) + ").",
        "Too many days (at most " + std::to_string(kMaxDays) + ")."));
  }
  if (!draft.problems.empty()) return draft;
  draft.document = submitted.document;
  auto parsed = codec::parse_year_schedule(draft.document);
  if (!parsed) {
    draft.problems.push_back(calendar_problem(
        "malformed_calendar", "", "Lịch năm không đúng định dạng: " + parsed.error(),
        "The year is not in the file format: " + parsed.error()));
    return draft;
  }
  draft.schedule = std::move(*parsed);
  return draft;
}

// ---- consequences ----

std::vector<DayChange> changed_days(const WorkingCalendar& before, const WorkingCalendar& after,
                                    int year) {
  std::vector<DayChange> out;
  const auto first = date_from_ymd(year, 1, 1);
  const auto last = date_from_ymd(year, 12, 31);
  for (auto d = first; d <= last; d = d + 1) {
    if (before.status(d) == after.status(d)) continue;
    out.push_back({to_iso(d), std::string(calendar::to_string(before.status(d))),
                   std::string(calendar::to_string(after.status(d)))});
  }
  return out;
}

std::vector<DueDateChange> recompute_open_dossiers(store::SqlConnection& db,
                                                   const WorkingCalendar& cal, bool write,
                                                   const std::string& now_iso) {
  const int offset = cal.utc_offset_minutes();
  std::vector<DueDateChange> changed;
  for (const auto& id : store::open_dossier_ids(db)) {
    auto record = store::find_dossier(db, id);
    if (!record) continue;
    const auto document = document_from_json(db, record->document);
    const auto history = load_history(store::events_of(db, record->id), offset);
    const auto input = clock_input(history, document.terms);
    if (!input) continue;
    const auto report = clock::replay(cal, *input);
    // A timeline the new calendar cannot replay (a date beyond 2100) keeps its stored dates.
    if (!report) continue;
    const auto due = seconds_of(report->due);
    const auto due_766 = seconds_of(report->due_766);
    if (due == record->due_s && due_766 == record->due_766_s) continue;
    changed.push_back({record->id, record->code ? *record->code : "",
                       instant_or_null(record->due_s, offset), instant_or_null(due, offset),
                       instant_or_null(record->due_766_s, offset),
                       instant_or_null(due_766, offset)});
    if (write) {
      record->due_s = due;
      record->due_766_s = due_766;
      record->updated_at = now_iso;
      ++record->version;
      store::update_dossier(db, *record);
    }
  }
  return changed;
}

AppResult<YearImportView> import_calendar_year(store::SqlConnection& db, const Actor& actor,
                                               const YearImport& request, const YearDraft& draft,
                                               const WorkingCalendar& before,
                                               const WorkingCalendar& next,
                                               const std::string& now_iso) {
  if (auto ok = require_calendar_administrator(db, actor); !ok) return tl::unexpected(ok.error());
  if (!draft.schedule || !draft.problems.empty()) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "invalid_calendar",
                                   "Lịch năm chưa hợp lệ.", "The calendar year is not valid.",
                                   std::to_string(draft.problems.size()) + " problem(s)"});
  }
  const auto stored = store::find_calendar_year(db, request.year);
  const std::int64_t current = stored ? stored->version : 0;
  if (request.expected_version != current) {
    return tl::unexpected(
        conflict("calendar_version_mismatch",
                 "Lịch năm này vừa được người khác thay đổi; hãy tải lại rồi nhập lại.",
                 "This year was changed by someone else; reload and import again.",
                 "stored version " + std::to_string(current) + ", expected " +
                     std::to_string(request.expected_version)));
  }
  const bool blank_reason = std::all_of(request.reason.begin(), request.reason.end(),
                                        [](unsigned char c) { return std::isspace(c) != 0; });
  if (!request.dry_run && blank_reason) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do thay đổi (ví dụ số văn bản công bố).",
                                   "A reason is required (the announcement's number, say).", ""});
  }
  YearImportView view;
  view.year = request.year;
  view.dry_run = request.dry_run;
  view.provisional_before = before.is_provisional_year(request.year);
  view.provisional = next.is_provisional_year(request.year);
  view.changed_days = changed_days(before, next, request.year);
  view.dossiers = recompute_open_dossiers(db, next, !request.dry_run, now_iso);
  view.dossiers_changed = static_cast<std::int64_t>(view.dossiers.size());
  view.version = request.dry_run ? current : current + 1;
  if (!request.dry_run) {
    store::save_calendar_year(db,
                              {request.year, draft.document, view.version, actor.user_id, now_iso});
    std::vector<codec::AuditDayChange> days;
    for (const auto& d : view.changed_days) days.push_back({d.date, d.before, d.after});
    std::vector<codec::AuditDueChange> listed;
    for (std::size_t i = 0; i < view.dossiers.size() && i < kMaxListedDossiers; ++i) {
      const auto& d = view.dossiers[i];
      listed.push_back(
          {d.id, d.code, d.due_before, d.due_after, d.due_766_before, d.due_766_after});
    }
    store::append_audit(db, {0, actor.user_id, now_iso, "calendar.year_imported",
                             "calendar:" + std::to_string(request.year), request.reason,
                             codec::calendar_import_details(request.year, view.version, days,
                                                            view.dossiers_changed, listed)});
  }
  return view;
}

}  // namespace motcua::app
