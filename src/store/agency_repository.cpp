#include "store/agency_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kAgencyColumns =
    "SELECT id, code, name, name_en, kind, parent_id, valid_from, valid_to FROM agencies ";
constexpr const char* kAgencyExists = "SELECT 1 FROM agencies WHERE id = ?";
constexpr const char* kAgencyValid =
    "SELECT 1 FROM agencies WHERE id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > "
    "?)";
constexpr const char* kParent = "SELECT parent_id FROM agencies WHERE id = ?";
constexpr const char* kRoots = "SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY id";
constexpr const char* kFirstCurrentRoot =
    "SELECT id FROM agencies WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY id LIMIT 1";
constexpr const char* kChildrenWhere =
    "WHERE (? = '' AND parent_id IS NULL) OR parent_id = ? ORDER BY name LIMIT ?";
constexpr const char* kCodeElsewhere = "SELECT id FROM agencies WHERE code = ? AND id <> ?";
constexpr const char* kInsertAgency =
    "INSERT INTO agencies(id, code, name, name_en, kind, parent_id, valid_from, valid_to) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kUpdateFromImport =
    "UPDATE agencies SET name = ?, name_en = ?, kind = ?, parent_id = ?, valid_from = ?, "
    "valid_to = ? WHERE id = ?";
constexpr const char* kRename = "UPDATE agencies SET code = ?, name = ?, name_en = ? WHERE id = ?";
constexpr const char* kSetCode = "UPDATE agencies SET code = ? WHERE id = ?";

constexpr const char* kUnitColumns =
    "SELECT id, agency_id, name, name_en, address FROM one_stop_units ";
constexpr const char* kUnitAgency = "SELECT agency_id FROM one_stop_units WHERE id = ?";
constexpr const char* kInsertUnit =
    "INSERT INTO one_stop_units(id, agency_id, name, name_en, address) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kUpdateUnit =
    "UPDATE one_stop_units SET name = ?, name_en = ?, address = ? WHERE id = ?";

AgencyRow agency_of(const SqlRow& r) {
  return {r.text(0), r.text(1),          r.text(2), r.text(3),
          r.text(4), r.optional_text(5), r.text(6), r.optional_text(7)};
}

OneStopUnitRow unit_of(const SqlRow& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)};
}

SqlValue nullable(const std::optional<std::string>& v) {
  return v ? SqlValue(*v) : SqlValue(nullptr);
}
}  // namespace

std::optional<AgencyRow> find_agency(SqlConnection& db, const std::string& id) {
  const auto r = db.query_one(std::string(kAgencyColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return agency_of(*r);
}

bool agency_exists(SqlConnection& db, const std::string& id) {
  return db.query_one(kAgencyExists, {id}).has_value();
}

bool agency_valid_on(SqlConnection& db, const std::string& id, const std::string& date) {
  return db.query_one(kAgencyValid, {id, date, date}).has_value();
}

std::optional<std::string> parent_of(SqlConnection& db, const std::string& agency_id) {
  const auto r = db.query_one(kParent, {agency_id});
  if (!r) return std::nullopt;
  return r->optional_text(0);
}

std::vector<std::string> root_agency_ids(SqlConnection& db) {
  std::vector<std::string> out;
  for (const auto& r : db.query(kRoots)) out.push_back(r.text(0));
  return out;
}

std::optional<std::string> first_current_root_agency(SqlConnection& db) {
  const auto r = db.query_one(kFirstCurrentRoot);
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<AgencyRow> child_agencies(SqlConnection& db, const std::string& parent_id, int limit) {
  std::vector<AgencyRow> out;
  for (const auto& r : db.query(std::string(kAgencyColumns) + kChildrenWhere,
                                {parent_id, parent_id, std::int64_t{limit}})) {
    out.push_back(agency_of(r));
  }
  return out;
}

std::optional<std::string> agency_with_code(SqlConnection& db, const std::string& code,
                                            const std::string& except_id) {
  const auto r = db.query_one(kCodeElsewhere, {code, except_id});
  if (!r) return std::nullopt;
  return r->text(0);
}

void insert_agency(SqlConnection& db, const AgencyRow& a) {
  db.execute(kInsertAgency, {a.id, a.code, a.name, a.name_en, a.kind, nullable(a.parent_id),
                             a.valid_from, nullable(a.valid_to)});
}

void update_agency_from_import(SqlConnection& db, const AgencyRow& a) {
  db.execute(kUpdateFromImport, {a.name, a.name_en, a.kind, nullable(a.parent_id), a.valid_from,
                                 nullable(a.valid_to), a.id});
}

void rename_agency(SqlConnection& db, const std::string& id, const std::string& code,
                   const std::string& name, const std::string& name_en) {
  db.execute(kRename, {code, name, name_en, id});
}

void set_agency_code(SqlConnection& db, const std::string& id, const std::string& code) {
  db.execute(kSetCode, {code, id});
}

std::optional<OneStopUnitRow> find_unit(SqlConnection& db, const std::string& id) {
  const auto r = db.query_one(std::string(kUnitColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return unit_of(*r);
}

std::optional<std::string> unit_agency(SqlConnection& db, const std::string& unit_id) {
  const auto r = db.query_one(kUnitAgency, {unit_id});
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<OneStopUnitRow> list_units(SqlConnection& db) {
  std::vector<OneStopUnitRow> out;
  for (const auto& r : db.query(std::string(kUnitColumns) + "ORDER BY name")) {
    out.push_back(unit_of(r));
  }
  return out;
}

std::vector<OneStopUnitRow> units_of_agency(SqlConnection& db, const std::string& agency_id) {
  std::vector<OneStopUnitRow> out;
  for (const auto& r :
       db.query(std::string(kUnitColumns) + "WHERE agency_id = ? ORDER BY name", {agency_id})) {
    out.push_back(unit_of(r));
  }
  return out;
}

void insert_unit(SqlConnection& db, const OneStopUnitRow& u) {
  db.execute(kInsertUnit, {u.id, u.agency_id, u.name, u.name_en, u.address});
}

void update_unit(SqlConnection& db, const OneStopUnitRow& u) {
  db.execute(kUpdateUnit, {u.name, u.name_en, u.address, u.id});
}

}  // namespace motcua::store
