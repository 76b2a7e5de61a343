// One-stop units (Bộ phận Một cửa; at province level the Trung tâm Phục vụ hành chính công): the
// places where dossiers are received and results returned. They are kept apart from the competent
// agencies because the place of receipt is not the place of decision: since 01/07/2025 a centre
// receives dossiers regardless of administrative boundary within its province (rules digest
// section 11), and a commune centre receives for a provincial department (digest case 17).
//
// Who may receive for whom:
//  - a unit of a province receives for every agency of that province (the province, its
//    departments, its communes and everything below them);
//  - a unit of a commune receives for its own commune and, from 01/07/2025, for every agency of
//    its province as well; before that date only for its own commune;
//  - a unit of any other agency (a ministry, a department with its own desk) receives for that
//    agency and the agencies below it;
//  - `scope` overrides the default when a province decides otherwise, and `also_receives_for`
//    adds agencies (with their subtrees) outside the scope, e.g. a central agency whose
//    procedures a provincial centre takes in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agency/agency.hpp"
#include "domain/agency/agency_tree.hpp"

namespace motcua::agency {

enum class ReceptionScope {
  own_agency,  // the unit's agency and the agencies below it
  province,    // every agency of the province the unit's agency belongs to
};

std::string_view to_string(ReceptionScope scope);
std::optional<ReceptionScope> parse_reception_scope(std::string_view name);

// Decree 118/2025 took effect on 2025-07-01 (day 20270 since 1970-01-01; checked in the tests).
inline constexpr Date kProvinceWideReceptionFrom{20270};

struct OneStopUnit {
  std::string id;
  std::string name;  // Vietnamese, e.g. "Trung tâm Phục vụ hành chính công phường Ba Đình"
  std::string name_en;                         // may be empty
  std::string agency_id;                       // the agency the unit belongs to
  std::optional<ReceptionScope> scope;         // none: the default for the agency's kind and day
  std::vector<std::string> also_receives_for;  // agency ids, each with its subtree
};

// The scope the rules give a unit of `owner` on `day` when the unit sets none.
ReceptionScope default_scope(const Agency& owner, Date day);

// Whether `unit` may receive, on `day`, a dossier that `competent_agency_id` decides. Both the
// unit's agency and the competent agency must exist and be valid on that day.
bool can_receive_for(const AgencyTree& tree, const OneStopUnit& unit,
                     std::string_view competent_agency_id, Date day);

// Every agency valid on `day` that `unit` may receive for, in tree order (for pick lists).
std::vector<const Agency*> receivable_agencies(const AgencyTree& tree, const OneStopUnit& unit,
                                               Date day);

// Checks a unit against the tree: id and name present, its agency and every extra agency known,
// and a province-wide scope only for an agency inside a province. Every problem at once.
std::vector<AgencyProblem> validate_one_stop_unit(const AgencyTree& tree, const OneStopUnit& unit);

}  // namespace motcua::agency
