#include "codec/units_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/agency/one_stop_unit.hpp"

namespace motcua::codec {
namespace {

const std::filesystem::path kUnitsDir = std::filesystem::path(MOTCUA_SOURCE_DIR) / "data/units";
const Date kJuly2025 = date_from_ymd(2025, 7, 1);
const Date kApril2026 = date_from_ymd(2026, 4, 30);

std::vector<std::vector<std::string>> fields_of(std::string_view text) {
  auto records = parse_csv(text);
  EXPECT_TRUE(records.has_value()) << (records ? "" : records.error().message);
  std::vector<std::vector<std::string>> out;
  if (records) {
    for (auto& r : *records) out.push_back(r.fields);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(Csv, PlainFieldsWithLfAndCrlf) {
  EXPECT_EQ(fields_of("a,b\nc,d\n"), (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(fields_of("a,b\r\nc,d\r\n"), (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(fields_of("a,b\r\nc,d"), (Rows{{"a", "b"}, {"c", "d"}}));  // no final line break
  EXPECT_EQ(fields_of(""), Rows{});
}

TEST(Csv, EmptyFields) {
  EXPECT_EQ(fields_of(",\n"), (Rows{{"", ""}}));
  EXPECT_EQ(fields_of("a,,c\n"), (Rows{{"a", "", "c"}}));
  EXPECT_EQ(fields_of("a,"), (Rows{{"a", ""}}));
  EXPECT_EQ(fields_of("\n"), (Rows{{""}}));
  EXPECT_EQ(fields_of("\"\",x\n"), (Rows{{"", "x"}}));
}

TEST(Csv, QuotedFields) {
  EXPECT_EQ(fields_of("\"Hà Nội, Việt Nam\",01\n"), (Rows{{"Hà Nội, Việt Nam", "01"}}));
  EXPECT_EQ(fields_of("\"say \"\"xin chào\"\"\",x\r\n"), (Rows{{"say \"xin chào\"", "x"}}));
  EXPECT_EQ(fields_of("\"two\r\nlines\",x\n"), (Rows{{"two\r\nlines", "x"}}));
  EXPECT_EQ(fields_of("a,\"\"\"\""), (Rows{{"a", "\""}}));
}

TEST(Csv, LineNumbersCountLineBreaksInsideQuotes) {
  const auto records = parse_csv("h\n\"a\nb\nc\"\nlast\n");
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 3u);
  EXPECT_EQ((*records)[1].line, 2u);
  EXPECT_EQ((*records)[2].line, 5u);
}

TEST(Csv, SkipsAByteOrderMark) {
  EXPECT_EQ(fields_of("\xEF\xBB\xBF"
                      "code,name\n"),
            (Rows{{"code", "name"}}));
}

TEST(Csv, MalformedInputGivesTheLine) {
  const auto unterminated = parse_csv("a,b\nc,\"open\nd,e\n");
  ASSERT_FALSE(unterminated.has_value());
  EXPECT_EQ(unterminated.error().line, 2u);  // where the quote opened
  EXPECT_EQ(unterminated.error().message, "unterminated quoted field");

  const auto after_quote = parse_csv("a\n\"x\"y,z\n");
  ASSERT_FALSE(after_quote.has_value());
  EXPECT_EQ(after_quote.error().line, 2u);

  const auto stray_quote = parse_csv("a\nb\nab\"c\n");
  ASSERT_FALSE(stray_quote.has_value());
  EXPECT_EQ(stray_quote.error().line, 3u);

  const auto lone_cr = parse_csv("a\rb\n");
  ASSERT_FALSE(lone_cr.has_value());
  EXPECT_EQ(lone_cr.error().line, 1u);
}

// A tiny edition: two provinces, three communes.
constexpr std::string_view kProvinces =
    "code,name,name_en,full_name,full_name_en,code_name,unit_type,unit_type_en,ward_count\r\n"
    "01,Hà Nội,Ha Noi,Thành phố Hà Nội,Ha Noi City,ha_noi,Thành phố,City,2\r\n"
    "04,Cao Bằng,Cao Bang,Tỉnh Cao Bằng,Cao Bang Province,cao_bang,Tỉnh,Province,1\r\n";
constexpr std::string_view kWards =
    "code,name,name_en,full_name,full_name_en,code_name,province_code,unit_type,unit_type_en\r\n"
    "00004,Ba Đình,Ba Dinh,Phường Ba Đình,Ba Dinh Ward,ba_dinh,01,Phường,Ward\r\n"
    "00008,Ngọc Hà,Ngoc Ha,Phường Ngọc Hà,Ngoc Ha Ward,ngoc_ha,01,Phường,Ward\r\n"
    "01273,Thục Phán,Thuc Phan,Phường Thục Phán,Thuc Phan Ward,thuc_phan,04,Phường,Ward\r\n";

std::string error_of(std::string_view provinces, std::string_view wards) {
  auto edition = parse_units_edition(provinces, wards, kJuly2025);
  EXPECT_FALSE(edition.has_value());
  return edition ? std::string() : edition.error();
}

TEST(UnitsEdition, ParsesAndChecksASmallEdition) {
  auto edition = parse_units_edition(kProvinces, kWards, kJuly2025);
  ASSERT_TRUE(edition.has_value()) << edition.error();
  ASSERT_EQ(edition->provinces.size(), 2u);
  ASSERT_EQ(edition->wards.size(), 3u);
  EXPECT_EQ(edition->provinces[0].ward_count, 2);
  EXPECT_EQ(edition->wards[2].province_code, "04");
  EXPECT_EQ(edition->wards[0].full_name, "Phường Ba Đình");
}

TEST(UnitsEdition, ColumnsAreFoundByName) {
  const std::string reordered =
      "ward_count,code,name,name_en,full_name,full_name_en,code_name,unit_type,unit_type_en,x\n"
      "2,01,Hà Nội,Ha Noi,Thành phố Hà Nội,Ha Noi City,ha_noi,Thành phố,City,extra\n"
      "1,04,Cao Bằng,Cao Bang,\"Tỉnh Cao Bằng\",Cao Bang Province,cao_bang,Tỉnh,Province,\n";
  auto edition = parse_units_edition(reordered, kWards, kJuly2025);
  ASSERT_TRUE(edition.has_value()) << edition.error();
  EXPECT_EQ(edition->provinces[1].full_name, "Tỉnh Cao Bằng");
}

TEST(UnitsEdition, WrongColumnCountNamesFileAndLine) {
  std::string wards(kWards);
  wards += "01279,Nùng Trí Cao,Nung Tri Cao,Phường Nùng Trí Cao,04,Phường,Ward\r\n";
  EXPECT_EQ(error_of(kProvinces, wards),
            "vn-wards-2025-07-01.csv line 5: expected 9 fields, found 7");
}

TEST(UnitsEdition, UnterminatedQuoteNamesFileAndLine) {
  std::string provinces(kProvinces);
  provinces += "08,\"Tuyên Quang,Tuyen Quang,Tỉnh Tuyên Quang,x,y,Tỉnh,Province,0\r\n";
  EXPECT_EQ(error_of(provinces, kWards),
            "vn-provinces-2025-07-01.csv line 4: unterminated quoted field");
}

TEST(UnitsEdition, ContentChecks) {
  const std::string header(kWards.substr(0, kWards.find('\n') + 1));
  EXPECT_EQ(error_of("code,name\n01,Hà Nội\n", kWards),
            "vn-provinces-2025-07-01.csv line 1: missing column 'name_en'");
  EXPECT_EQ(error_of(kProvinces, ""), "vn-wards-2025-07-01.csv: the file is empty");
  EXPECT_EQ(
      error_of(kProvinces, std::string(kWards) + "00012,A,A,Xã A,A Commune,a,99,Xã,Commune\r\n"),
      "vn-wards-2025-07-01.csv line 5: province 99 is not listed");
  EXPECT_EQ(
      error_of(kProvinces, std::string(kWards) + "00004,A,A,Xã A,A Commune,a,01,Xã,Commune\r\n"),
      "vn-wards-2025-07-01.csv line 5: commune code 00004 listed twice");
  EXPECT_EQ(error_of(kProvinces,
                     std::string(kWards) + "00012,A,A,Xã A,A Commune,a,01,Huyện,District\r\n"),
            "vn-wards-2025-07-01.csv line 5: unknown commune unit_type 'Huyện'");
  EXPECT_EQ(error_of(kProvinces, header + "0004,A,A,Xã A,A Commune,a,01,Xã,Commune\r\n"),
            "vn-wards-2025-07-01.csv line 2: bad commune code '0004'");
  EXPECT_EQ(error_of(kProvinces, header),
            "vn-provinces-2025-07-01.csv: province 01 has ward_count 2 but "
            "vn-wards-2025-07-01.csv lists 0");
}

UnitsEdition small_edition(Date effective, std::string_view provinces, std::string_view wards) {
  auto edition = parse_units_edition(provinces, wards, effective);
  EXPECT_TRUE(edition.has_value()) << edition.error();
  return edition ? std::move(*edition) : UnitsEdition{};
}

TEST(UnitsImport, OneEdition) {
  const std::vector editions = {small_edition(kJuly2025, kProvinces, kWards)};
  auto imported = import_units(editions);
  ASSERT_TRUE(imported.has_value()) << imported.error();
  const auto& tree = imported->tree;
  EXPECT_EQ(tree.size(), 5u);
  const agency::Agency* ward = tree.find("commune-00004");
  ASSERT_NE(ward, nullptr);
  EXPECT_EQ(ward->code, "00004");
  EXPECT_EQ(ward->name, "Phường Ba Đình");
  EXPECT_EQ(ward->name_en, "Ba Dinh Ward");
  EXPECT_EQ(ward->kind, agency::AgencyKind::commune);
  EXPECT_EQ(ward->parent_id, "province-01");
  EXPECT_EQ(ward->valid_from, kJuly2025);
  EXPECT_FALSE(ward->valid_to.has_value());
  EXPECT_TRUE(imported->changes.empty());
}

TEST(UnitsImport, LaterEditionEndsAddsAndRenames) {
  const std::string provinces_2026 =
      "code,name,name_en,full_name,full_name_en,code_name,unit_type,unit_type_en,ward_count\n"
      "01,Hà Nội,Hanoi,Thành phố Hà Nội,Hanoi City,ha_noi,Thành phố,City,2\n"
      "04,Cao Bằng,Cao Bang,Tỉnh Cao Bằng,Cao Bang Province,cao_bang,Tỉnh,Province,1\n";
  const std::string wards_2026 =
      "code,name,name_en,full_name,full_name_en,code_name,province_code,unit_type,unit_type_en\n"
      "00004,Ba Đình,Ba Dinh,Phường Ba Đình,Ba Dinh Ward,ba_dinh,01,Phường,Ward\n"
      "00010,Mới,Moi,Phường Mới,Moi Ward,moi,01,Phường,Ward\n"
      "01273,Thục Phán,Thuc Phan,Xã Thục Phán,Thuc Phan Commune,thuc_phan,04,Xã,Commune\n";
  const std::vector editions = {small_edition(kJuly2025, kProvinces, kWards),
                                small_edition(kApril2026, provinces_2026, wards_2026)};
  auto imported = import_units(editions);
  ASSERT_TRUE(imported.has_value()) << imported.error();
  const auto& tree = imported->tree;
  EXPECT_EQ(tree.size(), 6u);
  EXPECT_EQ(tree.find("commune-00008")->valid_to, kApril2026);    // dropped
  EXPECT_EQ(tree.find("commune-00010")->valid_from, kApril2026);  // new
  EXPECT_TRUE(tree.is_valid_on("commune-00008", kApril2026 - 1));
  EXPECT_FALSE(tree.is_valid_on("commune-00008", kApril2026));
  EXPECT_EQ(tree.find("commune-01273")->name, "Xã Thục Phán");  // newest attributes
  EXPECT_EQ(tree.find("province-01")->name_en, "Hanoi City");
  EXPECT_EQ(
      imported->changes,
      (std::vector<UnitChange>{
          {"province-01", kApril2026, "name_en", "Ha Noi", "Hanoi"},
          {"province-01", kApril2026, "full_name_en", "Ha Noi City", "Hanoi City"},
          {"commune-01273", kApril2026, "full_name", "Phường Thục Phán", "Xã Thục Phán"},
          {"commune-01273", kApril2026, "full_name_en", "Thuc Phan Ward", "Thuc Phan Commune"},
          {"commune-01273", kApril2026, "unit_type", "Phường", "Xã"},
          {"commune-01273", kApril2026, "unit_type_en", "Ward", "Commune"},
      }));
}

TEST(UnitsImport, RefusesWhatItCannotRepresent) {
  const UnitsEdition first = small_edition(kJuly2025, kProvinces, kWards);
  EXPECT_FALSE(import_units(std::vector<UnitsEdition>{}).has_value());
  EXPECT_EQ(import_units(std::vector{first, first}).error(),
            "editions must be in increasing date order: 2025-07-01 follows 2025-07-01");

  // 00008 moves to Cao Bằng.
  const std::string provinces_moved =
      "code,name,name_en,full_name,full_name_en,code_name,unit_type,unit_type_en,ward_count\n"
      "01,Hà Nội,Ha Noi,Thành phố Hà Nội,Ha Noi City,ha_noi,Thành phố,City,1\n"
      "04,Cao Bằng,Cao Bang,Tỉnh Cao Bằng,Cao Bang Province,cao_bang,Tỉnh,Province,2\n";
  std::string wards_moved(kWards);
  wards_moved.replace(wards_moved.find("ngoc_ha,01"), 10, "ngoc_ha,04");
  const std::vector moved = {first, small_edition(kApril2026, provinces_moved, wards_moved)};
  EXPECT_EQ(import_units(moved).error(),
            "commune-00008 moves from province-01 to province-04 on 2026-04-30: not supported");

  // 01273 dropped, then listed again.
  const std::string provinces_without =
      "code,name,name_en,full_name,full_name_en,code_name,unit_type,unit_type_en,ward_count\n"
      "01,Hà Nội,Ha Noi,Thành phố Hà Nội,Ha Noi City,ha_noi,Thành phố,City,2\n"
      "04,Cao Bằng,Cao Bang,Tỉnh Cao Bằng,Cao Bang Province,cao_bang,Tỉnh,Province,0\n";
  std::string wards_without(kWards);
  wards_without.erase(wards_without.find("01273"));
  const std::vector back = {first, small_edition(kApril2026, provinces_without, wards_without),
                            small_edition(date_from_ymd(2027, 1, 1), kProvinces, kWards)};
  EXPECT_EQ(import_units(back).error(),
            "commune-01273 was dropped on 2026-04-30 and listed again on 2027-01-01: not "
            "supported");
}

// ---- The real files ----------------------------------------------------------------------------

std::map<std::string, int> count_types(const UnitsEdition& edition, bool provinces) {
  std::map<std::string, int> out;
  if (provinces) {
    for (const auto& p : edition.provinces) ++out[p.unit_type];
  } else {
    for (const auto& w : edition.wards) ++out[w.unit_type];
  }
  return out;
}

TEST(RealUnits, Edition2025HasThe34ProvincesAnd3321Communes) {
  auto edition = load_units_edition(kUnitsDir, kJuly2025);
  ASSERT_TRUE(edition.has_value()) << edition.error();
  EXPECT_EQ(edition->provinces.size(), 34u);
  EXPECT_EQ(edition->wards.size(), 3321u);
  EXPECT_EQ(count_types(*edition, true),
            (std::map<std::string, int>{{"Thành phố", 6}, {"Tỉnh", 28}}));
  EXPECT_EQ(count_types(*edition, false),
            (std::map<std::string, int>{{"Phường", 687}, {"Xã", 2621}, {"Đặc khu", 13}}));
}

TEST(RealUnits, Edition2026KeepsTheCountsAndChangesTypes) {
  auto edition = load_units_edition(kUnitsDir, kApril2026);
  ASSERT_TRUE(edition.has_value()) << edition.error();
  EXPECT_EQ(edition->provinces.size(), 34u);
  EXPECT_EQ(edition->wards.size(), 3321u);
  // Đồng Nai became the 7th centrally-run city; 10 of its communes became wards.
  EXPECT_EQ(count_types(*edition, true),
            (std::map<std::string, int>{{"Thành phố", 7}, {"Tỉnh", 27}}));
  EXPECT_EQ(count_types(*edition, false),
            (std::map<std::string, int>{{"Phường", 697}, {"Xã", 2611}, {"Đặc khu", 13}}));
}

TEST(RealUnits, BothEditionsMerge) {
  auto first = load_units_edition(kUnitsDir, kJuly2025);
  auto second = load_units_edition(kUnitsDir, kApril2026);
  ASSERT_TRUE(first && second);
  const std::vector editions = {std::move(*first), std::move(*second)};
  auto imported = import_units(editions);
  ASSERT_TRUE(imported.has_value()) << imported.error();
  const auto& tree = imported->tree;

  // No unit appeared or disappeared: the same 34 + 3,321 codes, all still valid.
  EXPECT_EQ(tree.size(), 34u + 3321u);
  for (const auto& a : tree.agencies()) {
    EXPECT_EQ(a.valid_from, kJuly2025) << a.id;
    EXPECT_FALSE(a.valid_to.has_value()) << a.id;
  }
  EXPECT_EQ(tree.roots().size(), 34u);
  EXPECT_EQ(tree.children("province-01", kJuly2025).size(), 126u);
  EXPECT_EQ(tree.province_of("commune-00004")->name, "Thành phố Hà Nội");
  EXPECT_EQ(tree.find_by_code("00004", kApril2026)->id, "commune-00004");

  // What changed: 476 column values in 244 units (5 provinces, 239 communes), mostly the placement
  // of tone marks (Hòa → Hoà).
  std::map<std::string, int> per_column;
  std::set<std::string> units;
  for (const auto& c : imported->changes) {
    EXPECT_EQ(c.effective, kApril2026);
    ++per_column[c.column];
    units.insert(c.agency_id);
  }
  EXPECT_EQ(imported->changes.size(), 476u);
  EXPECT_EQ(units.size(), 244u);
  EXPECT_EQ(per_column, (std::map<std::string, int>{{"full_name", 205},
                                                    {"full_name_en", 52},
                                                    {"name", 193},
                                                    {"name_en", 4},
                                                    {"unit_type", 11},
                                                    {"unit_type_en", 11}}));
  EXPECT_EQ(tree.find("province-75")->name, "Thành phố Đồng Nai");
  EXPECT_EQ(tree.find("commune-25357")->name, "Phường Tân Khai");
  EXPECT_EQ(tree.find("commune-00745")->name, "Xã Phố Bảng");
  const UnitChange dong_nai{"province-75", kApril2026, "full_name", "Tỉnh Đồng Nai",
                            "Thành phố Đồng Nai"};
  EXPECT_NE(std::find(imported->changes.begin(), imported->changes.end(), dong_nai),
            imported->changes.end());

  // Rules digest case 17 on the real tree: a Hanoi ward's desk receives for another Hanoi ward,
  // not for one of Hồ Chí Minh City (Thủ Dầu Một).
  agency::OneStopUnit desk{
      "desk-00004", "Bộ phận Một cửa phường Ba Đình", "", "commune-00004", std::nullopt, {}};
  EXPECT_TRUE(agency::can_receive_for(tree, desk, "commune-00008", kApril2026));
  EXPECT_FALSE(agency::can_receive_for(tree, desk, "commune-25747", kApril2026));
}

}  // namespace
}  // namespace motcua::codec
