#include "app/admin/admin_agencies.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "app/admin/admin_users.hpp"
#include "app/dossier/dossier_access.hpp"
#include "domain/text/fold.hpp"
#include "store/audit_log.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr const char* kAgency =
    "SELECT id, code, name, name_en, kind, parent_id FROM agencies WHERE id = ?";
constexpr const char* kCodeUsedElsewhere = "SELECT id FROM agencies WHERE code = ? AND id <> ?";
constexpr const char* kUpdateAgency =
    "UPDATE agencies SET code = ?, name = ?, name_en = ? WHERE id = ?";
constexpr const char* kUnit =
    "SELECT id, agency_id, name, name_en, address FROM one_stop_units WHERE id = ?";
constexpr const char* kUnitsOf =
    "SELECT id, agency_id, name, name_en, address FROM one_stop_units WHERE agency_id = ? "
    "ORDER BY name";
constexpr const char* kInsertUnit =
    "INSERT INTO one_stop_units(id, agency_id, name, name_en, address) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kUpdateUnit =
    "UPDATE one_stop_units SET name = ?, name_en = ?, address = ? WHERE id = ?";
constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxAddress = 300;
constexpr std::size_t kMaxListed = 200;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

AppError reason_required() {
  return {ErrorKind::invalid_input, "reason_required", "Cần ghi lý do thay đổi.",
          "A reason for the change is required.", ""};
}

std::string string_member(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string{};
}

// Reads an optional string field into `target`; false when present but not a string or too long
// (or blank, when `required`).
bool read_text(const json::object& o, std::string_view key, std::size_t max, bool required,
               std::string& target) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return true;
  if (!v->is_string() || v->as_string().size() > max) return false;
  std::string text(v->as_string());
  if (required && blank(text)) return false;
  target = std::move(text);
  return true;
}

// A unit id is part of URLs and of stored dossiers: lowercase letters, digits and '-'.
bool valid_unit_id(const std::string& id) {
  if (id.size() < 2 || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::islower(c) != 0 || std::isdigit(c) != 0 || c == '-';
  });
}

struct AgencyRow {
  std::string id, code, name, name_en, kind, parent_id;
};

struct UnitRow {
  std::string id, agency_id, name, name_en, address;
};

std::optional<AgencyRow> find_agency(store::SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(kAgency, {id});
  if (!row) return std::nullopt;
  return AgencyRow{row->text(0), row->text(1), row->text(2),
                   row->text(3), row->text(4), row->is_null(5) ? "" : row->text(5)};
}

std::optional<UnitRow> find_unit(store::SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(kUnit, {id});
  if (!row) return std::nullopt;
  return UnitRow{row->text(0), row->text(1), row->text(2), row->text(3), row->text(4)};
}

json::object unit_view(const UnitRow& u) {
  return {{"id", u.id},
          {"agency_id", u.agency_id},
          {"name", u.name},
          {"name_en", u.name_en},
          {"address", u.address}};
}

json::object agency_view(store::SqlConnection& db, const AgencyRow& a) {
  json::array units;
  for (const auto& row : db.query(kUnitsOf, {a.id})) {
    units.push_back(unit_view({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)}));
  }
  return {{"id", a.id},
          {"code", a.code},
          {"name", a.name},
          {"name_en", a.name_en},
          {"kind", a.kind},
          {"parent_id", a.parent_id.empty() ? json::value(nullptr) : json::value(a.parent_id)},
          {"units", std::move(units)}};
}

