// Agencies (cơ quan có thẩm quyền) and one-stop units (bộ phận một cửa) as typed rows: the one
// place that reads and writes the `agencies` and `one_stop_units` tables.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct AgencyRow {
  std::string id;
  std::string code;  // used in dossier codes
  std::string name;
  std::string name_en;
  std::string kind;  // province, commune, department, ministry, other
  std::optional<std::string> parent_id;
  std::string valid_from;  // YYYY-MM-DD
  std::optional<std::string> valid_to;
};

struct OneStopUnitRow {
  std::string id;
  std::string agency_id;
  std::string name;
  std::string name_en;
  std::string address;
};

std::optional<AgencyRow> find_agency(SqlConnection& db, const std::string& id);
bool agency_exists(SqlConnection& db, const std::string& id);
// Whether the agency exists and is in force on `date` (YYYY-MM-DD).
bool agency_valid_on(SqlConnection& db, const std::string& id, const std::string& date);
// The agency's parent, if any.
std::optional<std::string> parent_of(SqlConnection& db, const std::string& agency_id);
// Agencies without a parent (the provinces, ministries of the installation).
std::vector<std::string> root_agency_ids(SqlConnection& db);
// The first root agency still in force, by id (where unaddressed feedback goes).
std::optional<std::string> first_current_root_agency(SqlConnection& db);
// The children of `parent_id` (the roots when it is empty), ordered by name, at most `limit`.
std::vector<AgencyRow> child_agencies(SqlConnection& db, const std::string& parent_id,
                                      int limit = 500);
// The agency holding `code`, other than `except_id`.
std::optional<std::string> agency_with_code(SqlConnection& db, const std::string& code,
                                            const std::string& except_id);
void insert_agency(SqlConnection& db, const AgencyRow& row);
// Writes every field but the code (kept: codes are assigned locally, docs/rules.md).
void update_agency_from_import(SqlConnection& db, const AgencyRow& row);
void rename_agency(SqlConnection& db, const std::string& id, const std::string& code,
                   const std::string& name, const std::string& name_en);
void set_agency_code(SqlConnection& db, const std::string& id, const std::string& code);

std::optional<OneStopUnitRow> find_unit(SqlConnection& db, const std::string& id);
// The agency a one-stop unit belongs to.
std::optional<std::string> unit_agency(SqlConnection& db, const std::string& unit_id);
std::vector<OneStopUnitRow> list_units(SqlConnection& db);
std::vector<OneStopUnitRow> units_of_agency(SqlConnection& db, const std::string& agency_id);
void insert_unit(SqlConnection& db, const OneStopUnitRow& row);
void update_unit(SqlConnection& db, const OneStopUnitRow& row);

}  // namespace motcua::store
