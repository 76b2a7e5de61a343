// A statutory time limit (thời hạn giải quyết) and the rule that turns it into a due date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tl/expected.hpp"

namespace motcua::clock {

enum class LimitUnit { working_days, calendar_days, working_hours };

struct TimeLimit {
  std::int64_t amount = 0;
  LimitUnit unit = LimitUnit::working_days;
  friend bool operator==(const TimeLimit&, const TimeLimit&) = default;
};

inline constexpr std::int64_t kMaxLimitAmount = 3660;  // ten years of days; more is a typo

// "3 working-days", "10 days", "8 hours" (singular forms accepted too).
tl::expected<TimeLimit, std::string> parse_time_limit(std::string_view text);
std::string to_string(const TimeLimit& limit);

// How working-day limits become a due instant (docs/rules.md, "Working-day limits").
//  standard:   the earliest instant at which N days' worth of working time has elapsed.
//  civil_code: office close of the Nth working day after the day counting starts (Civil Code 147).
enum class DeadlineRule { standard, civil_code };
std::string_view to_string(DeadlineRule rule);
std::optional<DeadlineRule> parse_deadline_rule(std::string_view text);

// Under the civil-code rule and calendar-day limits a period ends at 24:00 of its last day
// (Civil Code Art. 148): a dossier finished later that day is on time. The due shown is office
// close.
bool ends_at_day_end(const TimeLimit& limit, DeadlineRule rule);

}  // namespace motcua::clock
