// The public scoreboard (bảng xếp hạng công khai, issue 16 point 6): the agencies directly under
// the province this system serves, each over its own subtree, ranked by on-time rate and then by
// the share of satisfied ratings, with their Decision 766 points; and one agency's history by
// month. Every figure is read from app::index_766 (statistics_index766.cpp), so the scoreboard
// never disagrees with the index page; only the share of satisfied ratings is counted here
// (store/scoreboard_queries.hpp). Public: names agencies, never people. docs/rules.md section 23.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_views.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct ScoreboardGroup {
  std::string key;  // publicity | progress | online | digitisation | satisfaction
  Bilingual name;
  double points = 0;
  int max_points = 0;
  std::int64_t missing_inputs = 0;  // how many inputs the group lacks (listed on the 766 page)
};

struct ScoreboardAgency {
  std::optional<int> rank;  // null: nothing received in the period, not ranked
  bool tied = false;        // another agency holds the same rank
  std::string id;
  std::string name;
  std::int64_t received = 0;
  std::int64_t counted_on_time = 0;
  std::optional<double> on_time_rate;  // the 766 progress index's value
  std::int64_t rated = 0;
  std::int64_t satisfied = 0;
  std::optional<double> satisfied_share;  // satisfied / rated
  double index_766_total = 0;
  std::vector<ScoreboardGroup> groups;
  std::string feedback_url;  // the agency's published feedback answers (web page)
};

struct Scoreboard {
  std::string from;
  std::string to;
  std::string as_of;
  std::string province_id;
  std::string province_name;
  std::vector<ScoreboardAgency> agencies;  // ranked first, in rank order; then unranked by name
  Bilingual ranking;
  Bilingual satisfaction;
  Bilingual source;
};

struct ScoreboardMonth {
  std::string month;
  std::int64_t received = 0;
  std::optional<double> on_time_rate;
  std::int64_t rated = 0;
  std::optional<double> satisfied_share;
  double index_766_total = 0;
};

struct ScoreboardHistory {
  std::string agency_id;
  std::string name;
  std::string as_of;
  std::vector<ScoreboardMonth> months;  // oldest first, ending with the current month
  Bilingual definition;
};

// q.from / q.to as the other statistics (default: the last six months); q.agency_id is ignored.
AppResult<Scoreboard> scoreboard(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                                 const StatisticsQuery& q, Instant now);

// The last `months` months (1..36) of one agency (its subtree), ending with the current month.
AppResult<ScoreboardHistory> scoreboard_history(store::SqlConnection& db,
                                                const calendar::WorkingCalendar& cal,
                                                const std::string& agency_id,
                                                const std::string& months, Instant now);

}  // namespace motcua::app
