// Agencies and one-stop units as administrators manage them: list the agencies of their tree,
// rename an agency or change the code it puts in dossier codes, create and edit the one-stop units
// (places of receipt) of an agency. Every change needs a reason and lands in the audit log with
// the values before and after. Dossier codes already issued keep the old agency code: they are
// stored as text, and the daily sequence is kept per code, so no code is ever issued twice.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// The Circular 01/2018/TT-VPCP shape the demo's agency codes use: three dotted groups of digits
// and a letter with two digits, e.g. "000.14.29.H42".
bool is_circular_agency_code(std::string_view code);

// Agencies in the administrator's tree whose name, English name, code or id contains `query`
// (empty: all), each with its one-stop units; at most 200.
AppResult<boost::json::array> list_admin_agencies(store::SqlConnection& db, const Actor& actor,
                                                  const std::string& query);

// Body: {name?, name_en?, code?, expected?: {name, name_en, code} (the values the editor read;
// 409 when they moved), reason}. 409 when another agency uses the code.
AppResult<boost::json::object> update_agency(store::SqlConnection& db, const Actor& actor,
                                             const std::string& agency_id,
                                             const boost::json::value& body,
                                             const std::string& now_iso);

// Body: {id, agency_id, name, name_en?, address?, reason}.
AppResult<boost::json::object> create_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                                    const boost::json::value& body,
                                                    const std::string& now_iso);

// Body: {name?, name_en?, address?, expected?: {name, name_en, address}, reason}.
AppResult<boost::json::object> update_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                                    const std::string& unit_id,
                                                    const boost::json::value& body,
                                                    const std::string& now_iso);

}  // namespace motcua::app
