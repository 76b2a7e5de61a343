// What calendar administration reads and answers: a year as an administrator submitted it
// (decoded by src/api/json/calendar_json.cpp), its problems, the years listed, the consequences of
// an import. Dates and instants are ISO 8601 text, as they are shown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::app {

// One entry of "days" or "pending" as sent: members that are not strings read as "".
struct SubmittedDay {
  bool is_object = true;
  std::string date;
  std::string kind;
  std::string name;
};

struct SubmittedDayList {
  bool present = false;
  bool is_array = true;
  std::vector<SubmittedDay> entries;
};

// An announced year as sent, before any check.
struct SubmittedYear {
  bool is_object = true;
  std::optional<std::int64_t> year;  // the "year" member, when it is an integer
  SubmittedDayList days;
  SubmittedDayList pending;
  // The body without the request's own members (reason, expected_version), as JSON text in the
  // file format of docs/rules.md 1.5: what is stored once the year is accepted.
  std::string document;
};

// {code, date, message_vi, message_en}; `date` is the day's text as sent, or empty.
struct CalendarProblem {
  std::string code;
  std::string date;
  std::string message_vi;
  std::string message_en;
};

struct CalendarDayView {
  std::string date;
  std::string kind;
  std::string name;
  std::string name_en;
  std::string source;
  std::string status;
};

struct CalendarYearView {
  int year = 0;
  std::string source;  // file, database, provisional
  bool provisional = false;
  std::int64_t version = 0;
  std::optional<std::string> updated_by;  // null unless stored in the database
  std::optional<std::string> updated_at;
  std::int64_t weekdays_off = 0;
  std::int64_t makeup_workdays = 0;
  std::vector<CalendarDayView> days;
};

struct CalendarYearsView {
  int first_year = 0;
  int last_year = 0;
  std::vector<CalendarYearView> years;
};

// A day whose status differs between two calendars.
struct DayChange {
  std::string date;
  std::string before;
  std::string after;
};

// An open dossier whose due dates a calendar moves; null instants stay null.
struct DueDateChange {
  std::string id;
  std::string code;
  std::optional<std::string> due_before, due_after, due_766_before, due_766_after;
};

struct YearImportView {
  int year = 0;
  std::int64_t version = 0;
  bool dry_run = false;
  bool provisional_before = false;
  bool provisional = false;
  std::vector<DayChange> changed_days;
  std::int64_t dossiers_changed = 0;
  std::vector<DueDateChange> dossiers;
};

}  // namespace motcua::app
