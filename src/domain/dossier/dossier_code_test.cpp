#include "domain/dossier/dossier_code.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace motcua::dossier {
namespace {

const Date kMarch6 = date_from_ymd(2026, 3, 6);

TEST(DossierCode, FormatsTheCircularExample) {
  EXPECT_EQ(format_dossier_code("000.20.30.H40", kMarch6, 12), "000.20.30.H40-260306-0012");
  EXPECT_EQ(format_dossier_code("000.20.30.H40", kMarch6, 1), "000.20.30.H40-260306-0001");
  EXPECT_EQ(format_dossier_code("H40", date_from_ymd(2030, 12, 31), 9999), "H40-301231-9999");
}

TEST(DossierCode, GrowsPastFourDigitsInsteadOfWrapping) {
  EXPECT_EQ(format_dossier_code("000.20.30.H40", kMarch6, 10000), "000.20.30.H40-260306-10000");
  EXPECT_EQ(format_dossier_code("000.20.30.H40", kMarch6, 12345), "000.20.30.H40-260306-12345");
  const auto parsed = parse_dossier_code("000.20.30.H40-260306-12345");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->daily_sequence, 12345);
}

TEST(DossierCode, ParsesTheCircularExample) {
  const auto parsed = parse_dossier_code("000.20.30.H40-260306-0012");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->agency_code, "000.20.30.H40");
  EXPECT_EQ(parsed->receipt_date, kMarch6);
  EXPECT_EQ(parsed->daily_sequence, 12);
}

TEST(DossierCode, RoundTrips) {
  for (int sequence : {1, 9, 10, 999, 1000, 9999, 10000, 99999, 100000, 123456789}) {
    for (Date d : {date_from_ymd(2000, 1, 1), date_from_ymd(2024, 2, 29), kMarch6,
                   date_from_ymd(2099, 12, 31)}) {
      const std::string code = format_dossier_code("G01.12.a", d, sequence);
      EXPECT_EQ(parse_dossier_code(code), (DossierCode{"G01.12.a", d, sequence})) << code;
    }
  }
}

TEST(DossierCode, RejectsMalformedCodes) {
  for (const char* code : {
           "",
           "000.20.30.H40",
           "000.20.30.H40-260306",
           "-260306-0012",                 // no agency
           "000.20.30.H40-260306-",        // no sequence
           "000.20.30.H40-260306-012",     // fewer than four digits
           "000.20.30.H40-260306-0000",    // sequence 0
           "000.20.30.H40-260306-00012",   // padded beyond four digits
           "000.20.30.H40-20260306-0012",  // four-digit year
           "000.20.30.H40-260230-0012",    // 30 February
           "000.20.30.H40-261306-0012",    // month 13
           "000.20.30.H40-260306-0012-1",  // extra part
           "000.20.30.H40-260306-12a4",
           "000.20.30.H40-2603O6-0012",  // letter O
           "000 20.30.H40-260306-0012",
           "000.20.30.H40-260306-+012",
           "000.20.30.H40-260306-1234567890",  // too long for the day's counter
           "Sở Tư pháp-260306-0012",
       }) {
    EXPECT_FALSE(parse_dossier_code(code).has_value()) << code;
  }
}

TEST(DossierCode, ValidatesTheAgencyPart) {
  EXPECT_TRUE(is_valid_agency_code("000.20.30.H40"));
  EXPECT_TRUE(is_valid_agency_code("H40"));
  EXPECT_TRUE(is_valid_agency_code("g.01"));
  EXPECT_FALSE(is_valid_agency_code(""));
  EXPECT_FALSE(is_valid_agency_code("000-20"));
  EXPECT_FALSE(is_valid_agency_code("000 20"));
  EXPECT_FALSE(is_valid_agency_code("000_20"));
  EXPECT_FALSE(is_valid_agency_code("Hà.Nội"));
}

TEST(DossierCode, FormatRefusesWhatCouldNotBeParsedBack) {
  EXPECT_THROW(format_dossier_code("", kMarch6, 1), std::invalid_argument);
  EXPECT_THROW(format_dossier_code("000-20", kMarch6, 1), std::invalid_argument);
  EXPECT_THROW(format_dossier_code("H40", kMarch6, 0), std::invalid_argument);
  EXPECT_THROW(format_dossier_code("H40", kMarch6, -3), std::invalid_argument);
  EXPECT_THROW(format_dossier_code("H40", date_from_ymd(1999, 12, 31), 1), std::invalid_argument);
  EXPECT_THROW(format_dossier_code("H40", date_from_ymd(2100, 1, 1), 1), std::invalid_argument);
}

TEST(DossierCode, NormalizeTrimsAndUpperCasesAsciiOnly) {
  EXPECT_EQ(normalize_dossier_code("  000.20.30.h40-260306-0012 \t\n"),
            "000.20.30.H40-260306-0012");
  EXPECT_EQ(normalize_dossier_code("000.20.30.H40-260306-0012"), "000.20.30.H40-260306-0012");
  EXPECT_EQ(normalize_dossier_code("   "), "");
  EXPECT_EQ(normalize_dossier_code(""), "");
  // Inner spaces and non-ASCII letters are left alone: such a code is simply not found.
  EXPECT_EQ(normalize_dossier_code(" a b\xc3\xa1 "), "A B\xc3\xa1");
  const auto code = normalize_dossier_code(" 000.20.30.h40-260306-0012 ");
  EXPECT_TRUE(parse_dossier_code(code).has_value());
}

}  // namespace
}  // namespace motcua::dossier
