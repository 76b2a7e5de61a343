// The working calendar (lịch làm việc) of a unit: which days are worked, at which hours, and exact
// working-time arithmetic over them.
//
// Built once from the years' schedules and the unit's office hours, it precomputes per-day tables
// (the rank of every working day and the list of working days) so that every query below is O(1):
// working time is a position on a line that only advances during office hours.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/calendar/office_hours.hpp"
#include "domain/calendar/year_schedule.hpp"
#include "tl/expected.hpp"

namespace motcua::calendar {

inline constexpr int kFirstCalendarYear = 1900;
inline constexpr int kLastCalendarYear = 2100;

enum class DayStatus { working, weekly_rest, holiday, compensatory, swap_off, makeup_workday };
std::string_view to_string(DayStatus status);

struct CalendarOptions {
  // Days announced in policy but not yet law (e.g. 24/11 Vietnam Culture Day) count as days off
  // only when this is set; by default they are working days (docs/rules.md).
  bool include_pending_holidays = false;
};

// Raised by a query that leaves the calendar's range; callers report it as bad input.
struct OutOfCalendarRange {
  std::string message;
};

class WorkingCalendar {
 public:
  // `announced` holds the schedules that were published, keyed by year; every other year of
  // [kFirstCalendarYear, kLastCalendarYear] gets a provisional schedule from the Labour Code.
  static tl::expected<WorkingCalendar, std::string> build(std::map<int, YearSchedule> announced,
                                                          OfficeHours hours,
                                                          CalendarOptions options = {});

  const OfficeHours& office_hours() const { return hours_; }
  int utc_offset_minutes() const { return hours_.utc_offset_minutes; }
  Seconds working_seconds_per_day() const { return per_day_; }
  Date first_date() const { return first_; }
  Date last_date() const { return first_ + static_cast<std::int32_t>(status_.size()) - 1; }
  bool contains(Date d) const { return d >= first_date() && d <= last_date(); }

  bool is_provisional_year(int year) const;
  // True when any day of [from, to] lies in a provisional year.
  bool any_provisional(Date from, Date to) const;
  const YearSchedule* schedule_of(int year) const;

  DayStatus status(Date d) const;
  bool is_working_day(Date d) const {
    return status(d) == DayStatus::working || status(d) == DayStatus::makeup_workday;
  }

  // The first working instant at or after t.
  tl::expected<Instant, OutOfCalendarRange> next_working_instant(Instant t) const;
  // The earliest instant at which `working` seconds of working time have elapsed since t; it may be
  // the end of a period (12:00, 17:00). Adding zero returns t.
  tl::expected<Instant, OutOfCalendarRange> add_working_time(Instant t, Seconds working) const;
  // Working time in [a, b); negative when b is before a.
  tl::expected<Seconds, OutOfCalendarRange> working_time_between(Instant a, Instant b) const;
  // The latest instant u such that working_time_between(t, u) <= working (working >= 0), so that
  // exactly the instants of [t, u] are within `working` of t. Once `working` has elapsed, the
  // non-working stretch that follows (lunch, evening, weekend, holiday) adds nothing: u is the next
  // working instant at or after that moment, itself included since [t, u) ends before it. When
  // that moment or that working instant lies beyond the calendar, every instant of the calendar
  // from t on qualifies and u is last_instant() (working_time_between fails past it). Out of range
  // when t is.
  tl::expected<Instant, OutOfCalendarRange> latest_within_working_time(Instant t,
                                                                       Seconds working) const;
  // The last instant whose local date is in the calendar's range.
  Instant last_instant() const {
    return Instant{from_local(last_date() + 1, 0, utc_offset_minutes()).seconds - 1};
  }

  // The nth working day strictly after d (n >= 1); n == 0 gives d itself if it is a working day,
  // else the next working day.
  tl::expected<Date, OutOfCalendarRange> nth_working_day_after(Date d, std::int32_t n) const;
  // d itself if it is a working day, else the next working day.
  tl::expected<Date, OutOfCalendarRange> working_day_at_or_after(Date d) const;
  // The last working day strictly before d.
  tl::expected<Date, OutOfCalendarRange> previous_working_day(Date d) const;

  Instant office_open(Date d) const {
    return from_local(d, hours_.opening(), utc_offset_minutes());
  }
  Instant office_close(Date d) const {
    return from_local(d, hours_.closing(), utc_offset_minutes());
  }
  LocalDateTime local(Instant t) const { return to_local(t, utc_offset_minutes()); }

 private:
  WorkingCalendar() = default;
  std::int32_t index_of(Date d) const { return d.days - first_.days; }
  // Working time from the start of the range to t.
  tl::expected<Seconds, OutOfCalendarRange> position(Instant t) const;
  tl::expected<Instant, OutOfCalendarRange> instant_at(Seconds position) const;

  OfficeHours hours_;
  Seconds per_day_ = 0;
  Date first_;
  std::vector<DayStatus> status_;           // one per day of the range
  std::vector<std::int32_t> rank_;          // working days strictly before day i (size + 1)
  std::vector<std::int32_t> working_days_;  // day indexes of the working days, in order
  std::map<int, YearSchedule> schedules_;   // every year of the range, announced or provisional
};

}  // namespace motcua::calendar
