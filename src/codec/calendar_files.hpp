// Reading the working calendar from data files: one JSON file per announced year under a folder
// (data/calendars/vn/2026.json ...). The format is documented in docs/rules.md, section "Calendar
// files".
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "domain/calendar/working_calendar.hpp"

namespace motcua::codec {

tl::expected<calendar::YearSchedule, std::string> parse_year_schedule(std::string_view json_text);

// Reads every <year>.json in `dir`; years without a file are provisional.
tl::expected<calendar::WorkingCalendar, std::string> load_calendar(
    const std::filesystem::path& dir,
    calendar::OfficeHours hours = calendar::OfficeHours::standard(),
    calendar::CalendarOptions options = {});

}  // namespace motcua::codec
