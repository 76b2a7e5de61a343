// How far an apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả) may move a dossier's due
// date. Decree 61/2018/ND-CP Art. 19(9) lets the agency that is late apologise once and set a new
// date; the new date must be later than the current one, and this system bounds it by the
// procedure's own time limit counted again from the current due date (docs/rules.md 3.9): a second
// full period at most, so an apology cannot park a dossier "on time" forever (e.g. at 9999-12-31).
// A leader may go beyond the bound with a recorded reason; going earlier is never allowed.
#pragma once

#include "domain/clock/deadline.hpp"

namespace motcua::clock {

enum class ApologyDue {
  ok,
  not_later,     // at or before the current due date: not an extension
  beyond_limit,  // later than the current due date plus the procedure's time limit
};

// The latest new date an apology may give: the procedure's `limit` counted under `rule` on the
// working calendar from `current_due`, exactly as a due date is computed from a receipt.
tl::expected<Instant, OutOfCalendarRange> latest_apology_due(const WorkingCalendar& cal,
                                                             Instant current_due,
                                                             const TimeLimit& limit,
                                                             DeadlineRule rule);

// Where `new_due` falls: exactly `latest` is allowed, one second later is not.
ApologyDue check_apology_due(Instant new_due, Instant current_due, Instant latest);

}  // namespace motcua::clock
