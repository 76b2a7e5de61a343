#include "app/statistics/statistics_periodic_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_scope.hpp"
#include "store/periodic_report_queries.hpp"
#include "store/statistics_queries.hpp"

namespace motcua::app {

namespace {

// At most three years per report, as the other statistics.
constexpr int kMaxDays = 3 * 366;

AppError bad_date(const std::string& field) {
  return {
      ErrorKind::invalid_input, "invalid_period",
      "Trường '" + field + "' phải là ngày YYYY-MM-DD, tháng YYYY-MM, quý YYYY-Qn hoặc năm YYYY.",
      "Field '" + field +
          "' must be a date YYYY-MM-DD, a month YYYY-MM, a quarter YYYY-Qn or "
          "a year YYYY.",
      field};
}

// The first and last day of a date, month, quarter or year written as text.
std::optional<std::pair<Date, Date>> period_of(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && text.size() == 10) {
    if (m < 1 || m > 12 || d < 1 || y < 1900 || d > days_in_month(y, m)) return std::nullopt;
    return std::pair{date_from_ymd(y, m, d), date_from_ymd(y, m, d)};
  }
  if (std::sscanf(text.c_str(), "%4d-Q%1d%c", &y, &m, &tail) == 2 && text.size() == 7) {
    if (m < 1 || m > 4 || y < 1900) return std::nullopt;
    const int first = (m - 1) * 3 + 1;
    return std::pair{date_from_ymd(y, first, 1),
                     date_from_ymd(y, first + 2, days_in_month(y, first + 2))};
  }
  if (std::sscanf(text.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2 && text.size() == 7) {
    if (m < 1 || m > 12 || y < 1900) return std::nullopt;
    return std::pair{date_from_ymd(y, m, 1), date_from_ymd(y, m, days_in_month(y, m))};
  }
  if (std::sscanf(text.c_str(), "%4d%c", &y, &tail) == 1 && text.size() == 4 && y >= 1900) {
    return std::pair{date_from_ymd(y, 1, 1), date_from_ymd(y, 12, 31)};
  }
  return std::nullopt;
}

void add(PeriodicCounts& into, const store::PeriodicCounts& c) {
  into.carried_over += c.carried_over;
  into.received_online += c.online;
  into.received_counter += c.counter;
  into.received_post += c.post;
  into.resolved_early += c.early;
  into.resolved_on_time += c.on_time;
  into.resolved_late += c.late;
  into.in_progress_within += c.open_within;
  into.in_progress_overdue += c.open_overdue;
  into.late_by_cause.agency += c.late_agency;
  into.late_by_cause.official += c.late_official;
  into.late_by_cause.other_agency += c.late_other_agency;
  into.late_by_cause.applicant += c.late_applicant;
}

void close(PeriodicCounts& c) {
  c.received_total = c.carried_over + c.received_online + c.received_counter + c.received_post;
  c.resolved_total = c.resolved_early + c.resolved_on_time + c.resolved_late;
  c.in_progress_total = c.in_progress_within + c.in_progress_overdue;
}

std::string csv_cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

}  // namespace

AppResult<PeriodicReport> periodic_report(store::SqlConnection& db,
                                          const calendar::WorkingCalendar& cal, const Actor& actor,
                                          const PeriodicQuery& q, Instant now) {
  const Date today = cal.local(now).date;
  const auto today_ymd = ymd_of(today);
  Date first = date_from_ymd(today_ymd.year, (today_ymd.month - 1) / 3 * 3 + 1, 1);
  Date last = today;
  if (!q.from.empty()) {
    const auto p = period_of(q.from);
    if (!p) return tl::unexpected(bad_date("from"));
    first = p->first;
  }
  if (!q.to.empty()) {
    const auto p = period_of(q.to);
    if (!p) return tl::unexpected(bad_date("to"));
    last = p->second;
  }
  if (first > last) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "invalid_period",
                                   "Trường 'from' không được sau 'to'.",
                                   "Field 'from' must not be after 'to'.", "from"});
  }
  if (last - first + 1 > kMaxDays) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "invalid_period",
                                   "Trường 'to': mỗi báo cáo tối đa 3 năm.",
                                   "Field 'to': at most three years per report.", "to"});
  }
  StatisticsQuery sq;
  sq.agency_id = q.agency_id;
  store::OutcomeScope scope;
  if (auto ok = led_agencies(db, actor, sq, scope); !ok) return tl::unexpected(ok.error());

  const int offset = cal.utc_offset_minutes();
  const Instant start = from_local(first, 0, offset);
  const Instant end = from_local(last + 1, 0, offset);
  // A period not over yet is judged now, as the on-time figures are.
  const std::int64_t judged_at = std::min(end.seconds - 1, now.seconds);
  const auto rows =
      store::periodic_counts(db, scope.agency_ids, start.seconds, end.seconds, judged_at);

  PeriodicReport r;
  r.from = to_iso(first);
  r.to = to_iso(last);
  if (!q.agency_id.empty()) {
    r.agency_id = q.agency_id;
    r.agency_name = store::agency_name(db, q.agency_id);
  }
  r.as_of = to_iso(now, offset);
  std::map<std::string, PeriodicCounts> by_agency, by_area;
  for (const auto& c : rows) {
    add(by_agency[c.agency_id], c);
    auto field = store::procedure_field(db, c.procedure_code);
    add(by_area[field.empty() ? "Khác" : field], c);
    add(r.total, c);
  }
  for (auto& [id, counts] : by_agency) {
    close(counts);
    r.agencies.push_back({id, store::agency_name(db, id), counts});
  }
  for (auto& [field, counts] : by_area) {
    close(counts);
    r.areas.push_back({field, field, counts});
  }
  close(r.total);
  r.definition = bilingual(
      "Hồ sơ nhận giải quyết = kỳ trước chuyển qua (tiếp nhận trước kỳ, chưa hoàn thành khi kỳ "
      "bắt đầu) + mới tiếp nhận trong kỳ (trực tuyến, trực tiếp, bưu chính) = đã giải quyết trong "
      "kỳ (trước hạn, đúng hạn, quá hạn) + đang giải quyết khi kỳ kết thúc (trong hạn, quá hạn). "
      "Hạn theo Quyết định 766: phiếu xin lỗi không dời hạn. Nguyên nhân quá hạn: bên giữ hồ sơ "
      "quá thời gian của mình.",
      "Dossiers to handle = carried over (received before the period, not finished when it began) "
      "+ received in the period (online, at the counter, by post) = resolved in the period (early, "
      "on time, late) + in progress at its end (within time, overdue). Due dates are Decision "
      "766's: an apology slip does not move them. Cause of lateness: the party that held the "
      "dossier past its own time.");
  return r;
}

