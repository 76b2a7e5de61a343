// motcua calendar --year 2027: every weekday off and every weekend day worked in a year.
#include <boost/json.hpp>

#include "cli/calendar_option.hpp"
#include "cli/command.hpp"

namespace motcua::cli {

namespace {

struct CalendarArgs {
  int year = 0;
  CalendarOption calendar;
};

// The schedule entry that explains a day's status, if any.
const calendar::ScheduledDay* entry_for(const calendar::YearSchedule* schedule, Date d,
                                        bool include_pending) {
  if (schedule == nullptr) return nullptr;
  for (const auto& day : schedule->days) {
    if (day.date != d) continue;
    if (day.kind == calendar::DayKind::pending_holiday && !include_pending) continue;
    return &day;
  }
  return nullptr;
}

int run_calendar(const CalendarArgs& args) {
  if (args.year < calendar::kFirstCalendarYear || args.year > calendar::kLastCalendarYear) {
    return bad_input("year " + std::to_string(args.year) + " is out of range (" +
                     std::to_string(calendar::kFirstCalendarYear) + "-" +
                     std::to_string(calendar::kLastCalendarYear) + ")");
  }
  auto cal = args.calendar.load();
  if (!cal) return bad_input(cal.error());
  const auto* schedule = cal->schedule_of(args.year);
  boost::json::array days;
  int working_days = 0;
  for (Date d = date_from_ymd(args.year, 1, 1); d <= date_from_ymd(args.year, 12, 31); d = d + 1) {
    const auto status = cal->status(d);
    if (cal->is_working_day(d)) ++working_days;
    if (status == calendar::DayStatus::working || status == calendar::DayStatus::weekly_rest) {
      continue;
    }
    const auto* entry = entry_for(schedule, d, args.calendar.include_pending);
    days.push_back(boost::json::object{{"date", to_iso(d)},
                                       {"kind", to_string(status)},
                                       {"name", entry ? entry->name : ""},
                                       {"name_en", entry ? entry->name_en : ""}});
  }
  boost::json::object out;
  out["year"] = args.year;
  out["provisional"] = cal->is_provisional_year(args.year);
  out["working_days"] = working_days;
  out["working_minutes_per_day"] = cal->working_seconds_per_day() / kSecondsPerMinute;
  out["days"] = std::move(days);
  return print_json(out);
}

}  // namespace

void add_calendar_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<CalendarArgs>();
  auto* cmd = app.add_subcommand("calendar", "List a year's days off and extra working days");
  cmd->add_option("--year", args->year, "Year, 1900-2100")->required();
  args->calendar.add_to(*cmd);
  cmd->callback([args, &action] { action = [args] { return run_calendar(*args); }; });
}

}  // namespace motcua::cli
