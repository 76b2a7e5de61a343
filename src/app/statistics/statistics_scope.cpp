#include "app/statistics/statistics_scope.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "app/dossier/dossier_access.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

std::optional<int> parse_month(const std::string& text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i = 0; i < 7; ++i) {
    if (i != 4 && (text[i] < '0' || text[i] > '9')) return std::nullopt;
  }
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  if (month < 1 || month > 12 || year < 1900 || year > 2100) return std::nullopt;
  return year * 12 + (month - 1);
}

std::string month_text(int months) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", (months / 12) % 10000, (months % 12 + 1) % 100);
  return buf;
}

AppResult<std::vector<std::string>> month_range(const StatisticsQuery& q,
                                                const calendar::WorkingCalendar& cal, Instant now,
                                                store::OutcomeScope& scope) {
  const auto today = ymd_of(cal.local(now).date);
  int to = today.year * 12 + today.month - 1;
  if (!q.to.empty()) {
    const auto parsed = parse_month(q.to);
    if (!parsed) return tl::unexpected(invalid_input("'to' must be a month YYYY-MM"));
    to = *parsed;
  }
  int from = to - 5;
  if (!q.from.empty()) {
    const auto parsed = parse_month(q.from);
    if (!parsed) return tl::unexpected(invalid_input("'from' must be a month YYYY-MM"));
    from = *parsed;
  }
  if (from > to) return tl::unexpected(invalid_input("'from' must not be after 'to'"));
  if (to - from + 1 > kMaxMonths) {
    return tl::unexpected(invalid_input("at most 36 months per request"));
  }
  std::vector<std::string> months;
  for (int m = from; m <= to; ++m) months.push_back(month_text(m));
  scope.from_month = months.front();
  scope.to_month = months.back();
  return months;
}

AppResult<void> public_agencies(store::SqlConnection& db, const StatisticsQuery& q,
                                store::OutcomeScope& scope) {
  if (q.agency_id.empty()) {
    scope.all_agencies = true;
    return {};
  }
  if (store::agency_name(db, q.agency_id).empty()) {
    return tl::unexpected(not_found("agency " + q.agency_id));
  }
  scope.agency_ids = store::agency_subtree(db, q.agency_id);
  return {};
}

AppResult<void> led_agencies(store::SqlConnection& db, const Actor& actor, const StatisticsQuery& q,
                             store::OutcomeScope& scope) {
  if (actor.applicant) {
    return tl::unexpected(forbidden_action("statistics of officials are for leaders"));
  }
  std::set<std::string> led;
  for (const auto role : {dossier::Role::leader, dossier::Role::administrator}) {
    for (auto& id : scoped_agencies(db, actor, role)) led.insert(std::move(id));
  }
  if (led.empty()) {
    return tl::unexpected(forbidden_action("statistics of officials are for leaders"));
  }
  if (q.agency_id.empty()) {
    scope.agency_ids.assign(led.begin(), led.end());
    return {};
  }
  // An agency outside the actor's grants is reported as unknown, as dossiers are.
  if (!led.contains(q.agency_id)) return tl::unexpected(not_found("agency " + q.agency_id));
  for (auto& id : store::agency_subtree(db, q.agency_id)) {
    if (led.contains(id)) scope.agency_ids.push_back(std::move(id));
  }
  return {};
}

std::optional<double> rate(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return std::round(static_cast<double>(part) / static_cast<double>(whole) * 10000.0) / 10000.0;
}

Bilingual bilingual(const char* vi, const char* en) { return {vi, en}; }

}  // namespace motcua::app
