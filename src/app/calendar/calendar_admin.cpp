#include "app/calendar/calendar_admin.hpp"

#include <algorithm>
#include <set>

#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_history.hpp"
#include "codec/calendar_files.hpp"
#include "codec/iso_time.hpp"
#include "domain/clock/legal_clock.hpp"
#include "store/audit_log.hpp"
#include "store/calendar_repository.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

namespace json = boost::json;
using calendar::DayKind;
using calendar::DayStatus;
using calendar::WorkingCalendar;
using calendar::YearSchedule;

namespace {

constexpr const char* kOpenDossiers =
    "SELECT id FROM dossiers WHERE received_at IS NOT NULL AND finished_at IS NULL ORDER BY id";
constexpr const char* kRootAgencies = "SELECT id FROM agencies WHERE parent_id IS NULL";
// An announced year lists a few dozen exceptions; anything far beyond is not a schedule.
constexpr std::size_t kMaxDays = 120;
// The audit row lists the changed dossiers up to this many; the count is always exact.
constexpr std::size_t kMaxListedDossiers = 500;

json::object calendar_problem(std::string_view code, const std::string& date, const std::string& vi,
                              const std::string& en) {
  return {{"code", code}, {"date", date}, {"message_vi", vi}, {"message_en", en}};
}

bool is_off(DayStatus s) {
  return s == DayStatus::holiday || s == DayStatus::compensatory || s == DayStatus::swap_off;
}

json::value instant_or_null(std::optional<std::int64_t> s, int offset) {
  if (!s) return nullptr;
  return json::value(to_iso(Instant{*s}, offset));
}

std::optional<std::int64_t> seconds_of(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(t->seconds) : std::nullopt;
}

// The calendar is the whole country's: only an administrator of a root agency (the province)
// changes it.
AppResult<void> require_calendar_administrator(store::SqlConnection& db, const Actor& actor) {
  if (!actor.applicant) {
    for (const auto& row : db.query(kRootAgencies)) {
      for (const auto& g : actor.grants) {
        if (g.role == dossier::Role::administrator && g.agency_id == row.text(0)) return {};
      }
    }
  }
  return tl::unexpected(
      forbidden_action("only an administrator of the province changes the working calendar"));
}

// Checks one entry of "days" or "pending"; adds problems, returns the day when usable.
std::optional<calendar::ScheduledDay> check_day(const json::value& v, int year, bool pending,
                                                std::set<std::int32_t>& seen,
                                                json::array& problems) {
  if (!v.is_object()) {
    problems.push_back(calendar_problem("malformed_day", "", "Mỗi ngày phải là một đối tượng JSON.",
                                        "Each day must be a JSON object."));
    return std::nullopt;
  }
  const auto& o = v.as_object();
  const auto* date_v = o.if_contains("date");
  const std::string date_text =
      date_v != nullptr && date_v->is_string() ? std::string(date_v->as_string()) : "";
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
  const auto* kind_v = o.if_contains("kind");
  const std::string kind_text =
      kind_v != nullptr && kind_v->is_string() ? std::string(kind_v->as_string()) : "";
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
  const auto* name_v = o.if_contains("name");
  const std::string name =
      name_v != nullptr && name_v->is_string() ? std::string(name_v->as_string()) : "";
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

json::object list_calendar_years(store::SqlConnection& db, const WorkingCalendar& cal,
                                 const ActiveCalendar& active, int from, int to) {
  std::map<int, store::CalendarYearRow> stored;
  for (auto& row : store::list_calendar_years(db)) stored.emplace(row.year, std::move(row));
  json::array years;
  for (int year = from; year <= to; ++year) {
    const auto* schedule = cal.schedule_of(year);
    if (schedule == nullptr) continue;
    const auto row = stored.find(year);
    const bool in_db = row != stored.end();
    const char* source = in_db                                ? "database"
                         : active.file_years().contains(year) ? "file"
                                                              : "provisional";
    json::array days;
    for (const auto& d : schedule->days) {
      days.push_back(json::object{{"date", to_iso(d.date)},
                                  {"kind", calendar::to_string(d.kind)},
                                  {"name", d.name},
                                  {"name_en", d.name_en},
                                  {"source", d.source},
                                  {"status", calendar::to_string(cal.status(d.date))}});
    }
    std::int64_t off = 0, makeup = 0;
    const auto first = date_from_ymd(year, 1, 1);
    const auto last = date_from_ymd(year, 12, 31);
    for (auto d = first; d <= last; d = d + 1) {
      const auto status = cal.status(d);
      if (is_off(status)) ++off;
      if (status == DayStatus::makeup_workday) ++makeup;
    }
    json::object item{{"year", year},
                      {"source", source},
                      {"provisional", cal.is_provisional_year(year)},
                      {"version", in_db ? row->second.version : std::int64_t{0}},
                      {"updated_by", in_db ? json::value(row->second.updated_by) : nullptr},
                      {"updated_at", in_db ? json::value(row->second.updated_at) : nullptr},
                      {"weekdays_off", off},
                      {"makeup_workdays", makeup},
                      {"days", std::move(days)}};
    years.push_back(std::move(item));
  }
  return {{"first_year", calendar::kFirstCalendarYear},
          {"last_year", calendar::kLastCalendarYear},
          {"years", std::move(years)}};
}

// ---- checking an import ----

YearDraft read_year_draft(const json::value& body, int year) {
  YearDraft draft;
  if (!body.is_object()) {
    draft.problems.push_back(calendar_problem("malformed_calendar", "",
                                              "Lịch năm phải là một đối tượng JSON.",
                                              "The year must be a JSON object."));
    return draft;
  }
  json::object o = body.as_object();
  // Members of the request, not of the schedule.
  for (const char* key : {"reason", "expected_version"}) o.erase(key);
  const auto* year_v = o.if_contains("year");
  if (year_v == nullptr || !year_v->is_int64() || year_v->as_int64() != year) {
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
  for (const char* key : {"days", "pending"}) {
    const auto* list = o.if_contains(key);
    if (list == nullptr) continue;
    if (!list->is_array()) {
      draft.problems.push_back(calendar_problem("malformed_calendar", "",
                                                "\"" + std::string(key) + "\" phải là một mảng.",
                                                "\"" + std::string(key) + "\" must be an array."));
      continue;
    }
    count += list->as_array().size();
    for (const auto& v : list->as_array()) {
      (void)check_day(v, year, std::string_view(key) == "pending", seen, draft.problems);
    }
  }
  if (count > kMaxDays) {
    draft.problems.push_back(calendar_problem(
        "too_many_days", "", "Quá nhiều ngày (tối đa " + std::to_string(kMaxDays) + ").",
        "Too many days (at most " + std::to_string(kMaxDays) + ")."));
  }
  if (!draft.problems.empty()) return draft;
  draft.document = json::serialize(o);
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

json::array changed_days(const WorkingCalendar& before, const WorkingCalendar& after, int year) {
  json::array out;
  const auto first = date_from_ymd(year, 1, 1);
  const auto last = date_from_ymd(year, 12, 31);
  for (auto d = first; d <= last; d = d + 1) {
    if (before.status(d) == after.status(d)) continue;
    out.push_back(json::object{{"date", to_iso(d)},
                               {"before", calendar::to_string(before.status(d))},
                               {"after", calendar::to_string(after.status(d))}});
  }
  return out;
}

json::array recompute_open_dossiers(store::SqlConnection& db, const WorkingCalendar& cal,
                                    bool write, const std::string& now_iso) {
  const int offset = cal.utc_offset_minutes();
  json::array changed;
  for (const auto& id_row : db.query(kOpenDossiers)) {
    auto record = store::find_dossier(db, id_row.text(0));
    if (!record) continue;
    const auto document = document_from_json(record->document);
    const auto history = load_history(store::events_of(db, record->id), offset);
    const auto input = clock_input(history, document.terms);
    if (!input) continue;
    const auto report = clock::replay(cal, *input);
    // A timeline the new calendar cannot replay (a date beyond 2100) keeps its stored dates.
    if (!report) continue;
    const auto due = seconds_of(report->due);
    const auto due_766 = seconds_of(report->due_766);
    if (due == record->due_s && due_766 == record->due_766_s) continue;
    changed.push_back(json::object{{"id", record->id},
                                   {"code", record->code ? *record->code : ""},
                                   {"due_before", instant_or_null(record->due_s, offset)},
                                   {"due_after", instant_or_null(due, offset)},
                                   {"due_766_before", instant_or_null(record->due_766_s, offset)},
                                   {"due_766_after", instant_or_null(due_766, offset)}});
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

AppResult<json::object> import_calendar_year(store::SqlConnection& db, const Actor& actor,
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
  auto days = changed_days(before, next, request.year);
  auto dossiers = recompute_open_dossiers(db, next, !request.dry_run, now_iso);
  const auto dossier_count = static_cast<std::int64_t>(dossiers.size());
  const std::int64_t version = request.dry_run ? current : current + 1;
  if (!request.dry_run) {
    store::save_calendar_year(db, {request.year, draft.document, version, actor.user_id, now_iso});
    json::array listed;
    for (std::size_t i = 0; i < dossiers.size() && i < kMaxListedDossiers; ++i) {
      listed.push_back(dossiers[i]);
    }
    const json::object details{{"year", request.year},
                               {"version", version},
                               {"changed_days", days},
                               {"dossiers_changed", dossier_count},
                               {"dossiers", std::move(listed)}};
    store::append_audit(
        db, {0, actor.user_id, now_iso, "calendar.year_imported",
             "calendar:" + std::to_string(request.year), request.reason, json::serialize(details)});
  }
  return json::object{{"year", request.year},
                      {"version", version},
                      {"dry_run", request.dry_run},
                      {"provisional_before", before.is_provisional_year(request.year)},
                      {"provisional", next.is_provisional_year(request.year)},
                      {"changed_days", std::move(days)},
                      {"dossiers_changed", dossier_count},
                      {"dossiers", std::move(dossiers)}};
}

}  // namespace motcua::app
