#include "domain/catalog/time_text.hpp"

#include <gtest/gtest.h>

namespace motcua::catalog {
namespace {

using clock::LimitUnit;
using clock::TimeLimit;

TimeTerm parse(std::string_view raw, Warnings& w, std::string_view description = {}) {
  return parse_time_text(raw, description, "thoi_han", w);
}

TEST(TimeText, ReadsTheThreeUnitsOfTheLegalClock) {
  Warnings w;
  EXPECT_EQ(parse("30 Ngày làm việc", w).limit, (TimeLimit{30, LimitUnit::working_days}));
  EXPECT_EQ(parse("15 Ngày", w).limit, (TimeLimit{15, LimitUnit::calendar_days}));
  EXPECT_EQ(parse("01 Giờ", w).limit, (TimeLimit{1, LimitUnit::working_hours}));
  EXPECT_EQ(parse("0 Giờ", w).limit, (TimeLimit{0, LimitUnit::working_hours}));
  EXPECT_EQ(parse("7\u00a0NGÀY LÀM VIỆC ", w).limit, (TimeLimit{7, LimitUnit::working_days}));
  EXPECT_EQ(parse("60.0 Ngày", w).limit, (TimeLimit{60, LimitUnit::calendar_days}));
  EXPECT_TRUE(w.empty());
  const TimeTerm t = parse("01 Giờ", w);
  EXPECT_EQ(t.status, TimeStatus::limit);
  EXPECT_EQ(t.raw, "01 Giờ");
}

TEST(TimeText, NotRegulatedIsAValueNotAWarning) {
  Warnings w;
  const TimeTerm t = parse("Không quy định", w);
  EXPECT_EQ(t.status, TimeStatus::not_regulated);
  EXPECT_FALSE(t.limit);
  EXPECT_TRUE(w.empty());
}

TEST(TimeText, MissingInformationWarns) {
  for (const char* raw : {"Không có thông tin", "", "  "}) {
    Warnings w;
    EXPECT_EQ(parse(raw, w).status, TimeStatus::missing) << raw;
    ASSERT_EQ(w.size(), 1u);
    EXPECT_EQ(w[0].kind, WarningKind::time_missing);
    EXPECT_EQ(w[0].field, "thoi_han");
  }
}

TEST(TimeText, BareNumberHasNoGuessedUnit) {
  Warnings w;
  const TimeTerm t = parse("1", w);
  EXPECT_EQ(t.status, TimeStatus::unparsed);
  EXPECT_FALSE(t.limit);
  EXPECT_EQ(t.raw, "1");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, WarningKind::time_unit_missing);
}

TEST(TimeText, BareNumberTakesTheUnitTheDescriptionStates) {
  Warnings w;
  const TimeTerm t = parse("5", w, "Không quá 05 (năm) ngày làm việc kể từ khi nhận đủ hồ sơ");
  EXPECT_EQ(t.limit, (TimeLimit{5, LimitUnit::working_days}));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].kind, WarningKind::time_unit_inferred);
  // A different number, or two units for the same number, is no evidence.
  Warnings w2;
  EXPECT_FALSE(parse("5", w2, "trong 15 ngày làm việc").limit);
  EXPECT_FALSE(parse("2", w2, "2 ngày làm việc hoặc 2 ngày").limit);
}

TEST(TimeText, MonthsFractionsProseAndRangesAreKeptRaw) {
  struct Case {
    const char* raw;
    WarningKind kind;
  };
  for (const Case c :
       {Case{"4 Tháng", WarningKind::time_months},
        Case{"1.5 Ngày làm việc", WarningKind::time_fractional},
        Case{"0.5 Giờ", WarningKind::time_fractional}, Case{"10-25", WarningKind::time_unparsed},
        Case{"Chậm nhất là ngay trước khi tàu rời cảng", WarningKind::time_unparsed},
        Case{"Không", WarningKind::time_unparsed}, Case{"140,000", WarningKind::time_unparsed},
        Case{"5000 Ngày", WarningKind::time_unparsed},
        Case{"3 Tuần", WarningKind::time_unparsed}}) {
    Warnings w;
    const TimeTerm t = parse(c.raw, w);
    EXPECT_EQ(t.status, TimeStatus::unparsed) << c.raw;
    EXPECT_FALSE(t.limit) << c.raw;
    EXPECT_FALSE(t.note.empty()) << c.raw;
    ASSERT_EQ(w.size(), 1u) << c.raw;
    EXPECT_EQ(w[0].kind, c.kind) << c.raw;
    EXPECT_EQ(w[0].raw, c.raw);
  }
}

}  // namespace
}  // namespace motcua::catalog
