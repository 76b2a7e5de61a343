// Calendar administration: the working calendar the server uses now, and an administrator's import
// of an announced year (docs/rules.md 1.5 and "Calendar administration").
//
// The calendar in use is an immutable WorkingCalendar behind an atomically swapped shared_ptr:
// each request takes a snapshot and computes with it to the end, so an import never changes the
// tables under a computation in flight. Replaced calendars are kept alive until the process ends
// (a few per year at about 1 MB each), so code that still holds a plain reference from before the
// swap stays valid too.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/calendar/calendar_views.hpp"
#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/sql.hpp"

namespace motcua::app {

using CalendarPtr = std::shared_ptr<const calendar::WorkingCalendar>;

class ActiveCalendar {
 public:
  // `from_files` was built from the data files; its announced years are the base that years
  // stored in the database override.
  explicit ActiveCalendar(calendar::WorkingCalendar from_files,
                          calendar::CalendarOptions options = {});

  CalendarPtr snapshot() const { return current_.load(); }

  // The years announced in data files (before database overrides).
  const std::map<int, calendar::YearSchedule>& file_years() const { return file_years_; }

  // A calendar made of the file years with `stored` (database years) on top.
  tl::expected<CalendarPtr, std::string> build(
      const std::map<int, calendar::YearSchedule>& stored) const;

  // Makes `next` the calendar of every later snapshot.
  void publish(CalendarPtr next);

  // Held across an import (build, write, publish) so two imports cannot publish out of order.
  std::mutex& import_mutex() { return import_mu_; }

 private:
  std::map<int, calendar::YearSchedule> file_years_;
  calendar::OfficeHours hours_;
  calendar::CalendarOptions options_;
  std::atomic<CalendarPtr> current_;
  std::mutex retired_mu_;
  std::vector<CalendarPtr> retired_;
  std::mutex import_mu_;
};

// Every year stored in the database (calendar_years), parsed. Throws StoreError on a stored
// document that no longer parses (it was valid when written).
std::map<int, calendar::YearSchedule> stored_years(store::SqlConnection& db);

// The years from..to with their source (file, database, provisional), days and counts.
CalendarYearsView list_calendar_years(store::SqlConnection& db,
                                      const calendar::WorkingCalendar& cal,
                                      const ActiveCalendar& active, int from, int to);

// Checks an announced year sent by an administrator (decoded by src/api/json/calendar_json.cpp);
// the schedule is returned only when there are no problems.
struct YearDraft {
  std::optional<calendar::YearSchedule> schedule;
  std::string document;  // the canonical JSON stored (the file format of docs/rules.md 1.5)
  std::vector<CalendarProblem> problems;
};
YearDraft read_year_draft(const SubmittedYear& submitted, int year);

// Open dossiers (received, not finished) whose stored due dates differ from their legal clock
// replayed on `cal`. With
// `write`, their dossiers.due_s / due_766_s columns are updated (version bumped) in the caller's
// transaction. Comparing with the stored columns, not with the previous calendar, also catches a
// dossier written with the old calendar while the new one was being published.
std::vector<DueDateChange> recompute_open_dossiers(store::SqlConnection& db,
                                                   const calendar::WorkingCalendar& cal, bool write,
                                                   const std::string& now_iso);

// The days of `year` whose status differs between two calendars.
std::vector<DayChange> changed_days(const calendar::WorkingCalendar& before,
                                    const calendar::WorkingCalendar& after, int year);

struct YearImport {
  int year = 0;
  std::int64_t expected_version = 0;  // 0: the year must not be stored yet
  bool dry_run = false;               // only report what would change
  std::string reason;
};

// Stores an announced year (administrators with a grant on a root agency: the calendar is the
// whole country's), audits it and recomputes the due dates of open dossiers, in the caller's
// transaction. `next` is the calendar with the new year; the caller publishes it after commit.
// Refusals: 403, 409 calendar_version_mismatch, 422 reason_required.
AppResult<YearImportView> import_calendar_year(store::SqlConnection& db, const Actor& actor,
                                               const YearImport& request, const YearDraft& draft,
                                               const calendar::WorkingCalendar& before,
                                               const calendar::WorkingCalendar& next,
                                               const std::string& now_iso);

}  // namespace motcua::app
