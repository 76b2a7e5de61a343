#include "domain/calendar/working_calendar.hpp"

#include <algorithm>
#include <string>

#include "domain/calendar/provisional_year.hpp"

namespace motcua::calendar {

namespace {

OutOfCalendarRange out_of_range() {
  return {"date outside the supported calendar (" + std::to_string(kFirstCalendarYear) + "-" +
          std::to_string(kLastCalendarYear) + ")"};
}

DayStatus status_for(DayKind kind) {
  switch (kind) {
    case DayKind::holiday:
    case DayKind::pending_holiday:
      return DayStatus::holiday;
    case DayKind::compensatory:
      return DayStatus::compensatory;
    case DayKind::swap_off:
      return DayStatus::swap_off;
    case DayKind::makeup_workday:
      return DayStatus::makeup_workday;
  }
  return DayStatus::holiday;
}

}  // namespace

std::string_view to_string(DayStatus status) {
  switch (status) {
    case DayStatus::working:
      return "working";
    case DayStatus::weekly_rest:
      return "weekly_rest";
    case DayStatus::holiday:
      return "holiday";
    case DayStatus::compensatory:
      return "compensatory";
    case DayStatus::swap_off:
      return "swap_off";
    case DayStatus::makeup_workday:
      return "makeup_workday";
  }
  return "working";
}

tl::expected<WorkingCalendar, std::string> WorkingCalendar::build(
    std::map<int, YearSchedule> announced, OfficeHours hours, CalendarOptions options) {
  if (auto valid = validate(hours); !valid) return tl::unexpected(valid.error());
  WorkingCalendar cal;
  cal.hours_ = std::move(hours);
  cal.per_day_ = cal.hours_.working_seconds_per_day();
  cal.first_ = date_from_ymd(kFirstCalendarYear, 1, 1);
  const Date last = date_from_ymd(kLastCalendarYear, 12, 31);
  const auto size = static_cast<std::size_t>(last - cal.first_ + 1);

  cal.status_.resize(size);
  for (std::size_t i = 0; i < size; ++i) {
    const Date d = cal.first_ + static_cast<std::int32_t>(i);
    cal.status_[i] = cal.hours_.weekly_rest[static_cast<int>(weekday_of(d))]
                         ? DayStatus::weekly_rest
                         : DayStatus::working;
  }

  for (int year = kFirstCalendarYear; year <= kLastCalendarYear; ++year) {
    auto found = announced.find(year);
    YearSchedule schedule = found != announced.end()
                                ? std::move(found->second)
                                : provisional_schedule(year, cal.hours_.weekly_rest);
    for (const auto& day : schedule.days) {
      if (ymd_of(day.date).year != year) {
        return tl::unexpected("calendar " + std::to_string(year) + " lists " + to_iso(day.date) +
                              ", which is in another year");
      }
      if (day.kind == DayKind::pending_holiday && !options.include_pending_holidays) continue;
      auto& slot = cal.status_[static_cast<std::size_t>(cal.index_of(day.date))];
      const bool weekend = slot == DayStatus::weekly_rest;
      // A holiday on the weekly rest day changes nothing here: its compensatory day is listed
      // apart.
      if (weekend && day.kind != DayKind::makeup_workday) continue;
      if (!weekend && day.kind == DayKind::makeup_workday) {
        return tl::unexpected("make-up working day " + to_iso(day.date) + " is not a rest day");
      }
      slot = status_for(day.kind);
    }
    cal.schedules_.emplace(year, std::move(schedule));
  }

  cal.rank_.resize(size + 1);
  std::int32_t rank = 0;
  for (std::size_t i = 0; i < size; ++i) {
    cal.rank_[i] = rank;
    if (cal.status_[i] == DayStatus::working || cal.status_[i] == DayStatus::makeup_workday) {
      cal.working_days_.push_back(static_cast<std::int32_t>(i));
      ++rank;
    }
  }
  cal.rank_[size] = rank;
  return cal;
}

bool WorkingCalendar::is_provisional_year(int year) const {
  const auto* schedule = schedule_of(year);
  return schedule == nullptr || schedule->provisional;
}

bool WorkingCalendar::any_provisional(Date from, Date to) const {
  for (int y = ymd_of(from).year; y <= ymd_of(to).year; ++y) {
    if (is_provisional_year(y)) return true;
  }
  return false;
}

const YearSchedule* WorkingCalendar::schedule_of(int year) const {
  const auto it = schedules_.find(year);
  return it == schedules_.end() ? nullptr : &it->second;
}

DayStatus WorkingCalendar::status(Date d) const {
  if (!contains(d)) return DayStatus::weekly_rest;
  return status_[static_cast<std::size_t>(index_of(d))];
}

tl::expected<Seconds, OutOfCalendarRange> WorkingCalendar::position(Instant t) const {
  const auto local = this->local(t);
  if (!contains(local.date)) return tl::unexpected(out_of_range());
  const auto i = static_cast<std::size_t>(index_of(local.date));
  Seconds pos = static_cast<Seconds>(rank_[i]) * per_day_;
  if (status_[i] == DayStatus::working || status_[i] == DayStatus::makeup_workday) {
    pos += hours_.worked_before(local.second_of_day);
  }
  return pos;
}

tl::expected<Instant, OutOfCalendarRange> WorkingCalendar::instant_at(Seconds pos) const {
  // The working day on which position `pos` (> 0) is reached, and how far into that day.
  const Seconds k = (pos - 1) / per_day_;
  if (pos <= 0 || k >= static_cast<Seconds>(working_days_.size())) {
    return tl::unexpected(out_of_range());
  }
  const Date day = first_ + working_days_[static_cast<std::size_t>(k)];
  return from_local(day, hours_.instant_after_worked(pos - k * per_day_), utc_offset_minutes());
}

tl::expected<Instant, OutOfCalendarRange> WorkingCalendar::next_working_instant(Instant t) const {
  const auto local = this->local(t);
  if (!contains(local.date)) return tl::unexpected(out_of_range());
  const auto i = static_cast<std::size_t>(index_of(local.date));
  if (status_[i] == DayStatus::working || status_[i] == DayStatus::makeup_workday) {
    for (const auto& p : hours_.periods) {
      if (local.second_of_day < p.start)
        return from_local(local.date, p.start, utc_offset_minutes());
      if (local.second_of_day < p.end) return t;
    }
  }
  // The first working day after today.
  const std::int32_t next_rank = rank_[i + 1];
  if (next_rank >= static_cast<std::int32_t>(working_days_.size())) {
    return tl::unexpected(out_of_range());
  }
  return office_open(first_ + working_days_[static_cast<std::size_t>(next_rank)]);
}

tl::expected<Instant, OutOfCalendarRange> WorkingCalendar::add_working_time(Instant t,
                                                                            Seconds working) const {
  if (working <= 0) {
    if (!contains(local(t).date)) return tl::unexpected(out_of_range());
    return t;
  }
  return position(t).and_then([&](Seconds pos) { return instant_at(pos + working); });
}

tl::expected<Seconds, OutOfCalendarRange> WorkingCalendar::working_time_between(Instant a,
                                                                                Instant b) const {
  auto pa = position(a);
  if (!pa) return pa;
  return position(b).map([&](Seconds pb) { return pb - *pa; });
}

tl::expected<Instant, OutOfCalendarRange> WorkingCalendar::latest_within_working_time(
    Instant t, Seconds working) const {
  const auto start = position(t);
  if (!start) return tl::unexpected(start.error());
  // Working time since t is position(u) - position(t), non-decreasing in u: the instants sought
  // are those whose position is at most `limit`.
  const Seconds limit = *start + std::max<Seconds>(working, 0);
  if (limit <= 0) return next_working_instant(t).value_or(last_instant());
  const auto reached = instant_at(limit);
  if (!reached) return last_instant();
  return next_working_instant(*reached).value_or(last_instant());
}

tl::expected<Date, OutOfCalendarRange> WorkingCalendar::nth_working_day_after(
    Date d, std::int32_t n) const {
  if (n <= 0) return working_day_at_or_after(d);
  if (!contains(d)) return tl::unexpected(out_of_range());
  const auto k = static_cast<std::size_t>(rank_[static_cast<std::size_t>(index_of(d)) + 1]) +
                 static_cast<std::size_t>(n) - 1;
  if (k >= working_days_.size()) return tl::unexpected(out_of_range());
  return first_ + working_days_[k];
}

tl::expected<Date, OutOfCalendarRange> WorkingCalendar::working_day_at_or_after(Date d) const {
  if (!contains(d)) return tl::unexpected(out_of_range());
  const auto k = static_cast<std::size_t>(rank_[static_cast<std::size_t>(index_of(d))]);
  if (k >= working_days_.size()) return tl::unexpected(out_of_range());
  return first_ + working_days_[k];
}

tl::expected<Date, OutOfCalendarRange> WorkingCalendar::previous_working_day(Date d) const {
  if (!contains(d)) return tl::unexpected(out_of_range());
  const std::int32_t r = rank_[static_cast<std::size_t>(index_of(d))];
  if (r == 0) return tl::unexpected(out_of_range());
  return first_ + working_days_[static_cast<std::size_t>(r - 1)];
}

}  // namespace motcua::calendar
