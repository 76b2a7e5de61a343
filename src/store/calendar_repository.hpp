// Rows of `calendar_years`: announced years imported by administrators, overriding the data files.
// `document` is the year in the file format of docs/rules.md 1.5; this layer does not parse it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct CalendarYearRow {
  int year = 0;
  std::string document;  // JSON
  std::int64_t version = 0;
  std::string updated_by;
  std::string updated_at;
};

std::vector<CalendarYearRow> list_calendar_years(SqlConnection& db);
std::optional<CalendarYearRow> find_calendar_year(SqlConnection& db, int year);

// Writes version `row.version`: inserts when it is 1, else replaces version `row.version - 1`.
// Throws ConstraintError when another writer got there first (optimistic concurrency).
void save_calendar_year(SqlConnection& db, const CalendarYearRow& row);

}  // namespace motcua::store
