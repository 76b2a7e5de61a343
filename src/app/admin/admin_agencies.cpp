#include "app/admin/admin_agencies.hpp"

#include <algorithm>
#include <cctype>

#include "app/admin/admin_users.hpp"
#include "app/dossier/dossier_access.hpp"
#include "codec/admin_audit_json.hpp"
#include "domain/text/fold.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"

namespace motcua::app {

namespace {

constexpr std::size_t kMaxListed = 200;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

AppError reason_required() {
  return {ErrorKind::invalid_input, "reason_required", "Cần ghi lý do thay đổi.",
          "A reason for the change is required.", ""};
}

// A unit id is part of URLs and of stored dossiers: lowercase letters, digits and '-'.
bool valid_unit_id(const std::string& id) {
  if (id.size() < 2 || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::islower(c) != 0 || std::isdigit(c) != 0 || c == '-';
  });
}

UnitView unit_view(const store::OneStopUnitRow& u) {
  return {u.id, u.agency_id, u.name, u.name_en, u.address};
}

codec::AuditUnit audit_unit(const store::OneStopUnitRow& u) {
  return {u.id, u.agency_id, u.name, u.name_en, u.address};
}

AgencyView agency_view(store::SqlConnection& db, const store::AgencyRow& a) {
  AgencyView view{a.id, a.code, a.name, a.name_en, a.kind, a.parent_id, {}};
  for (const auto& u : store::units_of_agency(db, a.id)) view.units.push_back(unit_view(u));
  return view;
}

// The agency, if it exists (404) and lies in the actor's administrator tree (403).
AppResult<store::AgencyRow> managed_agency(store::SqlConnection& db, const Actor& actor,
                                           const std::string& agency_id) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  auto agency = store::find_agency(db, agency_id);
  if (!agency) return tl::unexpected(not_found("agency " + agency_id));
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  if (std::find(scope.begin(), scope.end(), agency_id) == scope.end()) {
    return tl::unexpected(forbidden_action("agency " + agency_id + " is outside your scope"));
  }
  return std::move(*agency);
}

// 409 when the editor read values that have changed since: two administrators editing the same
// record do not silently overwrite each other. Agencies carry no version column, so the values
// themselves are compared.
AppResult<void> check_expected(bool not_object, const std::map<std::string, std::string>& expected,
                               const std::map<std::string, std::string>& stored) {
  if (not_object) return tl::unexpected(invalid_input("'expected' must be an object"));
  for (const auto& [key, value] : expected) {
    const auto it = stored.find(key);
    if (it == stored.end()) continue;
    if (value != it->second) {
      return tl::unexpected(
          conflict("changed_meanwhile", "Dữ liệu vừa được người khác thay đổi; hãy tải lại.",
                   "Someone else changed this meanwhile; reload and retry.", key));
    }
  }
  return {};
}

}  // namespace

bool is_circular_agency_code(std::string_view code) {
  // ddd.dd.dd.Ldd
  static constexpr std::string_view kShape = "999.99.99.A99";
  if (code.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const auto c = static_cast<unsigned char>(code[i]);
    switch (kShape[i]) {
      case '9':
        if (std::isdigit(c) == 0) return false;
        break;
      case 'A':
        if (c < 'A' || c > 'Z') return false;
        break;
      default:
        if (code[i] != kShape[i]) return false;
    }
  }
  return true;
}

AppResult<std::vector<AgencyView>> list_admin_agencies(store::SqlConnection& db, const Actor& actor,
                                                       const std::string& query) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const std::string needle = text::fold_vietnamese(query);
  std::vector<store::AgencyRow> found;
  for (const auto& id : scoped_agencies(db, actor, dossier::Role::administrator)) {
    auto agency = store::find_agency(db, id);
    if (!agency) continue;
    const std::string haystack = text::fold_vietnamese(agency->name + " " + agency->name_en + " " +
                                                       agency->code + " " + agency->id);
    if (needle.empty() || haystack.find(needle) != std::string::npos) {
      found.push_back(std::move(*agency));
    }
  }
  // The tree's root first, then by name: the list reads like the province's directory.
  std::sort(found.begin(), found.end(), [](const store::AgencyRow& a, const store::AgencyRow& b) {
    const bool ra = a.kind == "province", rb = b.kind == "province";
    if (ra != rb) return ra;
    return a.name < b.name;
  });
  std::vector<AgencyView> out;
  for (const auto& a : found) {
    if (out.size() == kMaxListed) break;
    out.push_back(agency_view(db, a));
  }
  return out;
}

