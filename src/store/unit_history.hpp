// The dated history of administrative units kept by the units import: renamings and other column
// changes between editions, with the day each took effect.
#pragma once

#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct UnitHistoryRow {
  std::string agency_id;
  std::string effective;  // YYYY-MM-DD
  std::string column;
  std::string before;
  std::string after;
  std::string recorded_at;
};

// Inserts the change unless the same unit, day and column is already recorded; true if inserted.
bool record_unit_change(SqlConnection& db, const UnitHistoryRow& row);

// The changes of one unit, oldest first.
std::vector<UnitHistoryRow> unit_history_of(SqlConnection& db, const std::string& agency_id);

}  // namespace motcua::store