const std::vector<PeriodicColumn>& periodic_columns() {
  static const std::vector<PeriodicColumn> columns = {
      {"", "", "STT", "No."},
      {"", "", "Đơn vị / Lĩnh vực", "Agency / Area"},
      {"Số hồ sơ nhận giải quyết", "Dossiers to handle", "Tổng số", "Total"},
      {"Số hồ sơ nhận giải quyết", "Dossiers to handle", "Kỳ trước chuyển qua", "Carried over"},
      {"Số hồ sơ nhận giải quyết", "Dossiers to handle", "Trực tuyến", "Online"},
      {"Số hồ sơ nhận giải quyết", "Dossiers to handle", "Trực tiếp", "At the counter"},
      {"Số hồ sơ nhận giải quyết", "Dossiers to handle", "Dịch vụ bưu chính", "By post"},
      {"Số hồ sơ đã giải quyết", "Resolved", "Tổng số", "Total"},
      {"Số hồ sơ đã giải quyết", "Resolved", "Trước hạn", "Early"},
      {"Số hồ sơ đã giải quyết", "Resolved", "Đúng hạn", "On time"},
      {"Số hồ sơ đã giải quyết", "Resolved", "Quá hạn", "Late"},
      {"Số hồ sơ đang giải quyết", "In progress", "Tổng số", "Total"},
      {"Số hồ sơ đang giải quyết", "In progress", "Trong hạn", "Within time"},
      {"Số hồ sơ đang giải quyết", "In progress", "Quá hạn", "Overdue"},
      {"Nguyên nhân quá hạn", "Causes of lateness", "Cơ quan tiếp nhận", "Receiving agency"},
      {"Nguyên nhân quá hạn", "Causes of lateness", "Công chức xử lý", "Official"},
      {"Nguyên nhân quá hạn", "Causes of lateness", "Cơ quan phối hợp", "Other agency"},
      {"Nguyên nhân quá hạn", "Causes of lateness", "Người nộp hồ sơ", "Applicant"},
  };
  return columns;
}

std::vector<std::int64_t> periodic_values(const PeriodicCounts& c) {
  return {c.received_total,         c.carried_over,           c.received_online,
          c.received_counter,       c.received_post,          c.resolved_total,
          c.resolved_early,         c.resolved_on_time,       c.resolved_late,
          c.in_progress_total,      c.in_progress_within,     c.in_progress_overdue,
          c.late_by_cause.agency,   c.late_by_cause.official, c.late_by_cause.other_agency,
          c.late_by_cause.applicant};
}

std::string periodic_report_csv(const PeriodicReport& r) {
  std::string out = "\xEF\xBB\xBF";
  bool first = true;
  for (const auto& c : periodic_columns()) {
    out += first ? "" : ",";
    first = false;
    out += csv_cell(c.group_vi.empty() ? c.vi : c.group_vi + " - " + c.vi);
  }
  out += "\r\n";
  int n = 0;
  const auto line = [&](const std::string& no, const std::string& name, const PeriodicCounts& c) {
    out += no + "," + csv_cell(name);
    for (const auto v : periodic_values(c)) out += "," + std::to_string(v);
    out += "\r\n";
  };
  for (const auto& a : r.agencies) line(std::to_string(++n), a.name, a.counts);
  for (const auto& a : r.areas) line(std::to_string(++n), "Lĩnh vực: " + a.name, a.counts);
  line("", "Tổng cộng", r.total);
  return out;
}

}  // namespace motcua::app
