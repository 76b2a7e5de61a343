#include "store/unit_history.hpp"

namespace motcua::store {

namespace {
constexpr const char* kInsert =
    "INSERT INTO unit_history(agency_id, effective, column_name, before, after, recorded_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
constexpr const char* kOf =
    "SELECT agency_id, effective, column_name, before, after, recorded_at FROM unit_history "
    "WHERE agency_id = ? ORDER BY effective, column_name";
}  // namespace

bool record_unit_change(SqlConnection& db, const UnitHistoryRow& r) {
  return db.execute(kInsert,
                    {r.agency_id, r.effective, r.column, r.before, r.after, r.recorded_at}) > 0;
}

std::vector<UnitHistoryRow> unit_history_of(SqlConnection& db, const std::string& agency_id) {
  std::vector<UnitHistoryRow> out;
  for (const auto& r : db.query(kOf, {agency_id})) {
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
  }
  return out;
}

}  // namespace motcua::store
