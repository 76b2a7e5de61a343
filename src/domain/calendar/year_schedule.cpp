#include "domain/calendar/year_schedule.hpp"

#include "domain/common/enum_names.hpp"

namespace motcua::calendar {

namespace {
constexpr detail::NameTable<DayKind, 5> kNames{{
    {DayKind::holiday, "holiday"},
    {DayKind::compensatory, "compensatory"},
    {DayKind::swap_off, "swap_off"},
    {DayKind::makeup_workday, "makeup_workday"},
    {DayKind::pending_holiday, "pending_holiday"},
}};
}  // namespace

std::string_view to_string(DayKind kind) { return detail::name_in(kNames, kind); }

std::optional<DayKind> parse_day_kind(std::string_view text) {
  return detail::value_in(kNames, text);
}

}  // namespace motcua::calendar
