#include "domain/clock/time_limit.hpp"

#include <charconv>

namespace motcua::clock {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

tl::expected<TimeLimit, std::string> parse_time_limit(std::string_view text) {
  text = trim(text);
  const auto space = text.find(' ');
  if (space == std::string_view::npos) {
    return tl::unexpected(
        std::string("time limit must be '<number> <unit>', e.g. '3 working-days'"));
  }
  const std::string_view number = text.substr(0, space);
  const std::string_view unit = trim(text.substr(space + 1));
  TimeLimit limit;
  const auto [end, ec] =
      std::from_chars(number.data(), number.data() + number.size(), limit.amount);
  if (ec != std::errc() || end != number.data() + number.size() || limit.amount < 0 ||
      limit.amount > kMaxLimitAmount) {
    return tl::unexpected("time limit amount must be a whole number from 0 to " +
                          std::to_string(kMaxLimitAmount));
  }
  if (unit == "working-days" || unit == "working-day") {
    limit.unit = LimitUnit::working_days;
  } else if (unit == "days" || unit == "day") {
    limit.unit = LimitUnit::calendar_days;
  } else if (unit == "hours" || unit == "hour") {
    limit.unit = LimitUnit::working_hours;
  } else {
    return tl::unexpected("unknown time limit unit '" + std::string(unit) +
                          "' (use working-days, days or hours)");
  }
  return limit;
}

std::string to_string(const TimeLimit& limit) {
  const char* unit = limit.unit == LimitUnit::working_days    ? "working-days"
                     : limit.unit == LimitUnit::calendar_days ? "days"
                                                              : "hours";
  return std::to_string(limit.amount) + " " + unit;
}

std::string_view to_string(DeadlineRule rule) {
  return rule == DeadlineRule::standard ? "standard" : "civil-code";
}

std::optional<DeadlineRule> parse_deadline_rule(std::string_view text) {
  if (text == "standard") return DeadlineRule::standard;
  if (text == "civil-code") return DeadlineRule::civil_code;
  return std::nullopt;
}

bool ends_at_day_end(const TimeLimit& limit, DeadlineRule rule) {
  switch (limit.unit) {
    case LimitUnit::working_days:
      return rule == DeadlineRule::civil_code;
    case LimitUnit::calendar_days:
      return true;
    case LimitUnit::working_hours:
      return false;
  }
  return false;
}

}  // namespace motcua::clock
