#include "domain/agency/agency.hpp"

#include <utility>

namespace motcua::agency {

namespace {

struct KindInfo {
  AgencyKind kind;
  std::string_view name;
  std::string_view vi;
  std::string_view en;
};

constexpr std::array<KindInfo, kAllAgencyKinds.size()> kKinds = {{
    {AgencyKind::province, "province", "Tỉnh, thành phố trực thuộc trung ương", "Province"},
    {AgencyKind::commune, "commune", "Xã, phường, đặc khu", "Commune"},
    {AgencyKind::department, "department", "Sở, ban, ngành", "Department"},
    {AgencyKind::ministry, "ministry", "Bộ, cơ quan ngang bộ", "Ministry"},
    {AgencyKind::other, "other", "Cơ quan khác", "Other agency"},
}};

const KindInfo& info(AgencyKind kind) {
  for (const auto& entry : kKinds) {
    if (entry.kind == kind) return entry;
  }
  return kKinds.back();  // unreachable for a valid enumerator
}

constexpr std::array<std::pair<AgencyProblemCode, std::string_view>, 10> kProblemCodes = {{
    {AgencyProblemCode::empty_id, "empty_id"},
    {AgencyProblemCode::duplicate_id, "duplicate_id"},
    {AgencyProblemCode::empty_name, "empty_name"},
    {AgencyProblemCode::missing_parent, "missing_parent"},
    {AgencyProblemCode::cycle, "cycle"},
    {AgencyProblemCode::invalid_validity, "invalid_validity"},
    {AgencyProblemCode::outside_parent_validity, "outside_parent_validity"},
    {AgencyProblemCode::duplicate_code, "duplicate_code"},
    {AgencyProblemCode::unknown_agency, "unknown_agency"},
    {AgencyProblemCode::no_province, "no_province"},
}};

}  // namespace

std::string_view to_string(AgencyKind kind) { return info(kind).name; }

std::optional<AgencyKind> parse_agency_kind(std::string_view name) {
  for (const auto& entry : kKinds) {
    if (entry.name == name) return entry.kind;
  }
  return std::nullopt;
}

std::string_view label_vi(AgencyKind kind) { return info(kind).vi; }
std::string_view label_en(AgencyKind kind) { return info(kind).en; }

std::string_view to_string(AgencyProblemCode code) {
  for (const auto& [candidate, name] : kProblemCodes) {
    if (candidate == code) return name;
  }
  return "unknown";
}

}  // namespace motcua::agency
