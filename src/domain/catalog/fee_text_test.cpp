#include "domain/catalog/fee_text.hpp"

#include <gtest/gtest.h>

namespace motcua::catalog {
namespace {

Fee parse(std::string_view raw, Warnings& w, std::string_view description = {}) {
  return parse_fee_text(raw, description, "phi", w);
}

TEST(Money, ThousandsSeparatorsAndUsdCents) {
  EXPECT_EQ(parse_money("2.000.000", Currency::vnd), 2000000);
  EXPECT_EQ(parse_money("50,000", Currency::vnd), 50000);
  EXPECT_EQ(parse_money("20000", Currency::vnd), 20000);
  EXPECT_EQ(parse_money("1.5", Currency::usd), 150);
  EXPECT_EQ(parse_money("0.25", Currency::usd), 25);
  EXPECT_EQ(parse_money("145", Currency::usd), 14500);
  EXPECT_EQ(parse_money("1,000", Currency::usd), 100000);
  EXPECT_FALSE(parse_money("1.5", Currency::vnd));  // no fractions of a đồng
  EXPECT_FALSE(parse_money("1.50.0", Currency::vnd));
  EXPECT_FALSE(parse_money("", Currency::vnd));
  EXPECT_FALSE(parse_money("12a", Currency::vnd));
  EXPECT_FALSE(parse_money("1234567890123456", Currency::vnd));
}

TEST(FeeText, FreeForms) {
  for (const char* raw : {"Miễn phí", "Không", "0 Đồng", "Phí : 0 Đồng", "Lệ phí : 0 Đồng",
                          "Phí : Không Đồng", "Phí : không Đồng"}) {
    Warnings w;
    const Fee f = parse(raw, w);
    EXPECT_EQ(f.status, FeeStatus::free) << raw;
    EXPECT_FALSE(f.unparseable) << raw;
    EXPECT_TRUE(w.empty()) << raw;
  }
}

TEST(FeeText, MissingWarns) {
  Warnings w;
  EXPECT_EQ(parse("Không có thông tin", w).status, FeeStatus::missing);
  EXPECT_EQ(parse("", w).status, FeeStatus::missing);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].kind, WarningKind::fee_missing);
}

TEST(FeeText, PortalAndDefenceNumberStyles) {
  Warnings w;
  const Fee a = parse("Phí : 2.000.000 Đồng (Thẩm định cấp phép)", w);
  ASSERT_EQ(a.amounts.size(), 1u);
  EXPECT_EQ(a.status, FeeStatus::amounts);
  EXPECT_EQ(a.amounts[0], (FeeAmount{FeeKind::fee, Currency::vnd, 2000000, "Thẩm định cấp phép"}));
  const Fee b = parse("Lệ phí: 50,000 đồng", w);
  ASSERT_EQ(b.amounts.size(), 1u);
  EXPECT_EQ(b.amounts[0].kind, FeeKind::charge);
  EXPECT_EQ(b.amounts[0].amount, 50000);
  const Fee c = parse("10,000 Việt Nam Đồng", w);
  EXPECT_EQ(c.amounts.at(0), (FeeAmount{FeeKind::unspecified, Currency::vnd, 10000, ""}));
  EXPECT_EQ(parse("200,000 VNĐ", w).amounts.at(0).amount, 200000);
  EXPECT_TRUE(w.empty());
}

TEST(FeeText, SeveralLines) {
  Warnings w;
  const Fee f = parse(
      "Phí : 2.000.000 Đồng (nghiên cứu)\nPhí : 3.500.000 Đồng (thăm dò)\nFile đính kèm: a.pdf", w);
  ASSERT_EQ(f.amounts.size(), 2u);
  EXPECT_EQ(f.amounts[1].amount, 3500000);
  EXPECT_EQ(f.amounts[1].note, "thăm dò");
  EXPECT_TRUE(w.empty());
}

TEST(FeeText, UsdIsFlagged) {
  Warnings w;
  const Fee f = parse("Lệ phí : 1.5 USD\nLệ phí : 03 USD (Lệ phí: 03 USD/Giấy phép)", w);
  EXPECT_TRUE(f.foreign_currency);
  ASSERT_EQ(f.amounts.size(), 2u);
  EXPECT_EQ(f.amounts[0], (FeeAmount{FeeKind::charge, Currency::usd, 150, ""}));
  EXPECT_EQ(f.amounts[1].amount, 300);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, WarningKind::fee_foreign_currency);
}

TEST(FeeText, VndThatTheDescriptionSaysIsUsdIsCorrected) {
  Warnings w;
  const Fee f =
      parse("155 VNĐ", w, "(Thẻ tạm trú có thời hạn từ trên 02 năm đến 05 năm: 155 USD/thẻ.)");
  ASSERT_EQ(f.amounts.size(), 1u);
  EXPECT_EQ(f.amounts[0].currency, Currency::usd);
  EXPECT_EQ(f.amounts[0].amount, 15500);
  EXPECT_TRUE(f.foreign_currency);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].kind, WarningKind::fee_currency_corrected);
  EXPECT_EQ(w[1].kind, WarningKind::fee_foreign_currency);
}

TEST(FeeText, TinyVndAmountsAreKeptButFlagged) {
  Warnings w;
  const Fee f = parse("40 Việt Nam Đồng", w, "(4.000 đ/giấy thông hành)");
  EXPECT_EQ(f.amounts.at(0).amount, 40);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, WarningKind::fee_amount_implausible);
}

TEST(FeeText, UnreadableAmounts) {
  for (const char* raw : {"Phí : o Đồng", "Phí :  Đồng", "Lệ phí :   (Thông tư số 249/2016/TT-BTC)",
                          "Phí : Mức thu bằng 50% mức thu phí quy định Đồng"}) {
    Warnings w;
    const Fee f = parse(raw, w);
    EXPECT_EQ(f.status, FeeStatus::unparsed) << raw;
    EXPECT_TRUE(f.unparseable) << raw;
    ASSERT_EQ(w.size(), 1u) << raw;
    EXPECT_EQ(w[0].kind, WarningKind::fee_unparsed);
  }
  Warnings w;
  const Fee partly = parse("Phí : 50.000 Đồng\nPhí : Mức thu bằng 50% Đồng", w);
  EXPECT_EQ(partly.status, FeeStatus::amounts);
  EXPECT_TRUE(partly.unparseable);
}

}  // namespace
}  // namespace motcua::catalog
