// Agencies (cơ quan): the bodies competent to decide administrative procedures, arranged as a tree
// with validity dates. Since 01/07/2025 local government has two levels: 34 provinces (tỉnh,
// thành phố trực thuộc trung ương) and 3,321 communes (xã, phường, đặc khu) directly under them,
// with departments (sở) under a province. Ministries (bộ) are roots of their own.
//
// Validity is a half-open range of days [valid_from, valid_to): `valid_to` is the first day the
// agency no longer exists, which is the effective date of the act that abolished or merged it.
// That way two editions of the unit list meet without a gap or an overlap.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/calendar/date.hpp"

namespace motcua::agency {

enum class AgencyKind { province, commune, department, ministry, other };

inline constexpr std::array kAllAgencyKinds = {AgencyKind::province, AgencyKind::commune,
                                               AgencyKind::department, AgencyKind::ministry,
                                               AgencyKind::other};

std::string_view to_string(AgencyKind kind);
std::optional<AgencyKind> parse_agency_kind(std::string_view name);
std::string_view label_vi(AgencyKind kind);
std::string_view label_en(AgencyKind kind);

struct Agency {
  std::string id;       // stable: never reused, never changed when the agency is renamed
  std::string code;     // used in dossier codes: the GSO unit code or a "000.20.30.H40"-style code;
                        // empty when the agency never receives dossiers itself
  std::string name;     // Vietnamese, e.g. "Phường Ba Đình"
  std::string name_en;  // may be empty
  AgencyKind kind = AgencyKind::other;
  std::string parent_id;  // empty for a root (a province or a ministry)
  Date valid_from;
  std::optional<Date> valid_to;  // first day no longer valid; none while the agency exists

  bool is_valid_on(Date day) const { return valid_from <= day && (!valid_to || day < *valid_to); }
  friend bool operator==(const Agency&, const Agency&) = default;
};

// Problems found when building the tree or checking a one-stop unit. Messages are Vietnamese
// first, English beside them; `subject_id` names the agency or unit at fault.
enum class AgencyProblemCode {
  empty_id,                 // an agency or unit without an id
  duplicate_id,             // two agencies with the same id
  empty_name,               // no Vietnamese name
  missing_parent,           // parent_id names no agency
  cycle,                    // the agency is its own ancestor
  invalid_validity,         // valid_to not after valid_from
  outside_parent_validity,  // valid before the parent exists or after it ends
  duplicate_code,           // two agencies with the same code valid on a common day
  unknown_agency,           // a one-stop unit names an agency that does not exist
  no_province,              // province-wide reception for a unit outside every province
};

std::string_view to_string(AgencyProblemCode code);

struct AgencyProblem {
  AgencyProblemCode code = AgencyProblemCode::empty_id;
  std::string subject_id;
  std::string message_vi;
  std::string message_en;
};

}  // namespace motcua::agency
