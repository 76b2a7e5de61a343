// A provisional schedule for a year the Government has not announced yet, derived from the
// Labour Code 2019: Art. 112 lists the holidays, Art. 111(3) moves a holiday that falls on the
// weekly rest day to the next working day. Tết and Hùng Kings' day come from the lunar calendar.
//
// The Prime Minister usually swaps days around Tết and 2 September; those swaps cannot be
// predicted, which is why the result is marked provisional wherever it is shown.
#pragma once

#include <array>

#include "domain/calendar/year_schedule.hpp"

namespace motcua::calendar {

// `weekly_rest` is indexed by Weekday (0 = Sunday). Supported years: those of the lunar calendar.
YearSchedule provisional_schedule(int year, const std::array<bool, 7>& weekly_rest);

}  // namespace motcua::calendar
