#include "codec/iso_time.hpp"

#include <gtest/gtest.h>

namespace motcua::codec {
namespace {

TEST(IsoTime, LocalTimeWithoutOffsetIsOfficeTime) {
  const auto t = parse_iso_instant("2026-03-12T09:00", 420);
  ASSERT_TRUE(t);
  EXPECT_EQ(to_iso(*t, 420), "2026-03-12T09:00:00+07:00");
  EXPECT_EQ(*parse_iso_instant("2026-03-12T02:00:00Z", 420), *t);
  EXPECT_EQ(*parse_iso_instant("2026-03-12T09:00:00+07:00", 0), *t);
  EXPECT_EQ(*parse_iso_instant("2026-03-12 09:00", 420), *t);
}

TEST(IsoTime, RejectsMalformedInput) {
  for (const char* bad :
       {"", "2026-03-12", "2026-3-12T09:00", "2026-02-30T09:00", "2026-03-12T24:00",
        "2026-03-12T09:60", "2026-03-12T09:00+7", "2026-03-12T09:00junk",
        "2026-03-12T09:00:00+15:00", "２０２６-03-12T09:00"}) {
    EXPECT_FALSE(parse_iso_instant(bad, 420)) << bad;
  }
  EXPECT_FALSE(parse_iso_date("2026-02-29"));
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
}

}  // namespace
}  // namespace motcua::codec