// The agency, if it exists (404) and lies in the actor's administrator tree (403).
AppResult<AgencyRow> managed_agency(store::SqlConnection& db, const Actor& actor,
                                    const std::string& agency_id) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  auto agency = find_agency(db, agency_id);
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
AppResult<void> check_expected(const json::object& body,
                               const std::map<std::string, std::string>& stored) {
  const auto* expected = body.if_contains("expected");
  if (expected == nullptr) return {};
  if (!expected->is_object()) return tl::unexpected(invalid_input("'expected' must be an object"));
  for (const auto& [key, value] : expected->as_object()) {
    const auto it = stored.find(std::string(key));
    if (it == stored.end() || !value.is_string()) continue;
    if (value.as_string() != it->second) {
      return tl::unexpected(
          conflict("changed_meanwhile", "Dữ liệu vừa được người khác thay đổi; hãy tải lại.",
                   "Someone else changed this meanwhile; reload and retry.", std::string(key)));
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

AppResult<json::array> list_admin_agencies(store::SqlConnection& db, const Actor& actor,
                                           const std::string& query) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const std::string needle = text::fold_vietnamese(query);
  std::vector<AgencyRow> found;
  for (const auto& id : scoped_agencies(db, actor, dossier::Role::administrator)) {
    auto agency = find_agency(db, id);
    if (!agency) continue;
    const std::string haystack = text::fold_vietnamese(agency->name + " " + agency->name_en + " " +
                                                       agency->code + " " + agency->id);
    if (needle.empty() || haystack.find(needle) != std::string::npos) {
      found.push_back(std::move(*agency));
    }
  }
  // The tree's root first, then by name: the list reads like the province's directory.
  std::sort(found.begin(), found.end(), [](const AgencyRow& a, const AgencyRow& b) {
    const bool ra = a.kind == "province", rb = b.kind == "province";
    if (ra != rb) return ra;
    return a.name < b.name;
  });
  json::array out;
  for (const auto& a : found) {
    if (out.size() == kMaxListed) break;
    out.push_back(agency_view(db, a));
  }
  return out;
}

AppResult<json::object> update_agency(store::SqlConnection& db, const Actor& actor,
                                      const std::string& agency_id, const json::value& body,
                                      const std::string& now_iso) {
  auto agency = managed_agency(db, actor, agency_id);
  if (!agency) return tl::unexpected(agency.error());
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  AgencyRow after = *agency;
  if (!read_text(o, "name", kMaxName, true, after.name)) {
    return tl::unexpected(invalid_input("'name' must be a non-empty string (at most 200)"));
  }
  if (!read_text(o, "name_en", kMaxName, false, after.name_en)) {
    return tl::unexpected(invalid_input("'name_en' must be a string (at most 200)"));
  }
  if (!read_text(o, "code", 32, true, after.code)) {
    return tl::unexpected(invalid_input("'code' must be a non-empty string"));
  }
  if (after.code != agency->code && !is_circular_agency_code(after.code)) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_agency_code",
        "Mã cơ quan phải theo dạng của Thông tư 01/2018/TT-VPCP, ví dụ 000.14.29.H42.",
        "The agency code must have the Circular 01/2018/TT-VPCP shape, e.g. 000.14.29.H42.",
        after.code});
  }
  if (auto ok = check_expected(
          o, {{"name", agency->name}, {"name_en", agency->name_en}, {"code", agency->code}});
      !ok) {
    return tl::unexpected(ok.error());
  }
  const std::string reason = string_member(o, "reason");
  if (blank(reason)) return tl::unexpected(reason_required());
  if (const auto other = db.query_one(kCodeUsedElsewhere, {after.code, agency_id})) {
    return tl::unexpected(conflict("agency_code_taken", "Mã cơ quan này đã được cơ quan khác dùng.",
                                   "Another agency already uses this code.", other->text(0)));
  }
  db.execute(kUpdateAgency, {after.code, after.name, after.name_en, agency_id});
  const json::object details{
      {"before",
       json::object{{"code", agency->code}, {"name", agency->name}, {"name_en", agency->name_en}}},
      {"after",
       json::object{{"code", after.code}, {"name", after.name}, {"name_en", after.name_en}}}};
  store::append_audit(db, {0, actor.user_id, now_iso, "agency.updated", agency_id, reason,
                           json::serialize(details)});
  return agency_view(db, after);
}

AppResult<json::object> create_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                             const json::value& body, const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  UnitRow unit{string_member(o, "id"), string_member(o, "agency_id"), "", "", ""};
  auto agency = managed_agency(db, actor, unit.agency_id);
  if (!agency) return tl::unexpected(agency.error());
  if (!valid_unit_id(unit.id)) {
    return tl::unexpected(
        AppError{ErrorKind::invalid_input, "invalid_unit_id",
                 "Mã bộ phận gồm 2-64 ký tự: chữ thường không dấu, số, gạch ngang.",
                 "A unit id has 2-64 characters: lowercase letters, digits and '-'.", unit.id});
  }
  if (!o.contains("name") || !read_text(o, "name", kMaxName, true, unit.name)) {
    return tl::unexpected(invalid_input("'name' is required (at most 200 characters)"));
  }
  if (!read_text(o, "name_en", kMaxName, false, unit.name_en) ||
      !read_text(o, "address", kMaxAddress, false, unit.address)) {
    return tl::unexpected(invalid_input("'name_en' or 'address' is not a string or too long"));
  }
  const std::string reason = string_member(o, "reason");
  if (blank(reason)) return tl::unexpected(reason_required());
  if (find_unit(db, unit.id)) {
    return tl::unexpected(conflict("unit_id_taken", "Mã bộ phận một cửa này đã có.",
                                   "A one-stop unit with this id already exists.", unit.id));
  }
  db.execute(kInsertUnit, {unit.id, unit.agency_id, unit.name, unit.name_en, unit.address});
  store::append_audit(
      db, {0, actor.user_id, now_iso, "one_stop_unit.created", unit.id, reason,
           json::serialize(json::object{{"before", nullptr}, {"after", unit_view(unit)}})});
  return unit_view(unit);
}

AppResult<json::object> update_one_stop_unit(store::SqlConnection& db, const Actor& actor,
                                             const std::string& unit_id, const json::value& body,
                                             const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto unit = find_unit(db, unit_id);
  if (!unit) return tl::unexpected(not_found("one-stop unit " + unit_id));
  if (auto agency = managed_agency(db, actor, unit->agency_id); !agency) {
    return tl::unexpected(agency.error());
  }
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  UnitRow after = *unit;
  if (!read_text(o, "name", kMaxName, true, after.name)) {
    return tl::unexpected(invalid_input("'name' must be a non-empty string (at most 200)"));
  }
  if (!read_text(o, "name_en", kMaxName, false, after.name_en) ||
      !read_text(o, "address", kMaxAddress, false, after.address)) {
    return tl::unexpected(invalid_input("'name_en' or 'address' is not a string or too long"));
  }
  if (auto ok = check_expected(
          o, {{"name", unit->name}, {"name_en", unit->name_en}, {"address", unit->address}});
      !ok) {
    return tl::unexpected(ok.error());
  }
  const std::string reason = string_member(o, "reason");
  if (blank(reason)) return tl::unexpected(reason_required());
  db.execute(kUpdateUnit, {after.name, after.name_en, after.address, unit_id});
  store::append_audit(
      db,
      {0, actor.user_id, now_iso, "one_stop_unit.updated", unit_id, reason,
       json::serialize(json::object{{"before", unit_view(*unit)}, {"after", unit_view(after)}})});
  return unit_view(after);
}

}  // namespace motcua::app
