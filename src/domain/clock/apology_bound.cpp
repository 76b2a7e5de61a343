#include "domain/clock/apology_bound.hpp"

namespace motcua::clock {

tl::expected<Instant, OutOfCalendarRange> latest_apology_due(const WorkingCalendar& cal,
                                                             Instant current_due,
                                                             const TimeLimit& limit,
                                                             DeadlineRule rule) {
  auto deadline = compute_deadline(cal, current_due, limit, rule);
  if (!deadline) return tl::unexpected(deadline.error());
  return deadline->due;
}

ApologyDue check_apology_due(Instant new_due, Instant current_due, Instant latest) {
  if (new_due <= current_due) return ApologyDue::not_later;
  if (new_due > latest) return ApologyDue::beyond_limit;
  return ApologyDue::ok;
}

}  // namespace motcua::clock
