#include "domain/text/mask.hpp"

#include <gtest/gtest.h>

namespace motcua::text {
namespace {

TEST(Mask, IdentifierKeepsFirstAndLastTwo) {
  EXPECT_EQ(mask_identifier("0912345689"), "0*******89");
  EXPECT_EQ(mask_identifier("001203004567"), "0*********67");
  EXPECT_EQ(mask_identifier("abc"), "***");
  EXPECT_EQ(mask_identifier(""), "");
}

TEST(Mask, LongDigitRunsInTextAreMaskedOthersKept) {
  EXPECT_EQ(mask_identifiers_in("Gọi 0912345689 hoặc +84912345689, CCCD 001203004567."),
            "Gọi 0*******89 hoặc +8********89, CCCD 0*********67.");
  // Dates, amounts and dossier codes (short runs) stay readable.
  EXPECT_EQ(mask_identifiers_in("H40-261207-0012 ngày 07/12/2026, phí 50000 đồng"),
            "H40-261207-0012 ngày 07/12/2026, phí 50000 đồng");
  EXPECT_EQ(mask_identifiers_in("/api/v1/users/079090001234"), "/api/v1/users/0*********34");
}

}  // namespace
}  // namespace motcua::text
