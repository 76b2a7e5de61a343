// What every statistics query needs first: the months asked for (validated) and the agencies the
// caller may see, as a store::OutcomeScope; and the wording of the definitions sent with figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_views.hpp"
#include "store/statistics_queries.hpp"

namespace motcua::app {

// At most three years per request: enough for trends, bounded work.
inline constexpr int kMaxMonths = 36;

// "YYYY-MM" -> months since year 0, or nullopt.
std::optional<int> parse_month(const std::string& text);
std::string month_text(int months);

// Validates q.from/q.to (defaults: the five months before the current one, and the current one)
// and fills the scope's months; returns the list of months in order.
AppResult<std::vector<std::string>> month_range(const StatisticsQuery& q,
                                                const calendar::WorkingCalendar& cal, Instant now,
                                                store::OutcomeScope& scope);

// Public figures: every agency, or the subtree of q.agency_id (404 if unknown).
AppResult<void> public_agencies(store::SqlConnection& db, const StatisticsQuery& q,
                                store::OutcomeScope& scope);

// Leaders and administrators: the subtree of their leader/administrator grants (403 otherwise),
// narrowed to q.agency_id's subtree when given (404 if outside).
AppResult<void> led_agencies(store::SqlConnection& db, const Actor& actor, const StatisticsQuery& q,
                             store::OutcomeScope& scope);

// part / whole rounded to 4 decimals, nullopt when whole is 0.
std::optional<double> rate(std::int64_t part, std::int64_t whole);

Bilingual bilingual(const char* vi, const char* en);

}  // namespace motcua::app
