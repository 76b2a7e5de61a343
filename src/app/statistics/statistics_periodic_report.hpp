// The periodic TTHC report (báo cáo định kỳ tình hình, kết quả giải quyết thủ tục hành chính):
// the form agencies send up each month, quarter or year, per agency and per procedure area, with
// the causes of lateness (docs/rules.md section 22). Leaders and administrators, over the agencies
// they lead, as the other leader statistics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/statistics/statistics_views.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct PeriodicQuery {
  std::string agency_id;  // empty: every agency the actor leads
  // Inclusive, local dates; each also takes YYYY-MM, YYYY-Qn or YYYY (from: its first day, to: its
  // last). Defaults: the current quarter up to today.
  std::string from;
  std::string to;
};

// One line of the form. received_total = carried_over + online + counter + post
// = resolved_total + in_progress_total.
struct PeriodicCounts {
  std::int64_t carried_over = 0;
  std::int64_t received_online = 0;
  std::int64_t received_counter = 0;
  std::int64_t received_post = 0;
  std::int64_t received_total = 0;
  std::int64_t resolved_early = 0;
  std::int64_t resolved_on_time = 0;
  std::int64_t resolved_late = 0;
  std::int64_t resolved_total = 0;
  std::int64_t in_progress_within = 0;
  std::int64_t in_progress_overdue = 0;
  std::int64_t in_progress_total = 0;
  LateByCause late_by_cause;
};

struct PeriodicLine {
  std::string id;  // agency id, or the area's name
  std::string name;
  PeriodicCounts counts;
};

struct PeriodicReport {
  std::string from;  // YYYY-MM-DD
  std::string to;
  std::optional<std::string> agency_id;
  std::string agency_name;  // the agency asked for, or every agency led
  std::string as_of;
  std::vector<PeriodicLine> agencies;
  std::vector<PeriodicLine> areas;  // lĩnh vực
  PeriodicCounts total;
  Bilingual definition;
};

AppResult<PeriodicReport> periodic_report(store::SqlConnection& db,
                                          const calendar::WorkingCalendar& cal, const Actor& actor,
                                          const PeriodicQuery& q, Instant now);

// The form's columns, in order, under their groups (the header's merged cells), for every export.
struct PeriodicColumn {
  std::string group_vi;  // '' for the leading columns that span both header rows
  std::string group_en;
  std::string vi;
  std::string en;
};
const std::vector<PeriodicColumn>& periodic_columns();
// The numbers of a line in the order of periodic_columns() after the two leading columns.
std::vector<std::int64_t> periodic_values(const PeriodicCounts& c);

// CSV: UTF-8 with a byte-order mark (so spreadsheet programs read the Vietnamese), one header row
// "group - column", the agencies, the areas and the total.
std::string periodic_report_csv(const PeriodicReport& r);

}  // namespace motcua::app