AppResult<AgencyView> update_agency(store::SqlConnection& db, const Actor& actor,
                                    const std::string& agency_id, const AgencyEdit& edit,
                                    const std::string& now_iso) {
  auto agency = managed_agency(db, actor, agency_id);
  if (!agency) return tl::unexpected(agency.error());
  if (edit.field_error) return tl::unexpected(*edit.field_error);
  store::AgencyRow after = *agency;
  if (edit.name) after.name = *edit.name;
  if (edit.name_en) after.name_en = *edit.name_en;
  if (edit.code) after.code = *edit.code;
  if (after.code != agency->code && !is_circular_agency_code(after.code)) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_agency_code",
        "Mã cơ quan phải theo dạng của Thông tư 01/2018/TT-VPCP, ví dụ 000.14.29.H42.",
        "The agency code must have the Circular 01/2018/TT-VPCP shape, e.g. 000.14.29.H42.",
        after.code});
  }
  if (auto ok = check_expected(
          edit.expected_not_object, edit.expected,
          {{"name", agency->name}, {"name_en", agency->name_en}, {"code", agency->code}});
      !ok) {
    return tl::unexpected(ok.error());
  }
  if (blank(edit.reason)) return tl::unexpected(reason_required());
  if (const auto other = store::agency_with_code(db, after.code, agency_id)) {
    return tl::unexpected(conflict("agency_code_taken", "Mã cơ quan này đã được cơ quan khác dùng.",
                                   "Another agency already uses this code.", *other));
  }
  store::rename_agency(db, agency_id, after.code, after.name, after.name_en);
  store::append_audit(db,
                      {0, actor.user_id, now_iso, "agency.updated", agency_id, edit.reason,
                       codec::agency_change_details({agency->code, agency->name, agency->name_en},
                                                    {after.code, after.name, after.name_en})});
  return agency_view(db, after);
}

AppResult<UnitView> create_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                         const NewUnit& input, const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const store::OneStopUnitRow unit{input.id, input.agency_id, input.name, input.name_en,
                                   input.address};
  auto agency = managed_agency(db, actor, unit.agency_id);
  if (!agency) return tl::unexpected(agency.error());
  if (!valid_unit_id(unit.id)) {
    return tl::unexpected(
        AppError{ErrorKind::invalid_input, "invalid_unit_id",
                 "Mã bộ phận gồm 2-64 ký tự: chữ thường không dấu, số, gạch ngang.",
                 "A unit id has 2-64 characters: lowercase letters, digits and '-'.", unit.id});
  }
  if (input.field_error) return tl::unexpected(*input.field_error);
  if (blank(input.reason)) return tl::unexpected(reason_required());
  if (store::find_unit(db, unit.id)) {
    return tl::unexpected(conflict("unit_id_taken", "Mã bộ phận một cửa này đã có.",
                                   "A one-stop unit with this id already exists.", unit.id));
  }
  store::insert_unit(db, unit);
  store::append_audit(db,
                      {0, actor.user_id, now_iso, "one_stop_unit.created", unit.id, input.reason,
                       codec::unit_change_details(std::nullopt, audit_unit(unit))});
  return unit_view(unit);
}

AppResult<UnitView> update_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                         const std::string& unit_id, const UnitEdit& edit,
                                         const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto unit = store::find_unit(db, unit_id);
  if (!unit) return tl::unexpected(not_found("one-stop unit " + unit_id));
  if (auto agency = managed_agency(db, actor, unit->agency_id); !agency) {
    return tl::unexpected(agency.error());
  }
  if (edit.field_error) return tl::unexpected(*edit.field_error);
  store::OneStopUnitRow after = *unit;
  if (edit.name) after.name = *edit.name;
  if (edit.name_en) after.name_en = *edit.name_en;
  if (edit.address) after.address = *edit.address;
  if (auto ok = check_expected(
          edit.expected_not_object, edit.expected,
          {{"name", unit->name}, {"name_en", unit->name_en}, {"address", unit->address}});
      !ok) {
    return tl::unexpected(ok.error());
  }
  if (blank(edit.reason)) return tl::unexpected(reason_required());
  store::update_unit(db, after);
  store::append_audit(db, {0, actor.user_id, now_iso, "one_stop_unit.updated", unit_id, edit.reason,
                           codec::unit_change_details(audit_unit(*unit), audit_unit(after))});
  return unit_view(after);
}

}  // namespace motcua::app
