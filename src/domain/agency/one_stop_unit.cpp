#include "domain/agency/one_stop_unit.hpp"

namespace motcua::agency {

namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool in_scope(const AgencyTree& tree, const Agency& owner, ReceptionScope scope,
              std::string_view competent_id) {
  switch (scope) {
    case ReceptionScope::own_agency:
      return tree.is_within(competent_id, owner.id);
    case ReceptionScope::province: {
      const Agency* province = tree.province_of(owner.id);
      return province != nullptr && tree.is_within(competent_id, province->id);
    }
  }
  return false;
}

}  // namespace

std::string_view to_string(ReceptionScope scope) {
  return scope == ReceptionScope::own_agency ? "own_agency" : "province";
}

std::optional<ReceptionScope> parse_reception_scope(std::string_view name) {
  if (name == "own_agency") return ReceptionScope::own_agency;
  if (name == "province") return ReceptionScope::province;
  return std::nullopt;
}

ReceptionScope default_scope(const Agency& owner, Date day) {
  switch (owner.kind) {
    case AgencyKind::province:
      return ReceptionScope::province;
    case AgencyKind::commune:
      return day >= kProvinceWideReceptionFrom ? ReceptionScope::province
                                               : ReceptionScope::own_agency;
    case AgencyKind::department:
    case AgencyKind::ministry:
    case AgencyKind::other:
      return ReceptionScope::own_agency;
  }
  return ReceptionScope::own_agency;
}

bool can_receive_for(const AgencyTree& tree, const OneStopUnit& unit,
                     std::string_view competent_agency_id, Date day) {
  const Agency* owner = tree.find(unit.agency_id);
  if (owner == nullptr || !owner->is_valid_on(day)) return false;
  if (!tree.is_valid_on(competent_agency_id, day)) return false;
  if (in_scope(tree, *owner, unit.scope.value_or(default_scope(*owner, day)),
               competent_agency_id)) {
    return true;
  }
  for (const std::string& extra : unit.also_receives_for) {
    if (tree.is_valid_on(extra, day) && tree.is_within(competent_agency_id, extra)) return true;
  }
  return false;
}

std::vector<const Agency*> receivable_agencies(const AgencyTree& tree, const OneStopUnit& unit,
                                               Date day) {
  std::vector<const Agency*> out;
  for (const Agency& a : tree.agencies()) {
    if (can_receive_for(tree, unit, a.id, day)) out.push_back(&a);
  }
  return out;
}

std::vector<AgencyProblem> validate_one_stop_unit(const AgencyTree& tree, const OneStopUnit& unit) {
  using enum AgencyProblemCode;
  std::vector<AgencyProblem> problems;
  if (unit.id.empty()) {
    problems.push_back(
        {empty_id, "", "Bộ phận Một cửa chưa có mã định danh", "the one-stop unit has no id"});
  }
  if (unit.name.empty()) {
    problems.push_back({empty_name, unit.id, "Bộ phận Một cửa " + quoted(unit.id) + " chưa có tên",
                        "one-stop unit " + quoted(unit.id) + " has no name"});
  }
  const Agency* owner = tree.find(unit.agency_id);
  if (owner == nullptr) {
    problems.push_back(
        {unknown_agency, unit.id,
         "Bộ phận Một cửa " + quoted(unit.id) + ": không có cơ quan " + quoted(unit.agency_id),
         "one-stop unit " + quoted(unit.id) + ": agency " + quoted(unit.agency_id) +
             " does not exist"});
  } else if (unit.scope == ReceptionScope::province && tree.province_of(owner->id) == nullptr) {
    problems.push_back({no_province, unit.id,
                        "Bộ phận Một cửa " + quoted(unit.id) +
                            ": tiếp nhận toàn tỉnh nhưng cơ quan không thuộc tỉnh nào",
                        "one-stop unit " + quoted(unit.id) +
                            ": province-wide reception but its agency is in no province"});
  }
  for (const std::string& extra : unit.also_receives_for) {
    if (tree.find(extra) != nullptr) continue;
    problems.push_back(
        {unknown_agency, unit.id,
         "Bộ phận Một cửa " + quoted(unit.id) + ": không có cơ quan " + quoted(extra),
         "one-stop unit " + quoted(unit.id) + ": agency " + quoted(extra) + " does not exist"});
  }
  return problems;
}

}  // namespace motcua::agency
