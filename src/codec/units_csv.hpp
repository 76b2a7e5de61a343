// Reading Vietnam's administrative units (đơn vị hành chính) from CSV into an agency tree.
//
// The files (data/units/, origin and MIT licence in data/README.md; built by the
// thanglequoc/vietnamese-provinces-database project from the GSO (Tổng cục Thống kê) list):
//   vn-provinces-<date>.csv  code,name,name_en,full_name,full_name_en,code_name,unit_type,
//                            unit_type_en,ward_count
//   vn-wards-<date>.csv      code,name,name_en,full_name,full_name_en,code_name,province_code,
//                            unit_type,unit_type_en
// `code` is the GSO code (2 digits for a province, 5 for a commune); province unit_type is
// "Tỉnh" or "Thành phố", commune unit_type "Xã", "Phường" or "Đặc khu". <date> is the day the
// edition took effect: 2025-07-01 (Resolution 202/2025/QH15: 34 provinces, 3,321 communes) and
// 2026-04-30. Columns are found by name, so their order may change; extra columns are ignored.
//
// Agencies made from them: id "province-<code>" or "commune-<code>", code = the GSO code, name =
// full_name ("Phường Ba Đình"), name_en = full_name_en, communes under their province.
//
// Several editions are merged by GSO code, the identity of a unit:
//  - a unit in the first edition is valid from that edition's date;
//  - a unit first listed by a later edition is valid from that edition's date;
//  - a unit missing from a later edition gets valid_to = that edition's date (the first day it no
//    longer exists; validity is half-open, agency.hpp);
//  - a unit whose attributes change (a renaming, Xã becoming Phường, Tỉnh becoming Thành phố)
//    keeps its id and validity and takes the newest attributes; each changed column is reported
//    as a UnitChange so that the importer can log or publish it. Names before a change are in the
//    changes, not in the tree.
//  - a commune that moves to another province, or a unit that comes back after it was dropped,
//    is refused: one id with two parents or two lifetimes cannot be represented, and neither has
//    happened yet.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agency/agency_tree.hpp"
#include "domain/calendar/date.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

// ---- CSV (RFC 4180) ------------------------------------------------------------------------
// Fields are separated by commas and records by CRLF or LF; a field in double quotes may hold
// commas, line breaks and doubled quotes (""). A UTF-8 byte-order mark is skipped. A final line
// break does not start an empty record. Records may have different lengths: the reader of a
// particular file checks the count.
struct CsvRecord {
  std::size_t line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

struct CsvError {
  std::size_t line = 0;
  std::string message;
};

tl::expected<std::vector<CsvRecord>, CsvError> parse_csv(std::string_view text);

// ---- Administrative units --------------------------------------------------------------------
struct ProvinceRow {
  std::string code, name, name_en, full_name, full_name_en, code_name, unit_type, unit_type_en;
  int ward_count = 0;
};

struct WardRow {
  std::string code, name, name_en, full_name, full_name_en, code_name, province_code, unit_type,
      unit_type_en;
};

struct UnitsEdition {
  Date effective;
  std::vector<ProvinceRow> provinces;
  std::vector<WardRow> wards;
};

// Parses one edition and checks it: every column present, every row as long as the header,
// known unit types, unique codes, communes in a listed province, ward_count equal to the number
// of communes listed. Errors name the file and line, e.g.
// "vn-wards-2025-07-01.csv line 12: expected 9 fields, found 8".
tl::expected<UnitsEdition, std::string> parse_units_edition(std::string_view provinces_csv,
                                                            std::string_view wards_csv,
                                                            Date effective);

// Reads vn-provinces-<date>.csv and vn-wards-<date>.csv from `dir`.
tl::expected<UnitsEdition, std::string> load_units_edition(const std::filesystem::path& dir,
                                                           Date effective);

std::string province_agency_id(std::string_view gso_code);
std::string commune_agency_id(std::string_view gso_code);

// One column of one unit that differs between an edition and the one before it.
struct UnitChange {
  std::string agency_id;
  Date effective;
  std::string column;  // e.g. "full_name", "unit_type"
  std::string before;
  std::string after;
  friend bool operator==(const UnitChange&, const UnitChange&) = default;
};

struct UnitsImport {
  agency::AgencyTree tree;
  std::vector<UnitChange> changes;  // in edition order, then province rows, then ward rows
};

// Merges editions (strictly increasing dates) as described above and builds the tree.
tl::expected<UnitsImport, std::string> import_units(std::span<const UnitsEdition> editions);

}  // namespace motcua::codec
