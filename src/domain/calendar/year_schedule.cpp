#include "domain/calendar/year_schedule.hpp"

#include <array>
#include <utility>

namespace motcua::calendar {

namespace {
constexpr std::array<std::pair<DayKind, std::string_view>, 5> kNames{{
    {DayKind::holiday, "holiday"},
    {DayKind::compensatory, "compensatory"},
    {DayKind::swap_off, "swap_off"},
    {DayKind::makeup_workday, "makeup_workday"},
    {DayKind::pending_holiday, "pending_holiday"},
}};
}  // namespace

std::string_view to_string(DayKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<DayKind> parse_day_kind(std::string_view text) {
  for (const auto& [k, name] : kNames) {
    if (name == text) return k;
  }
  return std::nullopt;
}

}  // namespace motcua::calendar
