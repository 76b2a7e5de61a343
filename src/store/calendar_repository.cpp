#include "store/calendar_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kList =
    "SELECT year, document, version, updated_by, updated_at FROM calendar_years ORDER BY year";
constexpr const char* kFind =
    "SELECT year, document, version, updated_by, updated_at FROM calendar_years WHERE year = ?";
constexpr const char* kInsert =
    "INSERT INTO calendar_years(year, document, version, updated_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr const char* kReplace =
    "UPDATE calendar_years SET document = ?, version = ?, updated_by = ?, updated_at = ? "
    "WHERE year = ? AND version = ?";

CalendarYearRow row_of(const SqlRow& r) {
  return {static_cast<int>(r.integer(0)), r.text(1), r.integer(2), r.text(3), r.text(4)};
}
}  // namespace

std::vector<CalendarYearRow> list_calendar_years(SqlConnection& db) {
  std::vector<CalendarYearRow> out;
  for (const auto& r : db.query(kList)) out.push_back(row_of(r));
  return out;
}

std::optional<CalendarYearRow> find_calendar_year(SqlConnection& db, int year) {
  const auto r = db.query_one(kFind, {std::int64_t{year}});
  if (!r) return std::nullopt;
  return row_of(*r);
}

void save_calendar_year(SqlConnection& db, const CalendarYearRow& row) {
  if (row.version == 1) {
    db.execute(kInsert,
               {std::int64_t{row.year}, row.document, row.version, row.updated_by, row.updated_at});
    return;
  }
  const auto changed =
      db.execute(kReplace, {row.document, row.version, row.updated_by, row.updated_at,
                            std::int64_t{row.year}, row.version - 1});
  if (changed != 1) {
    throw ConstraintError("calendar year " + std::to_string(row.year) + " changed concurrently");
  }
}

}  // namespace motcua::store
