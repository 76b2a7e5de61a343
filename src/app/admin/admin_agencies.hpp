// Agencies and one-stop units as administrators manage them: list the agencies of their tree,
// rename an agency or change the code it puts in dossier codes, create and edit the one-stop units
// (places of receipt) of an agency. Every change needs a reason and lands in the audit log with
// the values before and after. Dossier codes already issued keep the old agency code: they are
// stored as text, and the daily sequence is kept per code, so no code is ever issued twice.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/admin/admin_views.hpp"
#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// The Circular 01/2018/TT-VPCP shape the demo's agency codes use: three dotted groups of digits
// and a letter with two digits, e.g. "000.14.29.H42".
bool is_circular_agency_code(std::string_view code);

// Agencies in the administrator's tree whose name, English name, code or id contains `query`
// (empty: all), each with its one-stop units; at most 200.
AppResult<std::vector<AgencyView>> list_admin_agencies(store::SqlConnection& db, const Actor& actor,
                                                       const std::string& query);

// An edit as decoded from a request (src/api/json/admin_json.cpp). Fields left out keep their
// stored value. `field_error` is the first problem with the body's shape or fields; it is
// reported only once the record is found and in scope, so a missing record still answers 404.
struct AgencyEdit {
  std::optional<std::string> name, name_en, code;
  // The values the editor read (string members of `expected` only); 409 when they moved.
  std::map<std::string, std::string> expected;
  bool expected_not_object = false;
  std::string reason;
  std::optional<AppError> field_error;
};
struct UnitEdit {
  std::optional<std::string> name, name_en, address;
  std::map<std::string, std::string> expected;
  bool expected_not_object = false;
  std::string reason;
  std::optional<AppError> field_error;
};
struct NewUnit {
  std::string id, agency_id;
  std::string name, name_en, address;
  std::string reason;
  std::optional<AppError> field_error;  // about name, name_en or address
};

// Body: {name?, name_en?, code?, expected?: {name, name_en, code}, reason}. 409 when another
// agency uses the code.
AppResult<AgencyView> update_agency(store::SqlConnection& db, const Actor& actor,
                                    const std::string& agency_id, const AgencyEdit& edit,
                                    const std::string& now_iso);

// Body: {id, agency_id, name, name_en?, address?, reason}.
AppResult<UnitView> create_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                         const NewUnit& unit, const std::string& now_iso);

// Body: {name?, name_en?, address?, expected?: {name, name_en, address}, reason}.
AppResult<UnitView> update_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                         const std::string& unit_id, const UnitEdit& edit,
                                         const std::string& now_iso);

}  // namespace motcua::app
