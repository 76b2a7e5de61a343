// JSON of the calendar routes: encoders of the views of src/app/calendar, found by value_from
// through ADL, and the decoder of a submitted year.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/calendar/calendar_views.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const CalendarProblem& p);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const CalendarDayView& d);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const CalendarYearView& y);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const CalendarYearsView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const DayChange& d);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const DueDateChange& d);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const YearImportView& v);

}  // namespace motcua::app

namespace motcua::api {

// The body of POST/PUT /api/v1/calendar/years/{year}: an announced year in the file format of
// docs/rules.md 1.5 plus the request's own members (reason, expected_version), which are left out
// of the stored document.
app::SubmittedYear submitted_year_from_json(const boost::json::value& body);

}  // namespace motcua::api
